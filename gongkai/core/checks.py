"""System checks: warn when the holiday schedule deadlines need is missing."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register
from django.db import DatabaseError
from django.utils import timezone
from django.utils.translation import gettext as _


def _hint() -> str:
    return _(
        "国务院办公厅通知发布后，请在工作台“工作日历”中录入该年安排并由另一名管理员核验。"
    )


def _warn_next_year_from(today: date) -> date:
    # The State Council issues next year's schedule from late October (spec
    # §7.2); 40-working-day deadlines enter the next year from about then.
    month, day = settings.GONGKAI_CALENDAR_WARN_FROM
    return date(today.year, month, day)


@register(Tags.database)
def check_next_calendar_year(**kwargs: Any) -> list[CheckMessage]:
    from .models import CalendarYear

    today = timezone.localdate()
    try:
        verified = set(
            CalendarYear.objects.filter(
                year__in=[today.year, today.year + 1], verified_at__isnull=False
            ).values_list("year", flat=True)
        )
    except DatabaseError:
        return []  # tables not migrated yet: nothing to check
    messages: list[CheckMessage] = []
    if today.year not in verified:
        messages.append(
            Warning(
                _(
                    "本年度（%(year)s 年）放假调休安排尚未录入并核验：工作日期限无法计算。"
                )
                % {"year": today.year},
                hint=_hint(),
                id="gongkai.W002",
            )
        )
    if today.year + 1 not in verified and today >= _warn_next_year_from(today):
        messages.append(
            Warning(
                _("%(year)s 年放假调休安排尚未录入并核验：跨入该年的期限将无法计算。")
                % {"year": today.year + 1},
                hint=_hint(),
                id="gongkai.W001",
            )
        )
    return messages
