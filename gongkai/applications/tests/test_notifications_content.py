"""What each kind of applicant e-mail says (subject, body, attachment)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from gongkai.applications.models import (
    Application,
    ApplicationStatus,
    CorrectionNotice,
    FeeDecision,
    Letter,
    LetterKind,
)
from gongkai.applications.notifications.applicant import (
    ApplicantEmail,
    applicant_email_build,
    applicant_email_deliver,
)

from .test_notifications import make_application

pytestmark = pytest.mark.django_db


def _build(application: Application, kind: str) -> ApplicantEmail:
    return applicant_email_build(application=application, kind=kind)


def _common(application: Application, email: ApplicantEmail) -> None:
    assert application.tracking_code in email.subject
    assert application.tracking_code in email.body
    assert application.organisation.name in email.subject
    assert "http://testserver/apply/track/" in email.body
    assert "张三" in email.body
    # Never the ID number (nor any part of it that identifies).
    assert application.id_number not in email.body
    assert "11010519491231" not in email.body


def test_receipt_when_received_gives_the_dates():
    application = make_application()
    email = _build(application, "receipt")
    _common(application, email)
    assert "已收到" in email.subject
    assert "收到申请日期：2026年9月28日" in email.body
    assert "答复期限：2026年10月30日" in email.body


def test_receipt_of_an_online_application_awaiting_confirmation():
    application = make_application(
        status=ApplicationStatus.LODGED, channel="online", received_on=None, due_on=None
    )
    email = _build(application, "receipt")
    _common(application, email)
    assert "双方确认之日" in email.body
    assert "答复期限：" not in email.body


def test_correction_lists_the_items_and_the_deadline():
    application = make_application(
        status=ApplicationStatus.CORRECTION_REQUESTED, due_on=None
    )
    CorrectionNotice.objects.create(
        application=application,
        issued_on=date(2026, 9, 30),
        items="请写明所需信息的文件名称或者发文字号",
        deadline=date(2026, 10, 21),
    )
    email = _build(application, "correction")
    _common(application, email)
    assert "补正" in email.subject
    assert "请写明所需信息的文件名称或者发文字号" in email.body
    assert "补正期限：2026年10月21日" in email.body


def test_extension_gives_the_days_and_the_new_due_date():
    application = make_application(extension_days=20, due_on=date(2026, 11, 27))
    email = _build(application, "extension")
    _common(application, email)
    assert "延期" in email.subject
    assert "延长20个工作日" in email.body
    assert "答复期限：2026年11月27日" in email.body


def test_provisional_due_date_is_said_to_be_provisional():
    application = make_application(due_on=date(2027, 1, 15), due_provisional=True)
    assert "暂定" in _build(application, "extension").body


def test_fee_gives_the_amount_and_the_payment_deadline():
    application = make_application(status=ApplicationStatus.AWAITING_FEE, due_on=None)
    FeeDecision.objects.create(
        application=application,
        method="per_piece",
        quantity=40,
        amount=300,
        issued_on=date(2026, 9, 30),
        notice_received_on=date(2026, 9, 30),
        payment_due_on=date(2026, 11, 4),
    )
    email = _build(application, "fee")
    _common(application, email)
    assert "收费" in email.subject
    assert "金额：300元" in email.body
    assert "缴费期限：2026年11月4日" in email.body


def test_reply_gives_the_outcome_and_the_remedies():
    application = make_application(
        status=ApplicationStatus.CLOSED,
        outcome="disclosed",
        closed_on=date(2026, 10, 20),
    )
    email = _build(application, "reply")
    _common(application, email)
    assert "已答复" in email.subject
    assert "办理结果：予以公开" in email.body
    assert "答复日期：2026年10月20日" in email.body
    assert "行政复议" in email.body and "行政诉讼" in email.body


def test_referral_names_the_responsible_organ():
    application = make_application(
        status=ApplicationStatus.CLOSED,
        outcome="unavailable_not_held",
        closed_on=date(2026, 10, 20),
        referred_to_name="鹤城市自然资源局",
    )
    assert "鹤城市自然资源局" in _build(application, "referral").body


def test_withdrawal():
    application = make_application()
    assert "撤回" in _build(application, "withdrawal").subject


def test_the_letter_is_attached_and_named():
    application = make_application(
        status=ApplicationStatus.CLOSED,
        outcome="disclosed",
        closed_on=date(2026, 10, 20),
    )
    letter = Letter(
        application=application,
        kind=LetterKind.REPLY,
        title="政府信息公开申请答复书",
        text="……",
        issued_on=date(2026, 10, 20),
    )
    letter.pdf.save("reply.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    letter.docx.save("reply.docx", ContentFile(b"PK docx"), save=False)
    letter.save()
    assert applicant_email_deliver(application_id=application.pk, kind="reply")
    (message,) = mail.outbox
    assert "《政府信息公开申请答复书》见附件" in message.body
    names = [name for name, _content, _type in message.attachments]
    assert names == ["政府信息公开申请答复书.pdf", "政府信息公开申请答复书.docx"]
    assert message.attachments[0][1] == b"%PDF-1.7 test"
    assert message.reply_to == [application.organisation.office_email]


def test_a_deleted_application_or_address_sends_nothing():
    application = make_application()
    pk = application.pk
    application.delete()
    assert applicant_email_deliver(application_id=pk, kind="receipt") is False
    assert mail.outbox == []
