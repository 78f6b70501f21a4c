"""The services' transitions e-mail the applicant with the letter attached."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail

from gongkai.applications.choices import Outcome
from gongkai.applications.models import Application
from gongkai.applications.services import (
    application_extend,
    application_reply,
    correction_notice_issue,
)
from gongkai.core.models import Organisation, User

from . import services_helpers as helpers
from .services_helpers import received

fast_letters, org = helpers.fast_letters, helpers.org
officer, head = helpers.officer, helpers.head

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_letters")]

D = dt.date


def _only_mail(application: Application) -> Any:
    (message,) = mail.outbox
    assert message.to == [application.email]
    assert application.tracking_code in message.subject
    assert application.id_number not in message.body
    return message


def test_correction_mail_carries_the_items_and_the_notice(
    org: Organisation, officer: User, django_capture_on_commit_callbacks: Any
):
    app = received(org, D(2026, 9, 28))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        correction_notice_issue(
            application=app,
            actor=officer,
            items="请说明所需信息的具体年份",
            deadline=D(2026, 10, 20),
            issued_on=D(2026, 9, 30),
        )
    message = _only_mail(app)
    assert "请说明所需信息的具体年份" in message.body
    assert "补正期限：2026年10月20日" in message.body
    assert [n.rsplit(".", 1)[1] for n, _c, _t in message.attachments] == [
        "pdf",
        "docx",
    ]


def test_extension_mail_gives_the_new_due_date(
    org: Organisation, head: User, django_capture_on_commit_callbacks: Any
):
    app = received(org, D(2026, 9, 1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application_extend(
            application=app, actor=head, days=20, reason="需调档", on=D(2026, 9, 20)
        )
    app.refresh_from_db()
    assert app.due_on is not None
    message = _only_mail(app)
    assert "延长20个工作日" in message.body
    assert f"答复期限：{app.due_on.year}年{app.due_on.month}月" in message.body
    assert message.attachments  # 延期答复告知书


def test_reply_mail_attaches_the_reply_letter(
    org: Organisation, officer: User, django_capture_on_commit_callbacks: Any
):
    app = received(org, D(2026, 9, 28))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application_reply(
            application=app,
            actor=officer,
            outcome=Outcome.DISCLOSED,
            replied_on=D(2026, 10, 9),
        )
    message = _only_mail(app)
    assert "办理结果：予以公开" in message.body
    assert "答复日期：2026年10月9日" in message.body
    pdf = message.attachments[0]
    assert pdf[2] == "application/pdf" and pdf[1].startswith(b"%PDF")
