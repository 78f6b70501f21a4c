"""Applicant e-mail: sent after commit only, by the task, with the right text."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from gongkai.applications.models import Application, ApplicationStatus
from gongkai.applications.notifications import applicant_notify
from gongkai.core.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)

_codes = itertools.count(1)


def make_application(**kwargs: object) -> Application:
    """An application received on 2026-09-28, due 2026-10-30."""
    values: dict[str, object] = {
        "tracking_code": f"T{next(_codes):011d}",
        "organisation": kwargs.pop("organisation", None)
        or OrganisationFactory.create(),
        "status": ApplicationStatus.RECEIVED,
        "channel": "in_person",
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_type": "resident_id",
        "id_number": "11010519491231002X",
        "phone": "13800138000",
        "email": "zhangsan@example.com",
        "identity_key": "k",
        "description": "2025年本市道路维修资金使用情况",
        "form": "electronic",
        "delivery": "online",
        "lodged_at": timezone.now(),
        "received_on": date(2026, 9, 28),
        "due_on": date(2026, 10, 30),
    }
    values.update(kwargs)
    return Application.objects.create(**values)


def test_sent_after_commit_not_inside_the_transaction():
    application = make_application()
    with transaction.atomic():
        applicant_notify(application=application, kind="receipt")
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["zhangsan@example.com"]


def test_nothing_sent_when_the_transaction_rolls_back():
    application = make_application()
    with pytest.raises(RuntimeError), transaction.atomic():
        applicant_notify(application=application, kind="reply")
        raise RuntimeError("rolled back")
    assert mail.outbox == []


def test_no_email_address_no_mail():
    application = make_application(email="")
    with transaction.atomic():
        applicant_notify(application=application, kind="receipt")
    assert mail.outbox == []


def test_unknown_kind_is_refused():
    application = make_application()
    with pytest.raises(ValueError):
        applicant_notify(application=application, kind="gossip")


def test_the_worker_sends_nothing_itself_in_the_request_thread_until_commit():
    """Nested savepoints: a rolled-back inner block drops only its e-mail."""
    first = make_application()
    second = make_application(email="lisi@example.com")
    with transaction.atomic():
        applicant_notify(application=first, kind="receipt")
        with pytest.raises(RuntimeError), transaction.atomic():
            applicant_notify(application=second, kind="receipt")
            raise RuntimeError("inner rolled back")
    assert [m.to for m in mail.outbox] == [["zhangsan@example.com"]]
