import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.audit import audit_verify
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import AuditEvent
from gongkai.documents import services
from gongkai.documents.models import (
    Attachment,
    Document,
    DocumentStatus,
    PiiDecision,
    PiiKind,
    PiiSource,
)

from .files import luhn_complete, resident_id, tiny_docx, tiny_pdf
from .workflow_helpers import ALL_CLEAR, Office, after

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

ID = resident_id("11010519491231002")
CARD = luhn_complete("622202123456789")


def submitted(office: Office, body: str) -> Document:
    document = office.draft(body=body)
    services.document_submit(actor=office.editor, document=document)
    services.confidentiality_review_record(
        actor=office.reviewer, document=document, checklist=ALL_CLEAR
    )
    return document


def test_each_kind_in_the_body_blocks_approval(office):
    body = (
        f"<p>身份证号：{ID}</p><p>手机：<strong>13800138000</strong></p>"
        f"<p>银行卡：{CARD}</p><p>邮箱：zhang@example.com</p>"
    )
    document = submitted(office, body)
    findings = list(document.pii_findings.all())
    assert sorted(f.kind for f in findings) == sorted(PiiKind.values)
    assert all(f.decision == PiiDecision.PENDING for f in findings)
    assert all(f.source == PiiSource.BODY for f in findings)
    for finding in findings:
        assert ID not in finding.masked_value + finding.context
        assert "13800138000" not in finding.masked_value + finding.context
    with pytest.raises(DomainError, match="4 处疑似个人信息"):
        services.document_approve(actor=office.reviewer, document=document)
    assert document.status == DocumentStatus.SUBMITTED


def test_redaction_masks_every_occurrence_in_the_body(office):
    body = f"<p>联系人电话13800138000；再次：13800138000。证件{ID}</p>"
    document = submitted(office, body)
    mobile = document.pii_findings.get(kind=PiiKind.MOBILE)
    services.pii_finding_decide(
        actor=office.reviewer, finding=mobile, decision=PiiDecision.REDACTED
    )
    document.refresh_from_db()
    assert "13800138000" not in document.body
    assert document.body.count("138****8000") == 2
    assert ID in document.body
    resident = document.pii_findings.get(kind=PiiKind.RESIDENT_ID)
    services.pii_finding_decide(
        actor=office.reviewer, finding=resident, decision=PiiDecision.REDACTED
    )
    services.document_approve(actor=office.reviewer, document=document)
    assert document.status == DocumentStatus.APPROVED
    decided = AuditEvent.objects.filter(event_type=AuditEventType.PII_DECIDED)
    assert decided.count() == 2
    first = decided.first()
    assert first is not None
    assert first.actor == office.reviewer
    assert after(first)["decision"] == PiiDecision.REDACTED
    assert after(first)["masked_value"] == "138****8000"
    # The clear value reaches neither the audit log nor the findings.
    for event in AuditEvent.objects.all():
        assert "13800138000" not in str(event.before) + str(event.after)
    assert audit_verify() is None


def test_confirm_public_needs_a_reason_and_is_audited(office):
    document = submitted(office, "<p>服务热线：13800138000</p>")
    finding = document.pii_findings.get()
    with pytest.raises(DomainError, match="须说明理由"):
        services.pii_finding_decide(
            actor=office.reviewer,
            finding=finding,
            decision=PiiDecision.CONFIRMED_PUBLIC,
        )
    services.pii_finding_decide(
        actor=office.reviewer,
        finding=finding,
        decision=PiiDecision.CONFIRMED_PUBLIC,
        reason="对外公布的政务服务热线",
    )
    finding.refresh_from_db()
    assert finding.decision == PiiDecision.CONFIRMED_PUBLIC
    assert finding.decided_by == office.reviewer
    event = AuditEvent.objects.get(event_type=AuditEventType.PII_DECIDED)
    assert after(event)["reason"] == "对外公布的政务服务热线"
    services.document_approve(actor=office.reviewer, document=document)
    assert document.status == DocumentStatus.APPROVED


def test_only_a_reviewer_decides(office):
    document = submitted(office, "<p>13800138000</p>")
    finding = document.pii_findings.get()
    with pytest.raises(PermissionDenied):
        services.pii_finding_decide(
            actor=office.editor,
            finding=finding,
            decision=PiiDecision.CONFIRMED_PUBLIC,
            reason="热线",
        )


def test_rescan_after_edits_keeps_decisions_for_the_same_value(office):
    document = submitted(office, "<p>热线13800138000，邮箱a@example.com</p>")
    hotline = document.pii_findings.get(kind=PiiKind.MOBILE)
    services.pii_finding_decide(
        actor=office.reviewer,
        finding=hotline,
        decision=PiiDecision.CONFIRMED_PUBLIC,
        reason="公开热线",
    )
    services.document_return(actor=office.reviewer, document=document, reason="改")
    services.document_revise(actor=office.editor, document=document)
    services.document_update(
        actor=office.editor,
        document=document,
        body="<p>新版：热线13800138000，另有13900139000</p>",
    )
    findings = {f.kind + f.masked_value: f for f in document.pii_findings.all()}
    assert findings["mobile138****8000"].decision == PiiDecision.CONFIRMED_PUBLIC
    assert findings["mobile139****9000"].decision == PiiDecision.PENDING
    # The e-mail left the body; its pending finding is dropped.
    assert not any(k.startswith("email") for k in findings)
    assert AuditEvent.objects.filter(event_type=AuditEventType.PII_SCANNED).exists()


