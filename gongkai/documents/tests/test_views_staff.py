"""The staff document pages: forms, one POST URL per action, 404s, no 500s."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt
import io
from typing import Any, cast

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.core.models import AuditEvent, Organisation, Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.documents import services
from gongkai.documents.models import (
    Attachment,
    Column,
    ConfidentialityReview,
    ContentType,
    Disclosure,
    Document,
    DocumentStatus,
    PiiDecision,
    Topic,
)
from gongkai.documents.tests.factories import DocumentFactory
from gongkai.documents.workflow import CONFIDENTIALITY_CHECKLIST

pytestmark = pytest.mark.django_db

WRITTEN = dt.date(2026, 3, 2)
# A valid mainland mobile number: the PII scan must catch it.
MOBILE = "13812345678"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _new_org() -> Organisation:
    return cast(Organisation, OrganisationFactory())


@pytest.fixture
def org():
    return _new_org()


@pytest.fixture
def other_org():
    return _new_org()


@pytest.fixture
def editor(org):
    return staff_user(Role.EDITOR, org)


@pytest.fixture
def reviewer(org):
    return staff_user(Role.REVIEWER, org)


def _client(client, user):
    client.force_login(user)
    return client


def _form_data(org, **overrides):
    data = {
        "title": "关于开展2026年政务公开工作的通知",
        "organisation": str(org.pk),
        "doc_number": "测政办发[2026]3号",
        "written_on": WRITTEN.isoformat(),
        "content_type": ContentType.POLICY,
        "validity": "in_force",
        "disclosure": Disclosure.PROACTIVE,
        "keywords": "政务公开 通知",
        "summary": "部署年度政务公开工作。",
        "body": "<p>各有关单位：</p><p>现将有关事项通知如下。</p>",
    }
    data.update(overrides)
    return data


def _draft(editor, org, **fields):
    values: dict[str, Any] = {
        "title": "关于做好政务公开工作的通知",
        "written_on": WRITTEN,
        "disclosure": Disclosure.PROACTIVE,
        "body": "<p>现将有关事项通知如下。</p>",
    }
    values.update(fields)
    return services.document_create(actor=editor, organisation=org, **values)


def _submitted(editor, org, **fields):
    document = _draft(editor, org, **fields)
    return services.document_submit(actor=editor, document=document)


def _checklist_data(all_ticked=True):
    data = {"review-notes": "已审查"}
    for i, (key, _label) in enumerate(CONFIDENTIALITY_CHECKLIST):
        if all_ticked or i:
            data[f"review-check_{key}"] = "on"
    return data


def _url(name, *args):
    return reverse(f"staff:{name}", args=args)


# ---------------------------------------------------------------------------
# List


def test_list_shows_own_organisation_drafts_only(client, editor, org, other_org):
    mine = DocumentFactory(organisation=org, title="本单位草稿")
    DocumentFactory(organisation=other_org, title="外单位草稿")
    DocumentFactory(organisation=other_org, title="外单位已发布", published=True)
    response = _client(client, editor).get(_url("document_list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert mine.title in body
    assert "外单位草稿" not in body
    # Public documents are visible to every staff user.
    assert "外单位已发布" in body


def test_list_filters_and_pagination(client, editor, org):
    for i in range(25):
        DocumentFactory(organisation=org, title=f"草稿{i:02d}")
    DocumentFactory(organisation=org, title="已发布的一件", published=True)
    c = _client(client, editor)
    response = c.get(_url("document_list"), {"status": "published"})
    assert "已发布的一件" in response.content.decode()
    assert "草稿00" not in response.content.decode()
    first = c.get(_url("document_list"), {"status": "draft"})
    assert first.context["page"].paginator.count == 25
    second = c.get(_url("document_list"), {"status": "draft", "page": "2"})
    assert len(second.context["page"].object_list) == 5
    assert "status=draft" in second.context["query"]
    by_year = c.get(_url("document_list"), {"year": "2025"})
    assert by_year.context["page"].paginator.count == 0


@pytest.mark.parametrize(
    "params",
    [
        {"status": "nonsense"},
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"organisation": "999999"},
        {"organisation": "x' OR 1=1"},
        {"page": "-1"},
        {"page": "zzz"},
        {"q": "a" * 500},
    ],
)
def test_list_garbage_filters_never_500(client, editor, org, params):
    DocumentFactory(organisation=org)
    response = _client(client, editor).get(_url("document_list"), params)
    assert response.status_code == 200


def test_list_requires_login_and_a_role(client, org):
    response = client.get(_url("document_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))
    from gongkai.core.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(_url("document_list")).status_code == 403


# ---------------------------------------------------------------------------
# Create and edit


def test_create_form_renders_every_field(client, editor, org):
    response = _client(client, editor).get(_url("document_create"))
    assert response.status_code == 200
    form = response.context["form"]
    for name in (
        "title",
        "organisation",
        "co_issuers",
        "column",
        "doc_number",
        "written_on",
        "effective_on",
        "expires_on",
        "topic",
        "genre",
        "content_type",
        "legal_form",
        "validity",
        "disclosure",
        "disclosure_reason",
        "statutory_item",
        "keywords",
        "summary",
        "body",
        "needs_interpretation",
        "policies",
        "supersedes",
        "supersede_effect",
    ):
        assert name in form.fields, name
        assert f'name="{name}"' in response.content.decode()
    # Two-level topics are grouped under their first level.
    if Topic.objects.filter(parent__isnull=False).exists():
        assert "<optgroup" in response.content.decode()


def test_create_saves_draft_with_normalised_doc_number(client, editor, org):
    column = Column.objects.filter(organisation=org).first()
    topic = Topic.objects.filter(parent__isnull=False).first()
    co_issuer = _new_org()
    data = _form_data(
        org,
        column=str(column.pk) if column else "",
        topic=str(topic.pk) if topic else "",
        co_issuers=[str(co_issuer.pk)],
    )
    response = _client(client, editor).post(_url("document_create"), data)
    assert response.status_code == 302
    document = Document.objects.get(title=data["title"])
    assert response["Location"] == _url("document_detail", document.pk)
    assert document.status == DocumentStatus.DRAFT
    assert document.doc_number == "测政办发〔2026〕3号"
    assert document.created_by == editor
    assert list(document.co_issuers.all()) == [co_issuer]
    assert document.column == column
    assert AuditEvent.objects.filter(
        target_type="documents.document", target_id=str(document.pk)
    ).exists()


def test_create_invalid_doc_number_is_a_chinese_field_error(client, editor, org):
    response = _client(client, editor).post(
        _url("document_create"), _form_data(org, doc_number="2026年第三号")
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "doc_number" in errors
    assert "发文字号格式不正确" in errors["doc_number"][0]
    assert "发文字号格式不正确" in response.content.decode()
    assert not Document.objects.exists()


def test_create_non_proactive_needs_reason(client, editor, org):
    response = _client(client, editor).post(
        _url("document_create"),
        _form_data(org, disclosure=Disclosure.ON_APPLICATION, disclosure_reason=""),
    )
    assert response.status_code == 400
    assert "disclosure_reason" in response.context["form"].errors
    assert "必须填写理由" in response.content.decode()


def test_create_missing_required_fields_in_chinese(client, editor, org):
    response = _client(client, editor).post(_url("document_create"), {})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "这个字段是必填项" in errors["title"][0]
    assert "written_on" in errors


def test_create_in_foreign_organisation_is_refused(client, editor, other_org):
    response = _client(client, editor).post(
        _url("document_create"), _form_data(other_org)
    )
    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors
    assert not Document.objects.exists()


def test_create_column_of_other_organisation_is_refused(client, editor, org, other_org):
    column = Column.objects.filter(organisation=other_org).first()
    if column is None:
        pytest.skip("no catalogue seeded")
    response = _client(client, editor).post(
        _url("document_create"), _form_data(org, column=str(column.pk))
    )
    assert response.status_code == 400
    assert "column" in response.context["form"].errors


@pytest.mark.parametrize(
    "overrides",
    [
        {"written_on": "2026-02-30"},
        {"written_on": "not a date"},
        {"effective_on": "2026-05-01", "expires_on": "2026-04-01"},
        {"organisation": "abc"},
        {"topic": "999999"},
        {"co_issuers": ["x"]},
        {"content_type": "poem"},
        {"policies": ["999999"]},
        {"supersedes": "999999"},
        {"title": "x" * 301},
        {"written_on": "0001-01-01"},
    ],
)
def test_create_garbage_input_never_500(client, editor, org, overrides):
    response = _client(client, editor).post(
        _url("document_create"), _form_data(org, **overrides)
    )
    assert response.status_code == 400
    assert not Document.objects.exists()


def test_create_not_allowed_for_reviewer(client, reviewer):
    c = _client(client, reviewer)
    assert c.get(_url("document_create")).status_code == 404


def test_interpretation_links_its_policy(client, editor, org):
    policy = _draft(editor, org, title="某政策", needs_interpretation=True)
    data = _form_data(
        org,
        title="《某政策》解读",
        content_type=ContentType.INTERPRETATION,
        policies=[str(policy.pk)],
        doc_number="",
    )
    response = _client(client, editor).post(_url("document_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    interpretation = Document.objects.get(title="《某政策》解读")
    assert list(interpretation.policies.all()) == [policy]


def test_policies_only_for_interpretations(client, editor, org):
    policy = _draft(editor, org, title="某政策")
    data = _form_data(org, policies=[str(policy.pk)])
    response = _client(client, editor).post(_url("document_create"), data)
    assert response.status_code == 400
    assert "policies" in response.context["form"].errors


def test_edit_draft(client, editor, org):
    document = _draft(editor, org)
    c = _client(client, editor)
    response = c.get(_url("document_edit", document.pk))
    assert response.status_code == 200
    assert response.context["form"].initial["title"] == document.title
    data = _form_data(org, title="修改后的标题")
    response = c.post(_url("document_edit", document.pk), data)
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "修改后的标题"


def test_edit_cannot_move_document_to_another_organisation(
    client, editor, org, other_org
):
    document = _draft(editor, org)
    response = _client(client, editor).post(
        _url("document_edit", document.pk), _form_data(other_org, title="新标题")
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.organisation == org
    assert document.title == "新标题"


def test_edit_refused_when_not_draft_or_not_editor(client, editor, reviewer, org):
    submitted = _submitted(editor, org)
    assert (
        _client(client, editor).get(_url("document_edit", submitted.pk)).status_code
        == 404
    )
    draft = _draft(editor, org)
    client.force_login(reviewer)
    assert client.get(_url("document_edit", draft.pk)).status_code == 404


def test_other_organisation_sees_404(client, editor, org, other_org):
    document = _draft(editor, org)
    outsider = staff_user(Role.EDITOR, other_org)
    c = _client(client, outsider)
    assert c.get(_url("document_detail", document.pk)).status_code == 404
    assert c.get(_url("document_edit", document.pk)).status_code == 404
    assert c.post(_url("document_submit", document.pk)).status_code == 404
    document.refresh_from_db()
    assert document.status == DocumentStatus.DRAFT


def test_unknown_document_is_404(client, editor):
    c = _client(client, editor)
    assert c.get(_url("document_detail", 999999)).status_code == 404
    assert c.post(_url("document_approve", 999999)).status_code == 404
    assert c.get("/staff/documents/abc/").status_code == 404


# ---------------------------------------------------------------------------
# Detail: only the actions the user may take now


def _action_urls(response):
    return {
        name
        for name in (
            "document_submit",
            "document_return",
            "document_revise",
            "document_review",
            "document_approve",
            "document_publish",
            "document_withdraw",
            "document_edit",
        )
        if _url(name, response.context["document"].pk) in response.content.decode()
    }


def test_detail_shows_only_allowed_actions(client, editor, reviewer, org):
    document = _draft(editor, org)
    response = _client(client, editor).get(_url("document_detail", document.pk))
    assert response.status_code == 200
    assert _action_urls(response) == {"document_submit", "document_edit"}
    client.force_login(reviewer)
    assert _action_urls(client.get(_url("document_detail", document.pk))) == set()
    services.document_submit(actor=editor, document=document)
    response = client.get(_url("document_detail", document.pk))
    assert _action_urls(response) == {
        "document_return",
        "document_review",
        "document_approve",
    }
    for key, label in CONFIDENTIALITY_CHECKLIST:
        assert str(label) in response.content.decode(), key
    client.force_login(editor)
    assert _action_urls(client.get(_url("document_detail", document.pk))) == set()


def test_detail_shows_history(client, editor, org):
    document = _draft(editor, org)
    services.document_submit(actor=editor, document=document)
    response = _client(client, editor).get(_url("document_detail", document.pk))
    history = response.context["history"]
    assert [e.event_type for e in history][:2] == [
        "document.submitted",
        "document.created",
    ]
    assert "提交审核" in response.content.decode()


# ---------------------------------------------------------------------------
# Actions, one POST each


def test_actions_refuse_get(client, editor, org):
    document = _draft(editor, org)
    c = _client(client, editor)
    for name in ("document_submit", "document_approve", "document_publish"):
        assert c.get(_url(name, document.pk)).status_code == 405


def test_full_workflow_through_the_views(client, editor, reviewer, org):
    document = _draft(editor, org)
    c = _client(client, editor)
    response = c.post(_url("document_submit", document.pk))
    assert response.status_code == 302
    assert response["Location"] == _url("document_detail", document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.SUBMITTED

    client.force_login(reviewer)
    response = client.post(_url("document_review", document.pk), _checklist_data())
    assert response.status_code == 302
    review = ConfidentialityReview.objects.get(document=document)
    assert review.passed and review.notes == "已审查"

    response = client.post(_url("document_approve", document.pk))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED

    response = client.post(_url("document_publish", document.pk), {})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == DocumentStatus.PUBLISHED
    assert document.published_on == timezone.localdate()
    page = client.get(response["Location"])
    assert "文件已发布" in page.content.decode()

    response = client.post(
        _url("document_withdraw", document.pk), {"withdraw-reason": ""}
    )
    assert response.status_code == 400
    assert "请填写理由" in response.content.decode()
    response = client.post(
        _url("document_withdraw", document.pk), {"withdraw-reason": "内容有误"}
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == DocumentStatus.WITHDRAWN
    assert document.withdrawal_reason == "内容有误"


def test_editor_cannot_approve_or_publish(client, editor, org):
    document = _submitted(editor, org)
    c = _client(client, editor)
    assert (
        c.post(_url("document_review", document.pk), _checklist_data()).status_code
        == 404
    )
    assert c.post(_url("document_approve", document.pk)).status_code == 404
    assert c.post(_url("document_publish", document.pk)).status_code == 404
    document.refresh_from_db()
    assert document.status == DocumentStatus.SUBMITTED


def test_approve_without_review_is_a_message_not_an_error(
    client, editor, reviewer, org
):
    document = _submitted(editor, org)
    c = _client(client, reviewer)
    response = c.post(_url("document_approve", document.pk), follow=True)
    assert response.status_code == 200
    assert "保密审查" in response.content.decode()
    document.refresh_from_db()
    assert document.status == DocumentStatus.SUBMITTED


def test_failed_review_blocks_approval(client, editor, reviewer, org):
    document = _submitted(editor, org)
    c = _client(client, reviewer)
    c.post(_url("document_review", document.pk), _checklist_data(all_ticked=False))
    assert not ConfidentialityReview.objects.get(document=document).passed
    c.post(_url("document_approve", document.pk))
    document.refresh_from_db()
    assert document.status == DocumentStatus.SUBMITTED


def test_action_in_wrong_state_is_a_message(client, editor, reviewer, org):
    document = _draft(editor, org)
    response = _client(client, reviewer).post(
        _url("document_publish", document.pk), follow=True
    )
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.status == DocumentStatus.DRAFT


def test_return_needs_reason_then_revise(client, editor, reviewer, org):
    document = _submitted(editor, org)
    c = _client(client, reviewer)
    response = c.post(_url("document_return", document.pk), {"return-reason": "  "})
    assert response.status_code == 400
    assert "请填写理由" in response.content.decode()
    document.refresh_from_db()
    assert document.status == DocumentStatus.SUBMITTED

    response = c.post(
        _url("document_return", document.pk), {"return-reason": "文号有误"}
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == DocumentStatus.RETURNED
    assert document.return_reason == "文号有误"

    client.force_login(editor)
    dashboard = client.get(reverse("staff:dashboard"))
    assert document.title in dashboard.content.decode()
    response = client.post(_url("document_revise", document.pk))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == DocumentStatus.DRAFT


def test_submit_without_disclosure_is_returned_automatically(client, editor, org):
    document = _draft(editor, org, disclosure="")
    response = _client(client, editor).post(
        _url("document_submit", document.pk), follow=True
    )
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.status == DocumentStatus.RETURNED
    assert "公开属性" in response.content.decode()


def first_masked(findings):
    return findings[0].masked_value


def test_pii_findings_redact_and_confirm(client, editor, reviewer, org):
    document = _submitted(
        editor,
        org,
        body=f"<p>联系人手机：{MOBILE}。</p><p>咨询电话 {MOBILE[:-1]}9。</p>",
    )
    findings = list(document.pii_findings.order_by("id"))
    assert len(findings) == 2
    c = _client(client, reviewer)
    page = c.get(_url("document_detail", document.pk)).content.decode()
    assert "个人信息检测" in page
    assert first_masked(findings) in page
    first, second = findings

    response = c.post(
        _url("document_pii_confirm_public", document.pk, second.pk), {}, follow=True
    )
    assert "理由" in response.content.decode()
    second.refresh_from_db()
    assert second.decision == PiiDecision.PENDING

    c.post(
        _url("document_pii_confirm_public", document.pk, second.pk),
        {f"pii-{second.pk}-reason": "对外公布的咨询电话"},
    )
    second.refresh_from_db()
    assert second.decision == PiiDecision.CONFIRMED_PUBLIC

    c.post(_url("document_pii_redact", document.pk, first.pk))
    first.refresh_from_db()
    document.refresh_from_db()
    assert first.decision == PiiDecision.REDACTED
    assert MOBILE not in document.body

    c.post(_url("document_review", document.pk), _checklist_data())
    c.post(_url("document_approve", document.pk))
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED


def test_pii_finding_of_another_document_is_404(client, editor, reviewer, org):
    one = _submitted(editor, org, body=f"<p>{MOBILE}</p>")
    two = _submitted(editor, org)
    finding = one.pii_findings.get()
    c = _client(client, reviewer)
    assert c.post(_url("document_pii_redact", two.pk, finding.pk)).status_code == 404
    editor_client = client
    editor_client.force_login(editor)
    assert (
        editor_client.post(_url("document_pii_redact", one.pk, finding.pk)).status_code
        == 404
    )


def test_attachment_upload_and_remove(client, editor, org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = _draft(editor, org)
    c = _client(client, editor)
    upload = SimpleUploadedFile("图.png", PNG, content_type="image/png")
    response = c.post(
        _url("document_attachment_add", document.pk), {"attachment-file": upload}
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get(document=document)
    assert attachment.mime_type == "image/png"

    fake = SimpleUploadedFile(
        "x.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = c.post(
        _url("document_attachment_add", document.pk),
        {"attachment-file": fake},
        follow=True,
    )
    assert response.status_code == 200
    assert Attachment.objects.filter(document=document).count() == 1

    response = c.post(_url("document_attachment_add", document.pk), {})
    assert response.status_code == 400

    response = c.post(_url("document_attachment_remove", document.pk, attachment.pk))
    assert response.status_code == 302
    assert not Attachment.objects.filter(document=document).exists()


def test_attachment_actions_refused_to_outsiders(client, editor, org, other_org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = _draft(editor, org)
    outsider = staff_user(Role.EDITOR, other_org)
    c = _client(client, outsider)
    upload = SimpleUploadedFile("a.png", io.BytesIO(PNG).read())
    assert (
        c.post(
            _url("document_attachment_add", document.pk), {"attachment-file": upload}
        ).status_code
        == 404
    )


def test_publish_date_in_future_is_refused(client, editor, reviewer, org):
    document = _submitted(editor, org)
    c = _client(client, reviewer)
    c.post(_url("document_review", document.pk), _checklist_data())
    c.post(_url("document_approve", document.pk))
    future = timezone.localdate() + dt.timedelta(days=3)
    response = c.post(
        _url("document_publish", document.pk),
        {"publish-published_on": future.isoformat()},
        follow=True,
    )
    assert response.status_code == 200
    assert "发布日期不能晚于今天" in response.content.decode()
    response = c.post(
        _url("document_publish", document.pk), {"publish-published_on": "garbage"}
    )
    assert response.status_code == 400
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED


def test_supersedes_set_in_form_takes_effect_on_publish(client, editor, reviewer, org):
    original = cast(
        Document,
        DocumentFactory(
            organisation=org, title="旧办法", published=True, written_on=WRITTEN
        ),
    )
    c = _client(client, editor)
    response = c.post(
        _url("document_create"),
        _form_data(
            org,
            title="新办法",
            supersedes=str(original.pk),
            supersede_effect="",
        ),
    )
    assert response.status_code == 400
    assert "supersede_effect" in response.context["form"].errors
    response = c.post(
        _url("document_create"),
        _form_data(
            org,
            title="新办法",
            supersedes=str(original.pk),
            supersede_effect="repealed",
        ),
    )
    assert response.status_code == 302
    amending = Document.objects.get(title="新办法")
    c.post(_url("document_submit", amending.pk))
    client.force_login(reviewer)
    client.post(_url("document_review", amending.pk), _checklist_data())
    client.post(_url("document_approve", amending.pk))
    client.post(_url("document_publish", amending.pk))
    amending.refresh_from_db()
    original.refresh_from_db()
    assert amending.status == DocumentStatus.PUBLISHED
    assert original.status == DocumentStatus.SUPERSEDED
    assert original.validity == "repealed"
    page = client.get(_url("document_detail", amending.pk)).content.decode()
    assert "旧办法" in page
