"""Entering and verifying a year's schedule; recomputation of deadlines."""

from datetime import date, timedelta
from typing import Any

import pytest

from gongkai.core.audit_types import AuditEventType
from gongkai.core.deadline_registry import (
    deadline_store,
    register_recomputer,
    unregister_recomputer,
)
from gongkai.core.errors import CalendarYearMissing, DomainError
from gongkai.core.models import AuditEvent, CalendarYear, Role, StoredDeadline, User
from gongkai.core.models.calendar import DayKind
from gongkai.core.services.calendar import calendar_year_save, calendar_year_verify
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.core.workdays import (
    add_working_days,
    calendar_version,
    is_working_day,
    last_known_year,
)

pytestmark = pytest.mark.django_db

OFF, WORK = DayKind.HOLIDAY_OFF, DayKind.ADJUSTED_WORKDAY


def schedule_2027() -> list[tuple[date, str, str]]:
    """A test schedule for 2027 (shaped like a notice; not the official one)."""
    days: list[tuple[date, str, str]] = [(date(2027, 1, 1), OFF, "元旦")]
    day = date(2027, 2, 5)
    while day <= date(2027, 2, 13):
        if day.weekday() < 5:
            days.append((day, OFF, "春节"))
        day += timedelta(days=1)
    days += [(date(2027, 2, 20), WORK, "春节"), (date(2027, 10, 9), WORK, "国庆节")]
    days += [(date(2027, 10, d), OFF, "国庆节") for d in (1, 4, 5, 6, 7)]
    return days


def save_2027(actor: User, **kwargs: Any) -> CalendarYear:
    return calendar_year_save(
        actor=actor,
        year=2027,
        source_doc_number="国办发明电〔2026〕99号",
        source_title="国务院办公厅关于2027年部分节假日安排的通知",
        notice_date=date(2026, 11, 10),
        days=schedule_2027(),
        **kwargs,
    )


@pytest.fixture
def admins():
    org = OrganisationFactory.create()
    return staff_user(Role.ADMIN, org), staff_user(Role.ADMIN, org)


@pytest.fixture
def recomputed():
    calls: list[StoredDeadline] = []
    register_recomputer("test.reply", calls.append)
    yield calls
    unregister_recomputer("test.reply")


def test_saving_then_verifying_recomputes_a_provisional_deadline(admins, recomputed):
    enterer, verifier = admins
    version_before = calendar_version()
    stored = deadline_store(
        owner_kind="test.reply", owner_id=7, start=date(2026, 12, 15), days=20
    )
    assert (stored.due_on, stored.provisional) == (date(2027, 1, 12), True)
    assert stored.calendar_version == version_before

    year = save_2027(enterer)
    assert year.verified_at is None  # two-person check: not yet in force
    assert year.revision > version_before
    stored.refresh_from_db()
    assert stored.provisional is True
    with pytest.raises(CalendarYearMissing):
        add_working_days(date(2026, 12, 15), 20)

    with pytest.raises(DomainError, match="另一名管理员"):
        calendar_year_verify(actor=enterer, year=2027)
    calendar_year_verify(actor=verifier, year=2027)
    stored.refresh_from_db()
    # Jan 1 2027 is now a holiday: the deadline moves one day, and is exact.
    assert (stored.due_on, stored.provisional) == (date(2027, 1, 13), False)
    assert stored.calendar_version == calendar_version() > version_before
    assert recomputed[-1].pk == stored.pk
    assert last_known_year() == 2027
    assert is_working_day(date(2027, 2, 20)) is True
    assert is_working_day(date(2027, 2, 8)) is False

    recomputed_events = AuditEvent.objects.filter(
        event_type=AuditEventType.DEADLINE_RECOMPUTED, target_id=str(stored.pk)
    )
    last = recomputed_events.last()
    assert last is not None and last.before is not None
    assert last.before["due_on"] == "2027-01-12"
    assert last.after == {
        "due_on": "2027-01-13",
        "provisional": False,
        "calendar_version": stored.calendar_version,
    }
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.CALENDAR_YEAR_VERIFIED, actor=verifier
    ).exists()


