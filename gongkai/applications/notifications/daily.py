"""The daily run: close lapsed cases, then remind officers (worker or cron).

`applications_daily_run` is what `manage.py applications remind` and the
self-rescheduling `tasks.applications_daily` task both call.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from .reminders import reminders_run

logger = logging.getLogger(__name__)

# Local time of the daily run (the officers' morning).
DAILY_AT = time(7, 0)


@dataclass(frozen=True)
class DailyResult:
    closed: int | None  # None: applications_close_overdue not available
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


def _close_overdue_service() -> Callable[..., int] | None:
    """The CORE services' `applications_close_overdue`, where it exists."""
    for module_name in (
        "gongkai.applications.services",
        "gongkai.applications.services.closing",
    ):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        service = getattr(module, "applications_close_overdue", None)
        if callable(service):
            return service
    return None


def applications_daily_run(*, today: date | None = None) -> DailyResult:
    """Close corrections/fees whose deadline passed, then send reminders."""
    today = today or local_today()
    service = _close_overdue_service()
    closed: int | None = None
    if service is None:
        logger.warning("applications_close_overdue is not available: skipped")
    else:
        closed = service(today=today)
    return DailyResult(closed=closed, reminded=reminders_run(today=today))
