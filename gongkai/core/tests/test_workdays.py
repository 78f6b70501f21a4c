"""Working-day arithmetic against the official schedules (spec §7.3, §7.5)."""

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.core.errors import CalendarYearMissing
from gongkai.core.workdays import (
    add_calendar_days_rolled,
    add_months,
    add_months_rolled,
    add_working_days,
    calendar_pinned,
    calendar_version,
    is_working_day,
    last_known_year,
    working_days_between,
)

pytestmark = pytest.mark.django_db

D = date


def _span(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


# Spec §7.3 [V]: off = 放假 blocks (inclusive), work = 调休上班 weekend days.
SCHEDULES: dict[int, dict[str, Any]] = {
    2024: {
        "off": [
            (D(2024, 1, 1), D(2024, 1, 1)),
            (D(2024, 2, 10), D(2024, 2, 17)),
            (D(2024, 4, 4), D(2024, 4, 6)),
            (D(2024, 5, 1), D(2024, 5, 5)),
            (D(2024, 6, 8), D(2024, 6, 10)),
            (D(2024, 9, 15), D(2024, 9, 17)),
            (D(2024, 10, 1), D(2024, 10, 7)),
        ],
        "work": [
            D(2024, 2, 4),
            D(2024, 2, 18),
            D(2024, 4, 7),
            D(2024, 4, 28),
            D(2024, 5, 11),
            D(2024, 9, 14),
            D(2024, 9, 29),
            D(2024, 10, 12),
        ],
        "count": 251,
    },
    2025: {
        "off": [
            (D(2025, 1, 1), D(2025, 1, 1)),
            (D(2025, 1, 28), D(2025, 2, 4)),
            (D(2025, 4, 4), D(2025, 4, 6)),
            (D(2025, 5, 1), D(2025, 5, 5)),
            (D(2025, 5, 31), D(2025, 6, 2)),
            (D(2025, 10, 1), D(2025, 10, 8)),
        ],
        "work": [
            D(2025, 1, 26),
            D(2025, 2, 8),
            D(2025, 4, 27),
            D(2025, 9, 28),
            D(2025, 10, 11),
        ],
        "count": 248,
    },
    2026: {
        "off": [
            (D(2026, 1, 1), D(2026, 1, 3)),
            (D(2026, 2, 15), D(2026, 2, 23)),
            (D(2026, 4, 4), D(2026, 4, 6)),
            (D(2026, 5, 1), D(2026, 5, 5)),
            (D(2026, 6, 19), D(2026, 6, 21)),
            (D(2026, 9, 25), D(2026, 9, 27)),
            (D(2026, 10, 1), D(2026, 10, 7)),
        ],
        "work": [
            D(2026, 1, 4),
            D(2026, 2, 14),
            D(2026, 2, 28),
            D(2026, 5, 9),
            D(2026, 9, 20),
            D(2026, 10, 10),
        ],
        "count": 248,
    },
}


@pytest.mark.parametrize("year", sorted(SCHEDULES))
def test_every_day_of_the_official_schedule(year):
    schedule = SCHEDULES[year]
    off = {d for first, last in schedule["off"] for d in _span(first, last)}
    work = set(schedule["work"])
    mismatches = [
        d
        for d in _span(D(year, 1, 1), D(year, 12, 31))
        if is_working_day(d) != (d in work or (d.weekday() < 5 and d not in off))
    ]
    assert mismatches == []


@pytest.mark.parametrize("year", sorted(SCHEDULES))
def test_working_days_per_year(year):
    count = working_days_between(D(year - 1, 12, 31), D(year, 12, 31))
    assert count == SCHEDULES[year]["count"]


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # A: received Fri 2025-09-26, 20 WD; Sun 9/28 and Sat 10/11 count.
        (D(2025, 9, 26), 20, D(2025, 10, 30)),
        # A with the 20-WD extension.
        (D(2025, 10, 30), 20, D(2025, 11, 27)),
        (D(2025, 9, 26), 40, D(2025, 11, 27)),
        # B: Spring Festival 2026 (Feb 15–23 off; Sat 2/14, 2/28 work).
        (D(2026, 2, 10), 20, D(2026, 3, 16)),
        (D(2026, 3, 16), 20, D(2026, 4, 14)),
        # C: correction notice 7 WD (Sat 5/9 work), then a new 20 WD.
        (D(2026, 4, 28), 7, D(2026, 5, 11)),
        (D(2026, 5, 12), 20, D(2026, 6, 9)),
        # E: fee due 20 WD from the day after receipt (Fri 09-11).
        (D(2026, 9, 11), 20, D(2026, 10, 15)),
        # F: 元旦 2026 (Jan 1–3 off, Sun 1/4 work).
        (D(2025, 12, 24), 20, D(2026, 1, 22)),
        # G: enforcement 公示 7 WD and 20 WD.
        (D(2026, 4, 30), 7, D(2026, 5, 13)),
        (D(2026, 4, 30), 20, D(2026, 6, 1)),
        # H: local 5-WD rule across National Day 2026.
        (D(2026, 9, 30), 5, D(2026, 10, 13)),
        # N: confirmed on the first working day after the holiday.
        (D(2026, 10, 8), 20, D(2026, 11, 4)),
    ],
)
def test_worked_examples(start, days, due):
    result = add_working_days(start, days)
    assert result.date == due
    assert result.provisional is False
    assert result.calendar_version == calendar_version()


