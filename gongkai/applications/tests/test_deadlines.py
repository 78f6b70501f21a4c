"""The reply-deadline ledger (条例第三十、三十二、三十三条; spec §7.5)."""

from datetime import date as D

import pytest

from gongkai.applications.choices import Channel, ConsultationKind, PauseKind
from gongkai.applications.deadlines import (
    CaseEvent,
    ConsultationAnswered,
    ConsultationStarted,
    Corrected,
    CorrectionNoticed,
    DeadlineLedger,
    EntryKind,
    Extended,
    FeeNoticed,
    FeePaid,
    LedgerEntry,
    Received,
    Replied,
    consultation_answer_due,
    correction_notice_due,
    correction_notice_is_late,
    deadline_ledger,
    fee_payment_due,
)
from gongkai.applications.receipt import received_on
from gongkai.core.errors import CalendarYearMissing, DomainError

pytestmark = pytest.mark.django_db


def entry(ledger: DeadlineLedger, day: D, kind: EntryKind | None = None) -> LedgerEntry:
    """The entry classifying `day` (not the event notes)."""
    (found,) = [
        e for e in ledger.entries if e.date == day and e.kind != EntryKind.EVENT
    ]
    assert kind is None or found.kind == kind, found
    return found


# Spec §7.5, computed with the verified calendar. E's reply due date is not in
# the spec: received Tue 09-08, 1 WD used (09-09), paused 09-10 → 10-15,
# 19 WD from Fri 10-16 → Wed 11-11.
N_RECEIVED = D(2026, 10, 8)  # lodged online Sat 10-03, confirmed Thu 10-08
WORKED_EXAMPLES: dict[str, tuple[list[CaseEvent], D]] = {
    "A": ([Received(D(2025, 9, 26))], D(2025, 10, 30)),
    "A extended": (
        [Received(D(2025, 9, 26)), Extended(D(2025, 10, 30), 20)],
        D(2025, 11, 27),
    ),
    "B": ([Received(D(2026, 2, 10))], D(2026, 3, 16)),
    "B extended": (
        [Received(D(2026, 2, 10)), Extended(D(2026, 3, 2), 20)],
        D(2026, 4, 14),
    ),
    "C": (
        [
            Received(D(2026, 4, 28)),
            CorrectionNoticed(D(2026, 5, 11), deadline=D(2026, 5, 25)),
            Corrected(D(2026, 5, 12)),
        ],
        D(2026, 6, 9),
    ),
    "D": (
        [
            Received(D(2026, 6, 1)),
            ConsultationStarted(D(2026, 6, 5), delivered_on=D(2026, 6, 8)),
            ConsultationAnswered(D(2026, 6, 24)),
        ],
        D(2026, 7, 17),
    ),
    "D without suspension": ([Received(D(2026, 6, 1))], D(2026, 6, 30)),
    "E": (
        [
            Received(D(2026, 9, 8)),
            FeeNoticed(issued_on=D(2026, 9, 10), received_on=D(2026, 9, 11)),
            FeePaid(D(2026, 10, 15)),
        ],
        D(2026, 11, 11),
    ),
    "N": ([Received(N_RECEIVED)], D(2026, 11, 4)),
}


@pytest.mark.parametrize(
    ("events", "due_on"), WORKED_EXAMPLES.values(), ids=list(WORKED_EXAMPLES)
)
def test_worked_examples(events, due_on):
    ledger = deadline_ledger(events)
    assert ledger.due_on == due_on
    assert not ledger.provisional
    assert ledger.calendar_version >= 1
    assert entry(ledger, due_on, EntryKind.COUNTED).note.endswith("期限最后一日")


def test_example_n_from_lodging_to_due_date():
    # Lodged on a holiday; the office confirms on the first working day (or
    # records the confirmation on a rest day: same receipt date).
    for confirmed in (D(2026, 10, 8), D(2026, 10, 5)):
        receipt = received_on(Channel.ONLINE, D(2026, 10, 3), confirmed_on=confirmed)
        assert receipt == N_RECEIVED
        assert deadline_ledger([Received(receipt)]).due_on == D(2026, 11, 4)


