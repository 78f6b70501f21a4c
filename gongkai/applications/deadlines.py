"""The reply deadline as a pure function of the case events (spec §1.4, §7.5).

条例第三十三条: reply within 20 working days of receipt (the receipt day is
not counted); one extension of at most 20 working days, approved by the head
of the disclosure office and notified before the original period ends [M].
Time spent consulting third parties or other organs is not counted (第三十二、
三十四条); nor is the time between a fee notice and payment (109号 [M]).
A correction (第三十条) restarts the count from the corrected application's
receipt. Whether a pause's first and last day are counted is a setting
(`GONGKAI_APPLICATIONS["pause_includes_start_day"/"pause_includes_end_day"]`,
both included by default as in spec example D).

The only outside input is the work calendar. A window entering a year the
calendar does not hold gives a result flagged provisional (or, with
`allow_provisional=False`, raises CalendarYearMissing) — never a silent guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import DomainError
from gongkai.core.workdays import (
    WorkdayResult,
    add_working_days,
    calendar_version,
    working_days_between,
)

from .choices import ConsultationKind, PauseKind
from .events import (
    CaseEvent,
    CaseFacts,
    ConsultationAnswered,
    ConsultationStarted,
    Corrected,
    CorrectionNoticed,
    Extended,
    FeeNoticed,
    FeePaid,
    Pause,
    Received,
    Replied,
    parse_events,
)

__all__ = [
    "CaseEvent",
    "ConsultationAnswered",
    "ConsultationStarted",
    "Corrected",
    "CorrectionNoticed",
    "DeadlineLedger",
    "EntryKind",
    "Extended",
    "FeeNoticed",
    "FeePaid",
    "LedgerEntry",
    "Pause",
    "Received",
    "Replied",
    "consultation_answer_due",
    "correction_notice_due",
    "correction_notice_is_late",
    "deadline_ledger",
    "fee_payment_due",
]

ONE_DAY = timedelta(days=1)


def _conf() -> dict[str, Any]:
    return settings.GONGKAI_APPLICATIONS


def _fees() -> dict[str, Any]:
    return settings.GONGKAI_FEES


class EntryKind(models.TextChoices):
    EVENT = "event", _("事件")
    COUNTED = "counted", _("计入")
    PAUSED = "paused", _("暂停计时")
    NOT_WORKING_DAY = "not_working_day", _("非工作日")


@dataclass(frozen=True)
class LedgerEntry:
    date: date
    kind: EntryKind
    note: str  # explanation in Chinese


# -- single deadlines --------------------------------------------------------


def correction_notice_due(
    received_on: date, *, allow_provisional: bool = False
) -> WorkdayResult:
    """条例第三十条: the correction notice is due within 7 WD of receipt."""
    days = _conf()["correction_notice_limit_wd"]
    return add_working_days(received_on, days, allow_provisional=allow_provisional)


def correction_notice_is_late(received_on: date, notice_on: date) -> bool:
    """True when a correction notice issued on `notice_on` is out of time."""
    return notice_on > correction_notice_due(received_on).date


def consultation_answer_due(
    delivered_on: date,
    kind: str = ConsultationKind.THIRD_PARTY,
    *,
    allow_provisional: bool = False,
) -> WorkdayResult:
    """条例第三十二、三十四条: 15 WD from the consulted party's receipt."""
    key = (
        "co_producer_reply_limit_wd"
        if kind == ConsultationKind.CO_PRODUCER
        else "third_party_reply_limit_wd"
    )
    return add_working_days(
        delivered_on, _conf()[key], allow_provisional=allow_provisional
    )


def fee_payment_due(
    notice_received_on: date, *, allow_provisional: bool = False
) -> WorkdayResult:
    """109号: pay within 20 WD counted from the day after the notice arrives."""
    days: int = _fees()["payment_limit_wd"]
    return add_working_days(
        notice_received_on, days, allow_provisional=allow_provisional
    )


# -- the ledger ---------------------------------------------------------------