def test_redacted_value_that_comes_back_is_pending_again(office):
    document = submitted(office, "<p>13800138000</p>")
    finding = document.pii_findings.get()
    services.pii_finding_decide(
        actor=office.reviewer, finding=finding, decision=PiiDecision.REDACTED
    )
    services.document_return(actor=office.reviewer, document=document, reason="改")
    services.document_revise(actor=office.editor, document=document)
    services.document_update(
        actor=office.editor, document=document, body="<p>13800138000</p>"
    )
    finding.refresh_from_db()
    assert finding.decision == PiiDecision.PENDING


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def test_docx_attachment_hits_block_until_the_attachment_is_removed(office):
    document = office.draft(body="<p>正文无个人信息</p>")
    content = tiny_docx(
        "获补贴人员名单", table=[["姓名", "手机"], ["张三", "13800138000"]]
    )
    attachment = services.attachment_add(
        actor=office.editor,
        document=document,
        uploaded_file=upload("名单.docx", content),
    )
    assert "13800138000" in attachment.extracted_text
    services.document_submit(actor=office.editor, document=document)
    services.confidentiality_review_record(
        actor=office.reviewer, document=document, checklist=ALL_CLEAR
    )
    finding = document.pii_findings.get()
    assert finding.source == PiiSource.ATTACHMENT
    assert finding.attachment == attachment
    with pytest.raises(DomainError, match="个人信息"):
        services.document_approve(actor=office.reviewer, document=document)
    services.pii_finding_decide(
        actor=office.reviewer, finding=finding, decision=PiiDecision.REDACTED
    )
    finding.refresh_from_db()
    assert finding.decision == PiiDecision.REDACTED
    assert finding.attachment is None
    assert finding.attachment_name == "名单.docx"
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    types = list(AuditEvent.objects.values_list("event_type", flat=True))
    assert AuditEventType.ATTACHMENT_REMOVED in types
    services.document_approve(actor=office.reviewer, document=document)
    assert document.status == DocumentStatus.APPROVED


def test_pdf_attachment_is_scanned(office):
    document = office.draft()
    services.attachment_add(
        actor=office.editor,
        document=document,
        uploaded_file=upload("通知.pdf", tiny_pdf(f"Contact wang@example.org ID {ID}")),
    )
    services.document_submit(actor=office.editor, document=document)
    kinds = sorted(f.kind for f in document.pii_findings.all())
    assert kinds == [PiiKind.EMAIL, PiiKind.RESIDENT_ID]


def test_removing_an_attachment_settles_its_findings(office):
    document = office.draft()
    attachment = services.attachment_add(
        actor=office.editor,
        document=document,
        uploaded_file=upload("a.pdf", tiny_pdf("13800138000")),
    )
    assert document.pii_findings.count() == 1
    services.attachment_remove(actor=office.editor, attachment=attachment)
    finding = document.pii_findings.get()
    assert finding.decision == PiiDecision.REDACTED
    assert finding.attachment_name == "a.pdf"


def test_metadata_is_scanned_and_redacted_too(office):
    document = office.draft(
        title="关于张三（13800138000）补贴的公示", summary="联系邮箱 zs@example.com"
    )
    services.document_submit(actor=office.editor, document=document)
    services.confidentiality_review_record(
        actor=office.reviewer, document=document, checklist=ALL_CLEAR
    )
    for finding in document.pii_findings.all():
        services.pii_finding_decide(
            actor=office.reviewer, finding=finding, decision=PiiDecision.REDACTED
        )
    document.refresh_from_db()
    assert document.title == "关于张三（138****8000）补贴的公示"
    assert document.summary == "联系邮箱 z***@example.com"
    event = AuditEvent.objects.filter(event_type=AuditEventType.PII_DECIDED).first()
    assert event is not None and event.before is not None
    assert "title" in event.before
    services.document_approve(actor=office.reviewer, document=document)


def test_value_split_by_markup_cannot_be_redacted_automatically(office):
    document = submitted(office, "<p>电话<strong>1380013</strong>8000</p>")
    finding = document.pii_findings.get()
    with pytest.raises(DomainError, match="无法自动遮盖"):
        services.pii_finding_decide(
            actor=office.reviewer, finding=finding, decision=PiiDecision.REDACTED
        )
    finding.refresh_from_db()
    assert finding.decision == PiiDecision.PENDING


def test_findings_of_a_refused_approval_are_kept(office):
    document = submitted(office, "<p>13800138000</p>")
    document.pii_findings.all().delete()  # as if submitted before the scanner
    with pytest.raises(DomainError, match="个人信息"):
        services.document_approve(actor=office.reviewer, document=document)
    assert document.pii_findings.filter(decision=PiiDecision.PENDING).count() == 1