def test_example_d_details():
    (ledger,) = [deadline_ledger(WORKED_EXAMPLES["D"][0])]
    assert ledger.days_used(D(2026, 6, 4)) == 3
    assert ledger.days_used(D(2026, 6, 24)) == 3  # suspended 06-05 … 06-24
    assert ledger.consultation_answer_due is not None
    assert ledger.consultation_answer_due.date == D(2026, 6, 30)
    assert [(p.kind, p.start, p.end) for p in ledger.pauses] == [
        (PauseKind.CONSULTATION, D(2026, 6, 5), D(2026, 6, 24))
    ]
    assert entry(ledger, D(2026, 6, 5)).kind == EntryKind.PAUSED
    assert entry(ledger, D(2026, 6, 24)).kind == EntryKind.PAUSED
    assert entry(ledger, D(2026, 6, 25)).note == "第4个工作日"


def test_example_c_correction_notice_due():
    assert correction_notice_due(D(2026, 4, 28)).date == D(2026, 5, 11)
    assert not correction_notice_is_late(D(2026, 4, 28), D(2026, 5, 11))
    assert correction_notice_is_late(D(2026, 4, 28), D(2026, 5, 12))
    ledger = deadline_ledger(WORKED_EXAMPLES["C"][0])
    assert ledger.counting_from == D(2026, 5, 12)
    assert ledger.correction_notice_late is False
    assert not ledger.correction_overdue(D(2026, 6, 1))


def test_example_e_fee_payment_due():
    assert fee_payment_due(D(2026, 9, 11)).date == D(2026, 10, 15)
    ledger = deadline_ledger(WORKED_EXAMPLES["E"][0])
    assert ledger.fee_payment_due is not None
    assert ledger.fee_payment_due.date == D(2026, 10, 15)
    assert entry(ledger, D(2026, 9, 10)).kind == EntryKind.PAUSED
    assert entry(ledger, D(2026, 10, 15)).kind == EntryKind.PAUSED
    assert entry(ledger, D(2026, 10, 16)).note == "第2个工作日"


def test_example_m_refuses_or_flags_2027():
    events = [Received(D(2026, 12, 15))]
    with pytest.raises(CalendarYearMissing) as excinfo:
        deadline_ledger(events, allow_provisional=False)
    assert excinfo.value.year == 2027
    ledger = deadline_ledger(events)
    # 12 WD left in 2026; 2027 counted by weekends only (1 Jan not known).
    assert ledger.provisional
    assert ledger.provisional_years == (2027,)
    assert ledger.due_on == D(2027, 1, 12)
    assert ledger.days_used(D(2026, 12, 31)) == 12
    assert "临时" in entry(ledger, D(2027, 1, 4)).note
    assert "临时" not in entry(ledger, D(2026, 12, 31)).note
    assert not ledger.correction_notice_due.provisional


def test_2027_side_deadlines_are_flagged_too():
    assert fee_payment_due(D(2026, 12, 21), allow_provisional=True).provisional
    with pytest.raises(CalendarYearMissing):
        fee_payment_due(D(2026, 12, 21))
    with pytest.raises(CalendarYearMissing):
        consultation_answer_due(D(2026, 12, 21))


# -- each rule across a holiday with 调休 weekends -----------------------------


def test_correction_restart_across_national_day_2026():
    ledger = deadline_ledger(
        [
            Received(D(2026, 9, 21)),
            CorrectionNoticed(D(2026, 9, 23), deadline=D(2026, 10, 16)),
            Corrected(D(2026, 9, 30)),
        ]
    )
    # Oct 1–7 off; Sat 10-10 is a working day; the count restarts at 0.
    assert ledger.due_on == D(2026, 11, 3)
    assert entry(ledger, D(2026, 10, 8)).note == "第1个工作日"
    assert entry(ledger, D(2026, 10, 10)).note == "调休上班日，第3个工作日"
    assert entry(ledger, D(2026, 10, 5)).kind == EntryKind.NOT_WORKING_DAY
    assert entry(ledger, D(2026, 10, 5)).note == "法定节假日放假，不计入"
    assert ledger.pauses[0].kind == PauseKind.CORRECTION