@dataclass(frozen=True)
class DeadlineLedger:
    received_on: date
    counting_from: date  # received_on, or the corrected application's receipt
    due_on: date | None  # None while the clock is stopped by an open pause
    original_due_on: date | None  # without the extension
    provisional: bool
    provisional_years: tuple[int, ...]
    calendar_version: int
    limit: int  # working days allowed: reply limit + extension
    extension_days: int
    pauses: tuple[Pause, ...]
    open_pause: Pause | None
    entries: tuple[LedgerEntry, ...]
    correction_notice_due: WorkdayResult  # 7 WD from the (first) receipt
    replied_on: date | None = None
    corrected_on: date | None = None
    correction_notice_late: bool | None = None
    correction_deadline: date | None = None
    consultation_answer_due: WorkdayResult | None = None
    fee_payment_due: WorkdayResult | None = None

    def days_used(self, today: date) -> int:
        """Working days counted up to and including `today`."""
        return sum(
            1 for e in self.entries if e.kind == EntryKind.COUNTED and e.date <= today
        )

    def days_left(self, today: date) -> int:
        """Working days left after `today`; negative when overdue by that many."""
        if self.due_on is None:
            return self.limit - self.days_used(date.max)
        if today <= self.due_on:
            return self.limit - self.days_used(today)
        return -working_days_between(self.due_on, today)

    @property
    def replied_late(self) -> bool | None:
        if self.replied_on is None or self.due_on is None:
            return None
        return self.replied_on > self.due_on

    def correction_overdue(self, today: date) -> bool:
        """The applicant missed the correction deadline (→ 其他处理-1)."""
        if self.correction_deadline is None or self.corrected_on is not None:
            return False
        return today > self.correction_deadline


@dataclass
class _Walk:
    entries: list[LedgerEntry] = field(default_factory=list)
    used: int = 0
    due_on: date | None = None
    original_due_on: date | None = None
    provisional_years: set[int] = field(default_factory=set)
    version: int | None = None
    open_pause: Pause | None = None


def _covering(day: date, pauses: list[Pause]) -> Pause | None:
    conf = _conf()
    first, last = conf["pause_includes_start_day"], conf["pause_includes_end_day"]
    for pause in pauses:
        if pause.covers(day, first=first, last=last):
            return pause
    return None


def _rest_entry(day: date, pauses: list[Pause]) -> LedgerEntry:
    pause = _covering(day, pauses)
    if pause is not None:
        return LedgerEntry(
            day,
            EntryKind.PAUSED,
            gettext("%(kind)s期间，不计入") % {"kind": pause.kind.label},
        )
    reason = gettext("周末") if day.weekday() >= 5 else gettext("法定节假日放假")
    return LedgerEntry(
        day,
        EntryKind.NOT_WORKING_DAY,
        gettext("%(reason)s，不计入") % {"reason": reason},
    )


def _working_entry(walk: _Walk, step: WorkdayResult, pause: Pause | None) -> None:
    day = step.date
    suffix = (
        gettext("（%(year)s年放假安排未录入，临时按周末推算）") % {"year": day.year}
        if step.provisional
        else ""
    )
    if pause is not None:
        note = gettext("%(kind)s期间，不计入") % {"kind": pause.kind.label}
        walk.entries.append(LedgerEntry(day, EntryKind.PAUSED, note + suffix))
        return
    walk.used += 1
    if day.weekday() >= 5:
        note = gettext("调休上班日，第%(n)s个工作日") % {"n": walk.used}
    else:
        note = gettext("第%(n)s个工作日") % {"n": walk.used}
    walk.entries.append(LedgerEntry(day, EntryKind.COUNTED, note + suffix))


def _walk(
    start: date, limit: int, base: int, pauses: list[Pause], allow_provisional: bool
) -> _Walk:
    """Count working days after `start`, skipping paused days, up to `limit`."""
    walk, cursor = _Walk(), start
    while walk.used < limit:
        step = add_working_days(cursor, 1, allow_provisional=allow_provisional)
        walk.version = step.calendar_version
        if step.provisional:
            walk.provisional_years.add(step.date.year)
        day = cursor + ONE_DAY
        while day < step.date:
            walk.entries.append(_rest_entry(day, pauses))
            day += ONE_DAY
        pause = _covering(step.date, pauses)
        if pause is not None and pause.end is None:
            walk.open_pause = pause
            note = gettext("%(kind)s尚未结束，暂停计时") % {"kind": pause.kind.label}
            walk.entries.append(LedgerEntry(step.date, EntryKind.PAUSED, note))
            return walk
        _working_entry(walk, step, pause)
        cursor = step.date
        if walk.used == base:
            walk.original_due_on = cursor
    walk.due_on = cursor
    last = walk.entries[-1]
    walk.entries[-1] = LedgerEntry(
        last.date, last.kind, last.note + gettext("，期限最后一日")
    )
    return walk


