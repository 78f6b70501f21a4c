"""Closing a case with exactly one outcome (architecture rule 1)."""

from __future__ import annotations

from datetime import date

from ..choices import Outcome
from ..models import Application


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