def test_correction_pending_and_overdue():
    ledger = deadline_ledger(
        [
            Received(D(2026, 9, 21)),
            CorrectionNoticed(D(2026, 9, 23), deadline=D(2026, 10, 16)),
        ]
    )
    assert ledger.due_on is None
    assert ledger.open_pause is not None
    assert ledger.open_pause.kind == PauseKind.CORRECTION
    assert not ledger.correction_overdue(D(2026, 10, 16))
    assert ledger.correction_overdue(D(2026, 10, 17))


def test_consultation_pause_across_mid_autumn_and_national_day():
    ledger = deadline_ledger(
        [
            Received(D(2026, 9, 14)),
            ConsultationStarted(
                D(2026, 9, 18), ConsultationKind.THIRD_PARTY, D(2026, 9, 21)
            ),
            ConsultationAnswered(D(2026, 10, 9)),
        ]
    )
    assert ledger.days_used(D(2026, 10, 9)) == 3
    assert entry(ledger, D(2026, 9, 20)).kind == EntryKind.PAUSED  # 调休 Sunday
    assert entry(ledger, D(2026, 10, 10)).note == "调休上班日，第4个工作日"
    assert ledger.due_on == D(2026, 11, 2)
    # The third party's 15 WD from receipt on Mon 09-21.
    assert ledger.consultation_answer_due is not None
    assert ledger.consultation_answer_due.date == D(2026, 10, 19)
    assert consultation_answer_due(D(2026, 9, 21), "co_producer").date == D(
        2026, 10, 19
    )


def test_open_consultation_stops_the_clock():
    ledger = deadline_ledger(
        [Received(D(2026, 6, 1)), ConsultationStarted(D(2026, 6, 5))]
    )
    assert ledger.due_on is None
    assert ledger.open_pause is not None
    assert ledger.open_pause.kind == PauseKind.CONSULTATION
    assert ledger.days_left(D(2026, 7, 1)) == 17
    assert ledger.consultation_answer_due is None  # delivery not yet known


def test_fee_pause_across_mid_autumn_and_national_day():
    ledger = deadline_ledger(WORKED_EXAMPLES["E"][0])
    assert entry(ledger, D(2026, 9, 20)).kind == EntryKind.PAUSED  # 调休 Sunday
    assert entry(ledger, D(2026, 10, 10)).kind == EntryKind.PAUSED  # 调休 Saturday
    assert ledger.days_used(D(2026, 10, 31)) == 12
    assert ledger.days_left(D(2026, 10, 31)) == 8


def test_extension_across_spring_festival_2026():
    ledger = deadline_ledger(WORKED_EXAMPLES["B extended"][0])
    assert ledger.original_due_on == D(2026, 3, 16)
    assert ledger.extension_days == 20
    assert ledger.limit == 40
    assert entry(ledger, D(2026, 2, 14)).note == "调休上班日，第4个工作日"
    assert entry(ledger, D(2026, 2, 28)).kind == EntryKind.COUNTED
    assert entry(ledger, D(2026, 2, 16)).kind == EntryKind.NOT_WORKING_DAY
    assert entry(ledger, D(2026, 4, 6)).kind == EntryKind.NOT_WORKING_DAY  # 清明


def test_extension_on_the_original_due_day_is_in_time():
    ledger = deadline_ledger([Received(D(2026, 2, 10)), Extended(D(2026, 3, 16), 5)])
    assert ledger.due_on == D(2026, 3, 23)


@pytest.mark.parametrize(
    ("events", "fragment"),
    [
        ([Extended(D(2026, 3, 17), 10)], "届满前"),
        ([Extended(D(2026, 3, 2), 21)], "不得超过20个工作日"),
        ([Extended(D(2026, 3, 2), 0)], "不得超过"),
        ([Extended(D(2026, 3, 2), 5), Extended(D(2026, 3, 3), 5)], "只能延期一次"),
    ],
)
def test_extension_rules(events, fragment):
    with pytest.raises(DomainError) as excinfo:
        deadline_ledger([Received(D(2026, 2, 10)), *events])
    assert fragment in excinfo.value.message


