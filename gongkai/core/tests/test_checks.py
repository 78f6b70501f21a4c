"""The system check for the holiday schedule of this and next year."""

from datetime import date

import pytest
import time_machine

from gongkai.core.checks import check_next_calendar_year
from gongkai.core.models import CalendarYear

pytestmark = pytest.mark.django_db


def ids() -> list[str | None]:
    return [m.id for m in check_next_calendar_year()]


@time_machine.travel("2026-11-23 10:00 +0800", tick=False)
def test_warns_in_november_when_next_year_is_missing():
    messages = check_next_calendar_year()
    assert [m.id for m in messages] == ["gongkai.W001"]
    assert "2027 年放假调休安排尚未录入" in messages[0].msg


@time_machine.travel("2026-03-01 10:00 +0800", tick=False)
def test_quiet_before_the_notice_season():
    assert ids() == []


@time_machine.travel("2026-11-23 10:00 +0800", tick=False)
def test_quiet_once_next_year_is_verified():
    CalendarYear.objects.create(year=2027, verified_at="2026-11-20T10:00:00+08:00")
    assert ids() == []


@time_machine.travel("2026-11-23 10:00 +0800", tick=False)
def test_an_unverified_next_year_still_warns():
    CalendarYear.objects.create(year=2027)
    assert ids() == ["gongkai.W001"]


@time_machine.travel("2027-01-04 10:00 +0800", tick=False)
def test_warns_when_this_year_is_missing():
    assert ids() == ["gongkai.W002"]


@time_machine.travel(date(2026, 11, 23), tick=False)
def test_warning_from_setting(settings):
    settings.GONGKAI_CALENDAR_WARN_FROM = (12, 1)
    assert ids() == []
