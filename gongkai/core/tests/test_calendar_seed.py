"""The 2004–2026 seed from chinese_calendar (run by post_migrate)."""

from datetime import date

import pytest

from gongkai.core.calendar_seed import calendar_seed, package_days
from gongkai.core.models import CalendarDay, CalendarYear
from gongkai.core.models.calendar import DayKind

pytestmark = pytest.mark.django_db


def test_every_package_year_is_seeded_and_verified():
    years = CalendarYear.objects.filter(year__range=(2004, 2026))
    assert years.count() == 23
    assert not years.filter(verified_at__isnull=True).exists()
    assert not years.exclude(entered_by=None).exists()  # the system
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_notice_numbers_where_the_spec_gives_them():
    year_2025 = CalendarYear.objects.get(year=2025)
    assert year_2025.source_doc_number == "国办发明电〔2024〕12号"
    assert year_2025.notice_date == date(2024, 11, 12)
    assert year_2025.source_title == "国务院办公厅关于2025年部分节假日安排的通知"
    assert CalendarYear.objects.get(year=2026).notice_date == date(2025, 11, 4)


def test_days_are_weekday_holidays_and_weekend_workdays_with_chinese_names():
    days = CalendarDay.objects.filter(calendar_year__year=2025)
    assert all(d.date.weekday() < 5 for d in days.filter(kind=DayKind.HOLIDAY_OFF))
    assert all(
        d.date.weekday() >= 5 for d in days.filter(kind=DayKind.ADJUSTED_WORKDAY)
    )
    names = set(days.values_list("holiday_name", flat=True))
    assert names == {"元旦", "春节", "清明节", "劳动节", "端午节", "国庆节", "中秋节"}
    spring = days.get(date=date(2025, 1, 28))
    assert (spring.kind, spring.holiday_name) == (DayKind.HOLIDAY_OFF, "春节")
    assert days.get(date=date(2025, 1, 26)).kind == DayKind.ADJUSTED_WORKDAY


def test_seed_is_idempotent_and_keeps_entered_years():
    before = CalendarDay.objects.count()
    assert calendar_seed() == []
    assert CalendarDay.objects.count() == before
    CalendarYear.objects.filter(year=2010).update(source_doc_number="改过")
    CalendarYear.objects.filter(year=2011).delete()
    assert calendar_seed() == [2011]
    assert CalendarYear.objects.get(year=2010).source_doc_number == "改过"
    assert CalendarDay.objects.filter(calendar_year__year=2011).count() == len(
        package_days(2011)
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", [1, 2])
def test_seed_survives_flushes_between_transactional_tests(round_):
    # Each transactional test ends with a flush; post_migrate re-seeds.
    assert CalendarYear.objects.filter(verified_at__isnull=False).count() == 23
    CalendarYear.objects.filter(year=2025).delete()
