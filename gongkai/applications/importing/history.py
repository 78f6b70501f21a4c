"""A historical case as case-file events, and its deadline (pure).

The events are those the workflow services would have written, in order:
received, each pause's start and end, the extension, the reply (or the
closing for 逾期未补正/逾期未缴费). The reply deadline is then computed by
`deadlines.deadline_ledger`, exactly as for a live case (条例第三十三条).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.utils import timezone

from ..choices import PauseKind
from ..deadlines import DeadlineLedger, deadline_ledger
from ..events import (
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
from ..models.applications import ApplicationStatus
from ..models.case_file import ApplicationEventKind as K
from .records import ImportPause, ImportRecord

# Closing without a reply: the applicant's default ends the case.
CLOSED_WITHOUT_REPLY = frozenset({"other_correction_overdue", "other_fee_unpaid"})

OPEN_PAUSE_STATUS = {
    PauseKind.CORRECTION: ApplicationStatus.CORRECTION_REQUESTED,
    PauseKind.CONSULTATION: ApplicationStatus.CONSULTING,
    PauseKind.FEE: ApplicationStatus.AWAITING_FEE,
}


@dataclass(frozen=True)
class StoredEvent:
    """What becomes one ApplicationEvent row."""

    kind: K
    on: date
    data: dict[str, Any]


def _pause_start(pause: ImportPause, record: ImportRecord) -> CaseEvent:
    if pause.kind == PauseKind.CORRECTION:
        return CorrectionNoticed(pause.start, deadline=pause.deadline or pause.start)
    if pause.kind == PauseKind.CONSULTATION:
        return ConsultationStarted(
            pause.start, pause.consultation_kind, pause.delivered_on
        )
    fee = record.fee
    received = fee.notice_received_on if fee is not None else pause.start
    return FeeNoticed(issued_on=pause.start, received_on=received)


def _pause_end(pause: ImportPause, end: date) -> CaseEvent:
    if pause.kind == PauseKind.CORRECTION:
        return Corrected(end)
    if pause.kind == PauseKind.CONSULTATION:
        return ConsultationAnswered(end)
    return FeePaid(end)


def _day(event: CaseEvent) -> date:
    return event.issued_on if isinstance(event, FeeNoticed) else event.on


def case_events(
    record: ImportRecord, *, extended_on: date | None = None, reply: bool = True
) -> list[CaseEvent]:
    """The clock's events of `record` in order (pauses do not overlap)."""
    events: list[CaseEvent] = [Received(record.received_on)]
    for pause in sorted(record.pauses, key=lambda p: p.start):
        events.append(_pause_start(pause, record))
        if pause.end is not None:
            events.append(_pause_end(pause, pause.end))
    extended_on = extended_on or record.extended_on
    if record.extension_days and extended_on is not None:
        at = sum(1 for e in events if _day(e) <= extended_on)
        events.insert(at, Extended(extended_on, record.extension_days))
    if reply and record.closed_on is not None:
        events.append(Replied(record.closed_on))
    return events


def _clock_events(record: ImportRecord) -> list[CaseEvent]:
    # The reply day moves the due date only by ending a pause still running
    # (deadlines._pauses_at_reply); otherwise leave it out, so that cases
    # sharing receipt, pauses and extension share one ledger computation.
    return case_events(record, reply=record.open_pause is not None)


# Many historical cases share a history (same day, no pause): one
# computation each, within one import (the calendar does not change there).
LedgerCache = dict[tuple[CaseEvent, ...], DeadlineLedger]


def _ledger(events: list[CaseEvent], cache: LedgerCache) -> DeadlineLedger:
    key = tuple(events)
    found = cache.get(key)
    if found is None:
        found = cache[key] = deadline_ledger(events, allow_provisional=True)
    return found


def record_ledger(
    record: ImportRecord, cache: LedgerCache
) -> tuple[ImportRecord, DeadlineLedger]:
    """The ledger of `record` (its due date, side deadlines and calendar;
    `replied_on` is left out); an extension without a date is taken as
    decided on the original due date (or the reply, when earlier).

    Raises DomainError when the history breaks a rule of the clock.
    """
    if not record.extension_days or record.extended_on is not None:
        return record, _ledger(_clock_events(record), cache)
    plain = _ledger(_clock_events(replace(record, extension_days=0)), cache)
    # Never after today: an open case's original due date may lie ahead.
    candidates = [d for d in (plain.original_due_on, record.closed_on) if d]
    candidates.append(max(timezone.localdate(), record.received_on))
    on = min(candidates)
    dated = replace(record, extended_on=on)
    return dated, _ledger(_clock_events(dated), cache)


def record_status(record: ImportRecord) -> ApplicationStatus:
    if record.closed_on is not None:
        return ApplicationStatus.CLOSED
    pause = record.open_pause
    return OPEN_PAUSE_STATUS[pause.kind] if pause else ApplicationStatus.RECEIVED


def _pause_rows(record: ImportRecord, pause: ImportPause) -> list[StoredEvent]:
    fee = record.fee
    if pause.kind == PauseKind.CORRECTION:
        deadline = (pause.deadline or pause.start).isoformat()
        rows = [StoredEvent(K.CORRECTION_NOTICED, pause.start, {"deadline": deadline})]
        end_kind = K.CORRECTED
    elif pause.kind == PauseKind.CONSULTATION:
        delivered = pause.delivered_on.isoformat() if pause.delivered_on else None
        data = {
            "consultation_kind": str(pause.consultation_kind),
            "delivered_on": delivered,
        }
        rows = [StoredEvent(K.CONSULTATION_STARTED, pause.start, data)]
        end_kind = K.CONSULTATION_ANSWERED
    else:
        data = _fee_data(record)
        rows = [StoredEvent(K.FEE_NOTICED, pause.start, data)]
        end_kind = K.FEE_PAID
    if pause.end is not None:
        end_data = (
            {"receipt_number": fee.receipt_number}
            if end_kind == K.FEE_PAID and fee
            else {}
        )
        rows.append(StoredEvent(end_kind, pause.end, end_data))
    return rows


def _fee_data(record: ImportRecord) -> dict[str, Any]:
    fee = record.fee
    if fee is None:
        return {}
    return {
        "method": str(fee.method),
        "quantity": fee.quantity,
        "amount": fee.amount,
        "received_on": fee.notice_received_on.isoformat(),
    }


def stored_events(record: ImportRecord) -> list[StoredEvent]:
    """The case file of `record` (its extension date already resolved)."""
    rows = [
        StoredEvent(K.RECEIVED, record.received_on, {"channel": str(record.channel)})
    ]
    for pause in sorted(record.pauses, key=lambda p: p.start):
        rows += _pause_rows(record, pause)
    if record.extension_days and record.extended_on is not None:
        ext = StoredEvent(
            K.EXTENDED, record.extended_on, {"days": record.extension_days}
        )
        at = sum(1 for row in rows if row.on <= record.extended_on)
        rows.insert(at, ext)
    if record.closed_on is not None and record.outcome is not None:
        kind = K.CLOSED if record.outcome in CLOSED_WITHOUT_REPLY else K.REPLIED
        rows.append(
            StoredEvent(kind, record.closed_on, {"outcome": str(record.outcome)})
        )
    return rows
