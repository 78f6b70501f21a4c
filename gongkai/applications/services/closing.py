"""Closing a case with exactly one outcome (architecture rule 1)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from django.utils.formats import date_format

from gongkai.core.errors import DomainError
from gongkai.core.models import User

from ..choices import Outcome
from ..models import Application, ApplicationEventKind, LetterKind
from ..workflow import Action
from .transitions import Step, transition_apply


def close_fields_set(
    application: Application,
    *,
    outcome: Outcome,
    on: date,
    basis: str = "",
    reasons: str = "",
) -> None:
    """Outcome, closing date and legal basis (default: the outcome's article)."""
    application.outcome = outcome
    application.closed_on = on
    application.reply_basis = basis.strip() or Outcome(outcome).article
    application.reply_reasons = reasons.strip()


def expiry_close(
    *,
    application: Application,
    actor: User | None,
    on: date,
    action: Action,
    outcome: Outcome,
    period_end: Callable[[Application], date],
    not_yet: str,
    note: str,
) -> Application:
    """Close a case whose applicant let a period pass (correction, fee).

    `period_end` reads the period's last day once the row is locked; on or
    before it the case stays open with `not_yet` (a `%(date)s` message).
    """

    def apply(locked: Application) -> Mapping[str, Any]:
        end = period_end(locked)
        if on <= end:
            raise DomainError(not_yet % {"date": date_format(end)})
        close_fields_set(locked, outcome=outcome, on=on)
        return {"outcome": outcome.value}

    step = Step(
        action=action,
        kind=ApplicationEventKind.CLOSED,
        on=on,
        note=note,
        letter=LetterKind.REPLY,
        notify="reply",
    )
    return transition_apply(
        application=application, actor=actor, step=step, apply=apply
    )