def test_pause_boundaries_are_a_setting(settings):
    settings.GONGKAI_APPLICATIONS = {
        **settings.GONGKAI_APPLICATIONS,
        "pause_includes_start_day": False,
        "pause_includes_end_day": False,
    }
    ledger = deadline_ledger(WORKED_EXAMPLES["D"][0])
    assert entry(ledger, D(2026, 6, 5)).note == "第4个工作日"
    assert entry(ledger, D(2026, 6, 24)).note == "第5个工作日"
    assert ledger.due_on == D(2026, 7, 15)


def test_reply_timeliness_and_days_left():
    ledger = deadline_ledger([Received(N_RECEIVED), Replied(D(2026, 11, 5))])
    assert ledger.replied_late is True
    assert ledger.days_left(D(2026, 11, 4)) == 0
    assert ledger.days_left(D(2026, 11, 6)) == -2
    assert ledger.days_left(D(2026, 10, 8)) == 20
    assert ledger.days_left(D(2026, 10, 10)) == 18
    on_time = deadline_ledger([Received(N_RECEIVED), Replied(D(2026, 11, 4))])
    assert on_time.replied_late is False


def test_a_reply_ends_an_unanswered_consultation():
    ledger = deadline_ledger(
        [
            Received(D(2026, 6, 1)),
            ConsultationStarted(D(2026, 6, 5)),
            Replied(D(2026, 6, 30)),
        ]
    )
    assert ledger.pauses[0].end == D(2026, 6, 30)
    assert ledger.replied_late is False


def test_ledger_explains_events_and_rest_days():
    ledger = deadline_ledger(WORKED_EXAMPLES["A extended"][0])
    first = ledger.entries[0]
    assert (first.date, first.kind) == (D(2025, 9, 26), EntryKind.EVENT)
    assert entry(ledger, D(2025, 9, 27)).note == "周末，不计入"
    assert entry(ledger, D(2025, 9, 28)).note == "调休上班日，第1个工作日"
    assert entry(ledger, D(2025, 10, 8)).note == "法定节假日放假，不计入"
    assert entry(ledger, D(2025, 10, 11)).kind == EntryKind.COUNTED
    notes = [e.note for e in ledger.entries if e.kind == EntryKind.EVENT]
    assert any("延长答复期限20个工作日" in n for n in notes)
    days = [e.date for e in ledger.entries if e.kind != EntryKind.EVENT]
    assert days == sorted(days) and len(days) == len(set(days))


@pytest.mark.parametrize(
    ("events", "fragment"),
    [
        ([], "必须以收到申请开始"),
        ([Replied(D(2026, 6, 5))], "必须以收到申请开始"),
        ([Received(D(2026, 6, 1)), Received(D(2026, 6, 2))], "只能有一个"),
        ([Received(D(2026, 6, 5)), Replied(D(2026, 6, 1))], "按日期先后"),
        ([Received(D(2026, 6, 1)), Corrected(D(2026, 6, 2))], "没有正在进行的补正"),
        ([Received(D(2026, 6, 1)), FeePaid(D(2026, 6, 2))], "没有正在进行"),
        (
            [
                Received(D(2026, 6, 1)),
                CorrectionNoticed(D(2026, 6, 2), D(2026, 6, 9)),
                Corrected(D(2026, 6, 3)),
                CorrectionNoticed(D(2026, 6, 4), D(2026, 6, 9)),
            ],
            "只能发出一次",
        ),
        (
            [
                Received(D(2026, 6, 1)),
                ConsultationStarted(D(2026, 6, 2)),
                ConsultationStarted(D(2026, 6, 3)),
            ],
            "不能重复开始",
        ),
        (
            [Received(D(2026, 6, 1)), Replied(D(2026, 6, 2)), FeePaid(D(2026, 6, 3))],
            "已答复",
        ),
    ],
)
def test_inconsistent_histories_are_refused(events, fragment):
    with pytest.raises(DomainError) as excinfo:
        deadline_ledger(events)
    assert fragment in excinfo.value.message
