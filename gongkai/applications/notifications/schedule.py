"""Keep exactly one pending daily run in the task queue (database backend).

`manage.py applications schedule` (run by `make run` before the worker)
queues one `applications_daily` now unless one is already waiting; each run
queues the next for tomorrow morning. With a backend other than the
database one there is nothing to inspect: use cron and
`manage.py applications remind` instead (docs/operations.md).
"""

from __future__ import annotations

from datetime import datetime

from django.apps import apps

from .daily import next_run_at

DAILY_TASK_PATH = "gongkai.applications.tasks.applications_daily"


def _pending_daily() -> bool:
    if not apps.is_installed("django_tasks_db"):
        return False
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from ..tasks import applications_daily

    backend = applications_daily.get_backend()
    # Waiting, whether due now or deferred to tomorrow (not `ready()`, which
    # leaves out future ones); the run in progress is RUNNING, not READY.
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        task_path=DAILY_TASK_PATH,
        backend_name=backend.alias,
    ).exists()


def daily_schedule(*, tomorrow: bool = False, at: datetime | None = None) -> bool:
    """Queue the next daily run; False when one is already waiting.

    The run itself asks for `tomorrow` (the next morning); otherwise it runs
    at `at`, or as soon as the worker is free.
    """
    from ..tasks import applications_daily

    if _pending_daily():
        return False
    run_after = next_run_at() if tomorrow else at
    task = applications_daily
    if run_after is not None and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    elif run_after is not None:
        return False  # cannot defer (immediate/dummy backend): cron's job
    task.enqueue()
    return True
