"""The database queue and its worker really run the tasks (django-tasks-db)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from gongkai.applications.notifications import applicant_notify, daily
from gongkai.applications.notifications.schedule import DAILY_TASK_PATH, daily_schedule
from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user

from .test_notifications import make_application

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def work_once() -> None:
    """What `manage.py db_worker --batch` does: run what is ready, then stop."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


@DATABASE_QUEUE
def test_enqueued_on_commit_and_sent_by_the_worker():
    application = make_application()
    with transaction.atomic():
        applicant_notify(application=application, kind="receipt")
        assert not DBTaskResult.objects.exists()  # nothing before commit
    (queued,) = DBTaskResult.objects.all()
    assert queued.status == TaskResultStatus.READY
    assert queued.task_path == "gongkai.applications.tasks.applicant_email_send"
    assert mail.outbox == []  # the request never sends
    work_once()
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    (message,) = mail.outbox
    assert application.tracking_code in message.subject


@DATABASE_QUEUE
def test_rolled_back_transaction_queues_nothing():
    application = make_application()
    with pytest.raises(RuntimeError), transaction.atomic():
        applicant_notify(application=application, kind="reply")
        raise RuntimeError("rolled back")
    assert not DBTaskResult.objects.exists()
    work_once()
    assert mail.outbox == []


@DATABASE_QUEUE
def test_daily_run_is_queued_once_and_queues_the_next_morning():
    org = OrganisationFactory.create()
    staff_user(Role.OFFICER, org, email="officer@example.gov.cn")
    # Due in one working day from whatever today is: a reminder goes out.
    make_application(organisation=org, due_on=daily.local_today())

    assert daily_schedule() is True
    assert daily_schedule() is False  # `make run` twice: still one
    work_once()

    done = DBTaskResult.objects.get(status=TaskResultStatus.SUCCESSFUL)
    assert done.task_path == DAILY_TASK_PATH
    assert done.return_value == {"closed": 0, "reminded": 1}
    (waiting,) = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert waiting.task_path == DAILY_TASK_PATH
    run_after = waiting.run_after.astimezone(SHANGHAI)
    assert (run_after.hour, run_after.minute) == (7, 0)
    assert run_after > datetime.now(SHANGHAI)
    assert run_after - datetime.now(SHANGHAI) <= timedelta(days=1)
    assert daily_schedule() is False  # the deferred one counts as waiting
    assert len(mail.outbox) == 1


def test_next_run_at_is_the_next_seven_oclock_in_shanghai():
    before = datetime(2026, 10, 9, 6, 59, tzinfo=SHANGHAI)
    after = datetime(2026, 10, 9, 7, 0, tzinfo=SHANGHAI)
    assert daily.next_run_at(before) == datetime(2026, 10, 9, 7, 0, tzinfo=SHANGHAI)
    assert daily.next_run_at(after) == datetime(2026, 10, 10, 7, 0, tzinfo=SHANGHAI)


def test_immediate_backend_in_tests_runs_the_task_at_commit():
    application = make_application()
    with transaction.atomic():
        applicant_notify(application=application, kind="fee")
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert not DBTaskResult.objects.exists()  # nothing left in a queue


@DATABASE_QUEUE
def test_a_mail_relay_that_is_down_is_retried_later(monkeypatch):
    import smtplib

    from django.core.mail import EmailMessage
    from django.utils import timezone

    real_send = EmailMessage.send

    def down(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("relay down")

    monkeypatch.setattr(EmailMessage, "send", down)
    application = make_application()
    with transaction.atomic():
        applicant_notify(application=application, kind="receipt")
    work_once()
    assert mail.outbox == []
    (retry,) = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > timezone.now() + timedelta(minutes=4)

    monkeypatch.setattr(EmailMessage, "send", real_send)
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    work_once()
    assert len(mail.outbox) == 1
