"""Case events that move the reply clock (input of `deadlines.deadline_ledger`).

Plain dataclasses: the workflow stores `ApplicationEvent` rows and turns them
into these. `parse_events` checks the history makes sense and reduces it to
the facts the clock needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext

from gongkai.core.errors import DomainError

from .choices import ConsultationKind, PauseKind


@dataclass(frozen=True)
class Received:
    on: date  # 收到申请之日 (receipt.received_on)


@dataclass(frozen=True)
class CorrectionNoticed:
    on: date  # 补正通知 issued
    deadline: date  # by when the applicant must correct


@dataclass(frozen=True)
class Corrected:
    on: date  # the corrected application is received


@dataclass(frozen=True)
class ConsultationStarted:
    on: date  # consultation letter sent
    kind: ConsultationKind = ConsultationKind.THIRD_PARTY
    delivered_on: date | None = None  # the consulted party receives it


@dataclass(frozen=True)
class ConsultationAnswered:
    on: date  # answer received (or the silence recorded)


@dataclass(frozen=True)
class FeeNoticed:
    issued_on: date
    received_on: date  # the applicant receives the notice


@dataclass(frozen=True)
class FeePaid:
    on: date


@dataclass(frozen=True)
class Extended:
    on: date  # decision approved and notified
    days: int


@dataclass(frozen=True)
class Replied:
    on: date


CaseEvent = (
    Received
    | CorrectionNoticed
    | Corrected
    | ConsultationStarted
    | ConsultationAnswered
    | FeeNoticed
    | FeePaid
    | Extended
    | Replied
)


@dataclass(frozen=True)
class Pause:
    kind: PauseKind
    start: date
    end: date | None  # None: still open

    def covers(self, day: date, *, first: bool, last: bool) -> bool:
        """Whether `day` is not counted (`first`/`last`: boundaries included)."""
        after_start = day >= self.start if first else day > self.start
        if self.end is None:
            return after_start
        return after_start and (day <= self.end if last else day < self.end)


@dataclass
class CaseFacts:
    received_on: date
    counting_from: date  # received_on, or the corrected application's receipt
    correction: CorrectionNoticed | None = None
    corrected_on: date | None = None
    consultation: ConsultationStarted | None = None
    fee_notice: FeeNoticed | None = None
    extension: Extended | None = None
    replied_on: date | None = None
    pauses: list[Pause] = field(default_factory=list)

    def open_pause(self, kind: PauseKind, start: date) -> None:
        if any(p.kind == kind and p.end is None for p in self.pauses):
            raise DomainError(
                gettext("已有未结束的%(kind)s，不能重复开始。") % {"kind": kind.label}
            )
        self.pauses.append(Pause(kind, start, None))

    def close_pause(self, kind: PauseKind, end: date) -> None:
        for index, pause in enumerate(self.pauses):
            if pause.kind == kind and pause.end is None:
                if end < pause.start:
                    raise DomainError(
                        gettext("%(kind)s的结束日期早于开始日期。")
                        % {"kind": kind.label}
                    )
                self.pauses[index] = Pause(kind, pause.start, end)
                return
        raise DomainError(gettext("没有正在进行的%(kind)s。") % {"kind": kind.label})


def _event_day(event: CaseEvent) -> date:
    return event.issued_on if isinstance(event, FeeNoticed) else event.on


def _apply_correction(facts: CaseFacts, event: CaseEvent) -> None:
    if isinstance(event, CorrectionNoticed):
        # 条例第三十条: one notice listing everything (一次性告知).
        if facts.correction is not None:
            raise DomainError(gettext("补正通知只能发出一次。"))
        if event.deadline < event.on:
            raise DomainError(gettext("补正期限不能早于补正通知日期。"))
        facts.correction = event
        facts.open_pause(PauseKind.CORRECTION, event.on)
    elif isinstance(event, Corrected):
        facts.close_pause(PauseKind.CORRECTION, event.on)
        facts.corrected_on = facts.counting_from = event.on


def _apply_pause(facts: CaseFacts, event: CaseEvent) -> None:
    if isinstance(event, ConsultationStarted):
        facts.consultation = event
        facts.open_pause(PauseKind.CONSULTATION, event.on)
    elif isinstance(event, ConsultationAnswered):
        facts.close_pause(PauseKind.CONSULTATION, event.on)
    elif isinstance(event, FeeNoticed):
        if facts.fee_notice is not None:
            raise DomainError(gettext("每件申请只能发出一次收费通知。"))
        if event.received_on < event.issued_on:
            raise DomainError(gettext("收费通知送达日期不能早于发出日期。"))
        facts.fee_notice = event
        facts.open_pause(PauseKind.FEE, event.issued_on)
    elif isinstance(event, FeePaid):
        facts.close_pause(PauseKind.FEE, event.on)


def _apply_other(facts: CaseFacts, event: CaseEvent) -> None:
    if isinstance(event, Extended):
        if facts.extension is not None:
            raise DomainError(gettext("每件申请只能延期一次。"))
        facts.extension = event
    elif isinstance(event, Replied):
        facts.replied_on = event.on
    elif isinstance(event, Received):
        raise DomainError(gettext("收到申请事件只能有一个且必须是第一个事件。"))


def parse_events(events: Sequence[CaseEvent]) -> CaseFacts:
    """Check the history and reduce it to the facts that move the clock."""
    if not events or not isinstance(events[0], Received):
        raise DomainError(gettext("案件记录必须以收到申请开始。"))
    facts = CaseFacts(events[0].on, events[0].on)
    previous = events[0].on
    for event in events[1:]:
        day = _event_day(event)
        if day < previous:
            raise DomainError(gettext("案件事件必须按日期先后排列。"))
        if facts.replied_on is not None:
            raise DomainError(gettext("已答复的申请不能再有计时事件。"))
        previous = day
        _apply_correction(facts, event)
        _apply_pause(facts, event)
        _apply_other(facts, event)
    return facts
