"""E-mail to applicants and reminders to officers, sent by the task worker.

`applicant_notify` is what the services call: it never sends anything
itself. It registers a `transaction.on_commit` hook that enqueues
`tasks.applicant_email_send`, so nothing is sent when the transaction rolls
back and nothing is sent inside the web request (the worker does it).
"""

from __future__ import annotations

from django.db import transaction

from ..models import Application

# Kinds of applicant e-mail (issue 4 "Notifications"); each maps to the
# letter of the same kind, when one was issued (LetterKind values).
APPLICANT_KINDS = frozenset(
    {"receipt", "correction", "extension", "fee", "reply", "referral", "withdrawal"}
)


def applicant_notify(*, application: Application, kind: str) -> None:
    """After commit, enqueue the e-mail telling the applicant what happened."""
    if kind not in APPLICANT_KINDS:
        raise ValueError(f"unknown applicant notification kind: {kind}")
    if not application.email:
        return
    application_id = application.pk
    transaction.on_commit(lambda: _enqueue(application_id, kind))


def _enqueue(application_id: int, kind: str) -> None:
    from ..tasks import applicant_email_send

    applicant_email_send.enqueue(application_id=application_id, kind=kind)


__all__ = ["APPLICANT_KINDS", "applicant_notify"]
