"""Seed the working-day calendar for 2004–2026 from `chinese_calendar`.

Idempotent and connected to `post_migrate` (so it also runs after test
database flushes): a year already in the database, seeded or entered by an
administrator, is never touched. The package was checked day by day against
the official 2024–2026 schedules (spec §7.4), so seeded years count as
verified by the system.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import chinese_calendar
from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils import timezone

from .models import CalendarDay, CalendarYear
from .models.calendar import DayKind
from .workdays import calendar_cache_clear

SEED_FIRST_YEAR = 2004
SEED_LAST_YEAR = 2026

HOLIDAY_NAMES: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}

# Notices the spec names (§7.2): (doc number, notice date).
NOTICES: dict[int, tuple[str, date]] = {
    2022: ("国办发明电〔2021〕11号", date(2021, 10, 25)),
    2023: ("", date(2022, 12, 8)),
    2024: ("", date(2023, 10, 25)),
    2025: ("国办发明电〔2024〕12号", date(2024, 11, 12)),
    2026: ("", date(2025, 11, 4)),
}


def holiday_name_zh(name: str) -> str:
    return HOLIDAY_NAMES.get(name, name)


def package_days(year: int) -> list[tuple[date, str, str]]:
    """(date, kind, Chinese holiday name) of one year, as the package holds it.

    `holiday_off` = weekdays inside a 放假 block (weekends are rest days
    anyway); `adjusted_workday` = weekend days declared 调休上班.
    """
    days: list[tuple[date, str, str]] = []
    for day, name in chinese_calendar.holidays.items():
        if day.year == year and day.weekday() < 5:
            days.append((day, DayKind.HOLIDAY_OFF, holiday_name_zh(name)))
    for day, name in chinese_calendar.workdays.items():
        if day.year == year and day.weekday() >= 5:
            days.append((day, DayKind.ADJUSTED_WORKDAY, holiday_name_zh(name)))
    return sorted(days)


def calendar_seed(*, using: str = DEFAULT_DB_ALIAS) -> list[int]:
    """Create the package's years missing from the database; returns them."""
    with transaction.atomic(using=using):
        present = set(CalendarYear.objects.using(using).values_list("year", flat=True))
        missing = [
            y for y in range(SEED_FIRST_YEAR, SEED_LAST_YEAR + 1) if y not in present
        ]
        now = timezone.now()
        for year in missing:
            doc_number, notice_date = NOTICES.get(year, ("", None))
            calendar_year = CalendarYear.objects.using(using).create(
                year=year,
                source_doc_number=doc_number,
                source_title=f"国务院办公厅关于{year}年部分节假日安排的通知",
                notice_date=notice_date,
                verified_at=now,
                revision=1,
            )
            CalendarDay.objects.using(using).bulk_create(
                CalendarDay(calendar_year=calendar_year, date=d, kind=k, holiday_name=n)
                for d, k, n in package_days(year)
            )
    if missing:
        calendar_cache_clear()
    return missing


def calendar_seed_on_migrate(
    sender: Any, using: str = DEFAULT_DB_ALIAS, **kwargs: Any
) -> None:
    calendar_seed(using=using)
