"""Storing the reply deadline and recomputing it when the calendar changes.

The due date is always recomputed from the case file (`deadline.application_
ledger`), copied onto the Application (so queues sort in the database) with
the calendar version used, and kept as a core `StoredDeadline` (owner kind
"application") so that entering or correcting a year's schedule recomputes
it (architecture rule 3). A due date in a year the calendar lacks is stored
provisional, never refused, and recomputed when the year is entered.

The StoredDeadline records the counting window (start = the day counting
starts from, due = the ledger's due date) so core's calendar services find
it; its recomputer then replaces core's plain working-day count with the
ledger, which knows the pauses. While a pause is open there is no due date
and nothing to store. The fee payment and consultation answer deadlines are
stored the same way under their own owner kinds.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.deadline_registry import deadline_store
from gongkai.core.errors import DomainError
from gongkai.core.models import StoredDeadline, User

from ..choices import ConsultationKind
from ..deadline import application_ledger
from ..deadlines import DeadlineLedger
from ..models import Application, ApplicationStatus, Consultation, FeeDecision

logger = logging.getLogger(__name__)

OWNER_KIND = "application"
FEE_OWNER_KIND = "application.fee_payment"
CONSULTATION_OWNER_KIND = "application.consultation_answer"


def _snapshot(application: Application) -> dict[str, Any]:
    return {
        "due_on": application.due_on,
        "due_provisional": application.due_provisional,
        "calendar_version": application.calendar_version,
    }


def _store(application: Application, ledger: DeadlineLedger) -> None:
    owner_id = str(application.pk)
    closed = application.status == ApplicationStatus.CLOSED
    # Recomputed on calendar edits while open; a closed case keeps its due
    # date as it stood, unless that date was provisional.
    if ledger.due_on is None or (closed and not ledger.provisional):
        StoredDeadline.objects.filter(owner_kind=OWNER_KIND, owner_id=owner_id).delete()
        return
    StoredDeadline.objects.update_or_create(
        owner_kind=OWNER_KIND,
        owner_id=owner_id,
        defaults={
            "start": ledger.counting_from,
            "working_days": ledger.limit,
            "due_on": ledger.due_on,
            "provisional": ledger.provisional,
            "calendar_version": ledger.calendar_version,
            "first_year": ledger.counting_from.year,
            "last_year": ledger.due_on.year,
        },
    )


@transaction.atomic
def application_deadline_refresh(
    *, application: Application, actor: User | None = None, audit: bool = False
) -> DeadlineLedger | None:
    """Recompute the reply deadline from the case file and store it.

    Raises DomainError when the case file breaks a rule of the clock (the
    caller's transaction then stores nothing).
    """
    ledger = application_ledger(application)
    before = _snapshot(application)
    if ledger is None:
        application.due_on, application.due_provisional = None, False
    else:
        application.due_on = ledger.due_on
        application.due_provisional = ledger.provisional and ledger.due_on is not None
        application.calendar_version = ledger.calendar_version
        application.extension_days = ledger.extension_days
        _store(application, ledger)
    fields = ["due_on", "due_provisional", "calendar_version", "extension_days"]
    Application.objects.filter(pk=application.pk).update(
        **{name: getattr(application, name) for name in fields}
    )
    if audit and before != _snapshot(application):
        audit_record(
            actor=actor,
            event_type=AuditEventType.APPLICATION_DEADLINE_RECOMPUTED,
            target=application,
            before=before,
            after=_snapshot(application),
        )
    return ledger


def application_deadline_recompute(deadline: StoredDeadline) -> None:
    """Recomputer for owner kind "application" (registered in apps.ready)."""
    application = (
        Application.objects.select_for_update().filter(pk=deadline.owner_id).first()
    )
    if application is None:
        deadline.delete()
        return
    try:
        with transaction.atomic():
            application_deadline_refresh(application=application, audit=True)
    except DomainError as error:
        # The case file no longer passes a check made when it was written
        # (e.g. an extension decided on the last day of a period the new
        # calendar ends earlier): a calendar edit must never fail for that.
        # The stored due date stays as it was, and the officer is told why.
        logger.warning("deadline of application %s kept: %s", application.pk, error)
        _keep(deadline, application, error)


def _keep(
    deadline: StoredDeadline, application: Application, error: DomainError
) -> None:
    if application.due_on is not None:
        StoredDeadline.objects.filter(pk=deadline.pk).update(
            due_on=application.due_on, provisional=application.due_provisional
        )
    audit_record(
        actor=None,
        event_type=AuditEventType.APPLICATION_DEADLINE_RECOMPUTED,
        target=application,
        before=_snapshot(application),
        after={**_snapshot(application), "kept": error.message},
    )


# -- side deadlines ----------------------------------------------------------
# Both are plain working-day counts, so core's recomputation is exact and the
# recomputers only copy the date back.


def _fee_payment_days() -> int:
    days = settings.GONGKAI_FEES["payment_limit_wd"]
    assert isinstance(days, int)
    return days


def fee_payment_due_store(fee: FeeDecision) -> StoredDeadline:
    """109号: pay within 20 WD counted from the day after the notice arrives."""
    return deadline_store(
        owner_kind=FEE_OWNER_KIND,
        owner_id=fee.pk,
        start=fee.notice_received_on,
        days=_fee_payment_days(),
    )


def fee_payment_due_recompute(deadline: StoredDeadline) -> None:
    FeeDecision.objects.filter(pk=deadline.owner_id).update(
        payment_due_on=deadline.due_on
    )


def consultation_answer_days(kind: str) -> int:
    """条例第三十二、三十四条: 15 WD for the consulted party (settings)."""
    key = (
        "co_producer_reply_limit_wd"
        if kind == ConsultationKind.CO_PRODUCER
        else "third_party_reply_limit_wd"
    )
    return int(settings.GONGKAI_APPLICATIONS[key])


def consultation_answer_due_store(consultation: Consultation) -> StoredDeadline | None:
    """15 WD from the day the consulted party receives the letter."""
    if consultation.delivered_on is None:
        return None
    return deadline_store(
        owner_kind=CONSULTATION_OWNER_KIND,
        owner_id=consultation.pk,
        start=consultation.delivered_on,
        days=consultation_answer_days(consultation.kind),
    )


def consultation_answer_due_recompute(deadline: StoredDeadline) -> None:
    Consultation.objects.filter(pk=deadline.owner_id).update(
        answer_due_on=deadline.due_on
    )
