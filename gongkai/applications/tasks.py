"""Background tasks of 依申请公开 (django-tasks; run by `manage.py db_worker`)."""

from __future__ import annotations

import logging
import smtplib
from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


# A mail relay that is down is retried: after 5, 10, 20, 40 minutes, then the
# task fails (listed with its traceback in the admin, Database tasks).
RETRY_MINUTES = (5, 10, 20, 40)


@task()
def applicant_email_send(*, application_id: int, kind: str, attempt: int = 1) -> bool:
    """Send one applicant e-mail; False when there is nothing to send."""
    from .notifications.applicant import applicant_email_deliver

    try:
        return applicant_email_deliver(application_id=application_id, kind=kind)
    except (smtplib.SMTPException, OSError):
        backend = applicant_email_send.get_backend()
        if attempt > len(RETRY_MINUTES) or not backend.supports_defer:
            raise
        delay = timedelta(minutes=RETRY_MINUTES[attempt - 1])
        logger.warning(
            "applicant e-mail %s/%s failed, retry in %s", application_id, kind, delay
        )
        applicant_email_send.using(run_after=timezone.now() + delay).enqueue(
            application_id=application_id, kind=kind, attempt=attempt + 1
        )
        return False


@task()
def applications_daily(
    *, today: str | None = None, reschedule: bool = True
) -> dict[str, Any]:
    """The daily run in the worker; queues tomorrow's run first, so one failing
    day never stops the chain."""
    from .notifications.daily import applications_daily_run
    from .notifications.schedule import daily_schedule

    if reschedule:
        daily_schedule(tomorrow=True)
    result = applications_daily_run(today=date.fromisoformat(today) if today else None)
    return {"closed": result.closed, "reminded": result.reminded}