def _event_entries(facts: CaseFacts) -> list[LedgerEntry]:
    def entry(day: date, note: str) -> LedgerEntry:
        return LedgerEntry(day, EntryKind.EVENT, note)

    entries = [entry(facts.received_on, gettext("收到申请（当日不计入期限）"))]
    if facts.correction is not None:
        entries.append(entry(facts.correction.on, gettext("发出补正通知")))
    if facts.corrected_on is not None:
        note = gettext("收到补正后的申请，答复期限自次日起重新计算（条例第三十条）")
        entries.append(entry(facts.corrected_on, note))
    for pause in facts.pauses:
        if pause.kind != PauseKind.CORRECTION:
            entries.append(
                entry(
                    pause.start,
                    gettext("%(kind)s开始，暂停计时") % {"kind": pause.kind.label},
                )
            )
            if pause.end is not None:
                entries.append(
                    entry(
                        pause.end,
                        gettext("%(kind)s结束，恢复计时") % {"kind": pause.kind.label},
                    )
                )
    if facts.extension is not None:
        note = gettext("经批准延长答复期限%(days)s个工作日（条例第三十三条）") % {
            "days": facts.extension.days
        }
        entries.append(entry(facts.extension.on, note))
    if facts.replied_on is not None:
        entries.append(entry(facts.replied_on, gettext("作出答复")))
    return entries


def _check_extension(facts: CaseFacts, original_due_on: date | None) -> None:
    extension = facts.extension
    if extension is None:
        return
    maximum = _conf()["extension_max_wd"]
    if not 1 <= extension.days <= maximum:
        raise DomainError(
            gettext("延长答复期限最长不得超过%(max)s个工作日。") % {"max": maximum}
        )
    if original_due_on is not None and extension.on > original_due_on:
        raise DomainError(
            gettext("延期须在原答复期限（%(date)s）届满前决定并告知申请人。")
            % {"date": date_format(original_due_on)}
        )


def _pauses_at_reply(facts: CaseFacts) -> list[Pause]:
    # A reply ends whatever was pending (e.g. a consultation left unanswered).
    if facts.replied_on is None:
        return list(facts.pauses)
    return [
        Pause(p.kind, p.start, facts.replied_on) if p.end is None else p
        for p in facts.pauses
    ]


def _side_deadlines(facts: CaseFacts) -> dict[str, Any]:
    notice_due = correction_notice_due(facts.received_on, allow_provisional=True)
    result: dict[str, Any] = {"correction_notice_due": notice_due}
    if facts.correction is not None:
        result["correction_notice_late"] = facts.correction.on > notice_due.date
        result["correction_deadline"] = facts.correction.deadline
    consultation = facts.consultation
    if consultation is not None and consultation.delivered_on is not None:
        result["consultation_answer_due"] = consultation_answer_due(
            consultation.delivered_on, consultation.kind, allow_provisional=True
        )
    if facts.fee_notice is not None:
        result["fee_payment_due"] = fee_payment_due(
            facts.fee_notice.received_on, allow_provisional=True
        )
    return result


def deadline_ledger(
    events: Sequence[CaseEvent], *, allow_provisional: bool = True
) -> DeadlineLedger:
    """The reply deadline and the day-by-day explanation of how it was reached."""
    facts = parse_events(events)
    base = _conf()["reply_limit_wd"]
    extension_days = facts.extension.days if facts.extension else 0
    pauses = _pauses_at_reply(facts)
    _check_extension(facts, None)
    walk = _walk(
        facts.counting_from, base + extension_days, base, pauses, allow_provisional
    )
    _check_extension(facts, walk.original_due_on)
    entries = sorted(
        _event_entries(facts) + walk.entries,
        key=lambda e: (e.date, e.kind != EntryKind.EVENT),
    )
    return DeadlineLedger(
        received_on=facts.received_on,
        counting_from=facts.counting_from,
        due_on=walk.due_on,
        original_due_on=walk.original_due_on,
        provisional=bool(walk.provisional_years),
        provisional_years=tuple(sorted(walk.provisional_years)),
        calendar_version=walk.version or calendar_version(),
        limit=base + extension_days,
        extension_days=extension_days,
        pauses=tuple(pauses),
        open_pause=walk.open_pause,
        entries=tuple(entries),
        replied_on=facts.replied_on,
        corrected_on=facts.corrected_on,
        **_side_deadlines(facts),
    )
