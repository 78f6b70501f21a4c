"""The daily run: close lapsed cases, then remind officers (worker or cron).

`applications_daily_run` is what `manage.py applications remind` and the
self-rescheduling `tasks.applications_daily` task both call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from ..services import applications_close_overdue
from .reminders import reminders_run

# Local time of the daily run (the officers' morning).
DAILY_AT = time(7, 0)


@dataclass(frozen=True)
class DailyResult:
    closed: int  # correction / fee deadlines passed (services)
    reminded: int


def local_today() -> date:
    return timezone.localdate()


def next_run_at(now: datetime | None = None) -> datetime:
    """The next DAILY_AT in the site's time zone, as an aware datetime."""
    tz = ZoneInfo(settings.TIME_ZONE)
    now = (now or timezone.now()).astimezone(tz)
    candidate = datetime.combine(now.date(), DAILY_AT, tzinfo=tz)
    if candidate <= now:
        candidate += timedelta(days=1)
    return candidate


def applications_daily_run(*, today: date | None = None) -> DailyResult:
    """Close corrections/fees whose deadline passed, then send reminders."""
    today = today or local_today()
    closed = applications_close_overdue(today=today)
    return DailyResult(closed=closed, reminded=reminders_run(today=today))