def test_start_day_is_never_counted():
    # Fri start: the first working day is the next Monday, not Friday itself.
    assert add_working_days(D(2026, 3, 6), 1).date == D(2026, 3, 9)
    assert add_working_days(D(2026, 3, 6), 0).date == D(2026, 3, 6)
    assert working_days_between(D(2026, 3, 6), D(2026, 3, 6)) == 0
    assert working_days_between(D(2026, 3, 6), D(2026, 3, 9)) == 1
    assert working_days_between(D(2026, 3, 9), D(2026, 3, 6)) == -1


@pytest.mark.parametrize(
    ("day", "working"),
    [
        # 调休 weekends are working days.
        (D(2025, 1, 26), True),
        (D(2025, 2, 8), True),
        (D(2025, 9, 28), True),
        (D(2025, 10, 11), True),
        (D(2026, 1, 4), True),
        (D(2026, 2, 14), True),
        (D(2026, 2, 28), True),
        (D(2026, 9, 20), True),
        (D(2026, 10, 10), True),
        # Spring Festival and National Day weekdays are not.
        (D(2025, 1, 28), False),
        (D(2025, 2, 4), False),
        (D(2025, 10, 8), False),
        (D(2026, 2, 16), False),
        (D(2026, 2, 23), False),
        (D(2026, 10, 7), False),
        # 2024 除夕 was encouraged off but is a working day.
        (D(2024, 2, 9), True),
        # Ordinary days.
        (D(2026, 3, 7), False),
        (D(2026, 3, 9), True),
    ],
)
def test_holidays_and_adjusted_weekends(day, working):
    assert is_working_day(day) is working


def test_spring_festival_and_national_day_spans():
    # 2025: 8 days off Jan 28 – Feb 4, work resumes Wed Feb 5.
    assert add_working_days(D(2025, 1, 27), 1).date == D(2025, 2, 5)
    # 2026: 9 days off Feb 15 – Feb 23, work resumes Tue Feb 24.
    assert add_working_days(D(2026, 2, 14), 1).date == D(2026, 2, 24)
    # 2025 National Day + Mid-Autumn: Oct 1 – 8, work resumes Thu Oct 9.
    assert add_working_days(D(2025, 9, 30), 1).date == D(2025, 10, 9)
    # 2026 National Day: Oct 1 – 7, Oct 8 is a working Thursday.
    assert add_working_days(D(2026, 9, 30), 1).date == D(2026, 10, 8)
    assert working_days_between(D(2026, 9, 30), D(2026, 10, 10)) == 3


