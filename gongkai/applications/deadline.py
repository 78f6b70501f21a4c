"""The case file as the deadline ledger's input (ApplicationEvent → events.*).

`deadlines.deadline_ledger` is pure; this module reads an application's
case file (its `ApplicationEvent` rows, in legal-date order) and turns the
events that move the clock into the dataclasses of `events`. The receipt day
is the application's `received_on` (条例第三十一条), never guessed.

Which rows matter and what they carry in `data`:

- CORRECTION_NOTICED: `deadline` (ISO date) → `CorrectionNoticed`
- CORRECTED → `Corrected`
- CONSULTATION_STARTED: `consultation` (pk), `consultation_kind`,
  `delivered_on` → `ConsultationStarted` (the Consultation row's
  `delivered_on` wins when recorded later)
- CONSULTATION_ANSWERED → `ConsultationAnswered`
- EXTENDED: `days` → `Extended`
- FEE_NOTICED (`on` = issued): `received_on` → `FeeNoticed`
- FEE_PAID → `FeePaid`
- REPLIED, REFERRED, WITHDRAWN, CLOSED → `Replied` (the clock ends)
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext

from gongkai.core.errors import DomainError

from .choices import ConsultationKind
from .deadlines import DeadlineLedger, deadline_ledger
from .events import (
    CaseEvent,
    ConsultationAnswered,
    ConsultationStarted,
    Corrected,
    CorrectionNoticed,
    Extended,
    FeeNoticed,
    FeePaid,
    Received,
    Replied,
)
from .models import Application, ApplicationEvent, Consultation
from .models import ApplicationEventKind as K

__all__ = ["CLOCK_KINDS", "application_case_events", "application_ledger"]

ENDING_KINDS = frozenset({K.REPLIED, K.REFERRED, K.WITHDRAWN, K.CLOSED})
CLOCK_KINDS = frozenset(
    {
        K.CORRECTION_NOTICED,
        K.CORRECTED,
        K.CONSULTATION_STARTED,
        K.CONSULTATION_ANSWERED,
        K.EXTENDED,
        K.FEE_NOTICED,
        K.FEE_PAID,
    }
    | ENDING_KINDS
)


def _day(data: dict[str, Any], key: str) -> date | None:
    value = data.get(key)
    return date.fromisoformat(value) if value else None


def _consultation_started(
    row: ApplicationEvent, delivered: dict[int, date | None]
) -> ConsultationStarted:
    data = row.data
    pk = data.get("consultation")
    delivered_on = delivered.get(pk) if pk in delivered else _day(data, "delivered_on")
    kind = ConsultationKind(data.get("consultation_kind", ConsultationKind.THIRD_PARTY))
    return ConsultationStarted(row.on, kind=kind, delivered_on=delivered_on)


def _convert(row: ApplicationEvent, delivered: dict[int, date | None]) -> CaseEvent:
    data = row.data
    if row.kind == K.CORRECTION_NOTICED:
        deadline = _day(data, "deadline")
        if deadline is None:
            raise DomainError(gettext("补正通知缺少补正期限。"))
        return CorrectionNoticed(row.on, deadline=deadline)
    if row.kind == K.CORRECTED:
        return Corrected(row.on)
    if row.kind == K.CONSULTATION_STARTED:
        return _consultation_started(row, delivered)
    if row.kind == K.CONSULTATION_ANSWERED:
        return ConsultationAnswered(row.on)
    if row.kind == K.EXTENDED:
        return Extended(row.on, int(data["days"]))
    if row.kind == K.FEE_NOTICED:
        received_on = _day(data, "received_on") or row.on
        return FeeNoticed(issued_on=row.on, received_on=received_on)
    if row.kind == K.FEE_PAID:
        return FeePaid(row.on)
    return Replied(row.on)


def application_case_events(application: Application) -> list[CaseEvent]:
    """The events that move the reply clock, first the receipt (empty if none)."""
    if application.received_on is None:
        return []
    rows = list(
        ApplicationEvent.objects.filter(
            application_id=application.pk, kind__in=CLOCK_KINDS
        ).order_by("on", "at", "pk")
    )
    delivered = dict(
        Consultation.objects.filter(application_id=application.pk).values_list(
            "pk", "delivered_on"
        )
    )
    events: list[CaseEvent] = [Received(application.received_on)]
    for row in rows:
        event = _convert(row, delivered)
        if isinstance(event, Replied) and isinstance(events[-1], Replied):
            continue  # e.g. REFERRED then CLOSED on the same day: one ending
        events.append(event)
    return events


def application_ledger(application: Application) -> DeadlineLedger | None:
    """The reply deadline with its explanation; None before receipt."""
    events = application_case_events(application)
    if not events:
        return None
    return deadline_ledger(events, allow_provisional=True)
