"""Background tasks of 依申请公开 (django-tasks; run by `manage.py db_worker`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django_tasks import task


@task()
def applicant_email_send(*, application_id: int, kind: str) -> bool:
    """Send one applicant e-mail; False when there is nothing to send."""
    from .notifications.applicant import applicant_email_deliver

    return applicant_email_deliver(application_id=application_id, kind=kind)


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