def test_2027_is_refused_and_provisional_counts_weekends_only():
    # M: received Tue 2026-12-15; only 12 WD remain in 2026.
    assert working_days_between(D(2026, 12, 15), D(2026, 12, 31)) == 12
    with pytest.raises(CalendarYearMissing) as exc:
        add_working_days(D(2026, 12, 15), 20)
    assert exc.value.year == 2027
    assert "2027" in exc.value.message
    result = add_working_days(D(2026, 12, 15), 20, allow_provisional=True)
    assert result.date == D(2027, 1, 12)
    assert result.provisional is True
    assert (result.first_year, result.last_year) == (2026, 2027)
    with pytest.raises(CalendarYearMissing):
        working_days_between(D(2026, 12, 15), D(2027, 1, 5))
    with pytest.raises(CalendarYearMissing):
        is_working_day(D(2027, 1, 1))
    assert is_working_day(D(2027, 1, 1), allow_provisional=True) is True


def test_window_inside_known_years_is_not_provisional():
    result = add_working_days(D(2026, 12, 15), 12, allow_provisional=True)
    assert result.date == D(2026, 12, 31)
    assert result.provisional is False


def test_reconsideration_60_calendar_days_rolled_forward():
    # J: day 60 = Fri 2026-10-02 (holiday) → Thu 2026-10-08.
    result = add_calendar_days_rolled(D(2026, 8, 3), 60)
    assert result.date == D(2026, 10, 8)
    assert result.provisional is False


def test_consultation_30_days():
    # L: opened Sun 2026-09-20 → no earlier than Tue 2026-10-20.
    assert add_calendar_days_rolled(D(2026, 9, 20), 30).date == D(2026, 10, 20)


def test_calendar_period_ending_on_adjusted_workday_is_not_rolled():
    # Sun 2026-09-20 is 调休上班: a period ending on it ends there.
    assert add_calendar_days_rolled(D(2026, 9, 10), 10).date == D(2026, 9, 20)
    # A plain Saturday rolls to Monday.
    assert add_calendar_days_rolled(D(2026, 3, 4), 3).date == D(2026, 3, 9)


def test_litigation_six_months_enters_2027():
    # K: 2026-08-03 + 6 months = 2027-02-03 → refuse / provisional.
    with pytest.raises(CalendarYearMissing) as exc:
        add_months_rolled(D(2026, 8, 3), 6)
    assert exc.value.year == 2027
    result = add_months_rolled(D(2026, 8, 3), 6, allow_provisional=True)
    assert result.date == D(2027, 2, 3)
    assert result.provisional is True


def test_months_without_corresponding_day_end_on_month_end():
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert add_months(D(2026, 1, 15), 12) == D(2027, 1, 15)
    # 2026-02-28 (Sat) is 调休上班: no roll.
    assert add_months_rolled(D(2025, 8, 31), 6).date == D(2026, 2, 28)
    # 2026-04-04 (Sat, 清明) rolls to Tue 04-07.
    assert add_months_rolled(D(2025, 10, 4), 6).date == D(2026, 4, 7)


def test_negative_periods_are_rejected():
    with pytest.raises(ValueError):
        add_working_days(D(2026, 1, 5), -1)
    with pytest.raises(ValueError):
        add_calendar_days_rolled(D(2026, 1, 5), -1)
    with pytest.raises(ValueError):
        add_months_rolled(D(2026, 1, 5), -1)


def test_before_the_seeded_range_is_refused():
    with pytest.raises(CalendarYearMissing) as exc:
        add_working_days(D(2002, 12, 20), 20)
    assert exc.value.year == 2002


def test_last_known_year_and_version():
    assert last_known_year() == 2026
    assert calendar_version() >= 1


def test_each_call_costs_one_query_once_cached():
    add_working_days(D(2026, 1, 5), 20)  # warm the cache
    with CaptureQueriesContext(connection) as queries:
        add_working_days(D(2026, 1, 5), 200)
        working_days_between(D(2025, 1, 5), D(2026, 6, 1))
    assert len(queries) == 2


def test_a_pinned_calendar_is_read_once_for_many_calls():
    with calendar_pinned(), CaptureQueriesContext(connection) as queries:
        for n in range(1, 30):
            add_working_days(date(2026, 9, 20), n)
        with calendar_pinned():  # nested: the same snapshot
            add_working_days(date(2026, 9, 20), 5)
    assert len(queries) == 0
    # Unpinned, each call checks the calendar's revision again.
    with CaptureQueriesContext(connection) as queries:
        add_working_days(date(2026, 9, 20), 5)
    assert len(queries) >= 1