def test_without_two_person_check_saving_verifies(admins, recomputed, settings):
    settings.GONGKAI_CALENDAR_TWO_PERSON_CHECK = False
    stored = deadline_store(
        owner_kind="test.reply", owner_id="a", start=date(2026, 12, 15), days=20
    )
    version = stored.calendar_version
    year = save_2027(admins[0])
    assert year.verified_by == admins[0]
    stored.refresh_from_db()
    assert (stored.due_on, stored.provisional) == (date(2027, 1, 13), False)
    assert stored.calendar_version == year.revision > version
    assert [d.pk for d in recomputed] == [stored.pk]
    saved = AuditEvent.objects.get(event_type=AuditEventType.CALENDAR_YEAR_SAVED)
    assert saved.after is not None
    assert saved.before is None
    assert saved.after["source_doc_number"] == "国办发明电〔2026〕99号"
    assert ["2027-01-01", "holiday_off", "元旦"] in saved.after["days"]


def test_editing_a_year_recomputes_deadlines_touching_it_only(admins, settings):
    settings.GONGKAI_CALENDAR_TWO_PERSON_CHECK = False
    touching = deadline_store(
        owner_kind="test.other", owner_id=1, start=date(2026, 4, 28), days=7
    )
    elsewhere = deadline_store(
        owner_kind="test.other", owner_id=2, start=date(2025, 3, 3), days=7
    )
    assert touching.due_on == date(2026, 5, 11)
    old_version = elsewhere.calendar_version
    # Correct 2026 as if Mon 2026-05-11 were also declared off.
    from gongkai.core.models import CalendarDay

    days = [
        (d.date, d.kind, d.holiday_name)
        for d in CalendarDay.objects.filter(calendar_year__year=2026)
    ]
    calendar_year_save(
        actor=admins[0],
        year=2026,
        source_doc_number="国办发明电〔2025〕7号",
        days=[*days, (date(2026, 5, 11), OFF, "劳动节")],
    )
    touching.refresh_from_db()
    elsewhere.refresh_from_db()
    assert touching.due_on == date(2026, 5, 12)
    assert elsewhere.calendar_version == old_version  # untouched
    edited = AuditEvent.objects.get(event_type=AuditEventType.CALENDAR_YEAR_SAVED)
    assert edited.after is not None and edited.before is not None
    assert len(edited.after["days"]) == len(edited.before["days"]) + 1


def test_revisions_rise_above_every_other_year(admins, settings):
    settings.GONGKAI_CALENDAR_TWO_PERSON_CHECK = False
    top = max(CalendarYear.objects.values_list("revision", flat=True))
    first = save_2027(admins[0])
    assert first.revision == top + 1
    again = save_2027(admins[1])
    assert again.revision == top + 2
    assert calendar_version() == top + 2


@pytest.mark.parametrize(
    ("days", "doc_number", "message"),
    [
        ([(date(2026, 12, 31), OFF, "x")], "文号", "不在 2027 年内"),
        ([(date(2027, 1, 4), WORK, "x")], "文号", "不是周末"),
        ([(date(2027, 1, 1), OFF, "x"), (date(2027, 1, 1), OFF, "y")], "文号", "重复"),
        ([(date(2027, 1, 1), OFF, "x")], "  ", "文号"),
    ],
)
def test_save_rejects_bad_schedules(admins, days, doc_number, message):
    with pytest.raises(DomainError, match=message):
        calendar_year_save(
            actor=admins[0], year=2027, source_doc_number=doc_number, days=days
        )
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_verify_refuses_missing_and_already_verified_years(admins):
    with pytest.raises(DomainError, match="尚未录入"):
        calendar_year_verify(actor=admins[0], year=2030)
    with pytest.raises(DomainError, match="已经核验"):
        calendar_year_verify(actor=admins[0], year=2026)
