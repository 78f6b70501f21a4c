"""System checks: warn when next year's holiday schedule is not entered."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Tags, Warning, register
from django.db import DatabaseError
from django.utils import timezone


@register(Tags.database)
def check_next_calendar_year(**kwargs: Any) -> list[CheckMessage]:
    from .models import CalendarYear

    next_year = timezone.localdate().year + 1
    try:
        known = CalendarYear.objects.filter(
            year=next_year, verified_at__isnull=False
        ).exists()
    except DatabaseError:
        return []  # tables not migrated yet: nothing to check
    if known:
        return []
    return [
        Warning(
            f"{next_year} 年放假调休安排尚未录入并核验：跨入该年的期限将无法计算。",
            hint="国务院办公厅通知发布后，请在工作台“工作日历”中录入该年安排。",
            id="gongkai.W001",
        )
    ]
