import datetime as dt

import pytest

from gongkai.core.audit import audit_verify
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError, InvalidTransition, PermissionDenied
from gongkai.core.models import AuditEvent
from gongkai.documents import services
from gongkai.documents.models import (
    Disclosure,
    Document,
    DocumentStatus,
    SupersedeEffect,
    Validity,
)
from gongkai.documents.workflow import (
    ACTION_PERMISSIONS,
    TRANSITIONS,
    DocumentAction,
    actions_from,
)

from .workflow_helpers import ALL_CLEAR, Office, after

pytestmark = pytest.mark.django_db


def events(document: Document) -> list[str]:
    return list(
        AuditEvent.objects.filter(
            target_type="documents.document", target_id=str(document.pk)
        ).values_list("event_type", flat=True)
    )


def test_table_is_the_single_source():
    assert set(ACTION_PERMISSIONS) == set(DocumentAction)
    assert actions_from(DocumentStatus.DRAFT) == [
        DocumentAction.EDIT,
        DocumentAction.SUBMIT,
    ]
    assert actions_from(DocumentStatus.WITHDRAWN) == []
    targets = {t.target for t in TRANSITIONS.values()}
    assert targets == set(DocumentStatus)


def test_full_workflow_draft_to_published(office):
    document = office.draft(doc_number="鹤政办[2026]7号", body="<p>正文</p>")
    assert document.status == DocumentStatus.DRAFT
    assert document.doc_number == "鹤政办〔2026〕7号"
    assert document.index_number == f"{office.org.credit_code}/2026-00001"
    services.document_update(actor=office.editor, document=document, keywords="公开")
    services.document_submit(actor=office.editor, document=document)
    assert document.status == DocumentStatus.SUBMITTED
    review = services.confidentiality_review_record(
        actor=office.reviewer, document=document, checklist=ALL_CLEAR, notes="无涉密"
    )
    assert review.passed
    services.document_approve(actor=office.reviewer, document=document)
    assert document.status == DocumentStatus.APPROVED
    services.document_publish(
        actor=office.head, document=document, published_on=dt.date(2026, 3, 4)
    )
    document.refresh_from_db()
    assert document.status == DocumentStatus.PUBLISHED
    assert document.published_on == dt.date(2026, 3, 4)
    assert events(document) == [
        AuditEventType.DOCUMENT_CREATED,
        AuditEventType.DOCUMENT_UPDATED,
        AuditEventType.DOCUMENT_SUBMITTED,
        AuditEventType.CONFIDENTIALITY_REVIEWED,
        AuditEventType.DOCUMENT_APPROVED,
        AuditEventType.DOCUMENT_PUBLISHED,
    ]
    assert audit_verify() is None


def test_update_audits_before_and_after(office):
    document = office.draft(title="旧标题")
    services.document_update(actor=office.editor, document=document, title="新标题")
    event = AuditEvent.objects.filter(event_type=AuditEventType.DOCUMENT_UPDATED).get()
    assert event.before == {"title": "旧标题"}
    assert after(event)["title"] == "新标题"


def test_body_is_sanitised_and_never_audited_in_clear(office):
    document = office.draft(
        body='<p onclick="x()">正文<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">链接</a><img src="a.png" onerror="x()">'
    )
    assert "script" not in document.body
    assert "onclick" not in document.body
    assert "javascript" not in document.body
    assert "onerror" not in document.body
    created = AuditEvent.objects.get(event_type=AuditEventType.DOCUMENT_CREATED)
    assert after(created)["body"].startswith("sha256:")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"disclosure": ""}, "未确定公开属性"),
        ({"disclosure": Disclosure.ON_APPLICATION}, "须说明理由"),
        ({"disclosure": Disclosure.NOT_DISCLOSED}, "须说明理由"),
    ],
)
def test_incomplete_submission_is_returned_automatically(office, fields, message):
    document = office.draft(**fields)
    services.document_submit(actor=office.editor, document=document)
    document.refresh_from_db()
    assert document.status == DocumentStatus.RETURNED
    assert message in document.return_reason
    assert document.return_reason.startswith("自动退文")
    returned = AuditEvent.objects.get(event_type=AuditEventType.DOCUMENT_RETURNED)
    assert returned.actor is None
    assert returned.actor_repr == "系统"
    assert message in after(returned)["return_reason"]


def test_non_proactive_with_reason_goes_to_review(office):
    document = office.draft(
        disclosure=Disclosure.NOT_DISCLOSED,
        disclosure_reason="属于内部事务信息（条例第十六条第一款）",
    )
    services.document_submit(actor=office.editor, document=document)
    assert document.status == DocumentStatus.SUBMITTED


def test_return_with_reason_then_revise_and_resubmit(office):
    document = office.draft()
    services.document_submit(actor=office.editor, document=document)
    with pytest.raises(DomainError, match="退文须填写理由"):
        services.document_return(actor=office.reviewer, document=document, reason=" ")
    services.document_return(
        actor=office.reviewer, document=document, reason="成文日期有误"
    )
    assert document.status == DocumentStatus.RETURNED
    assert document.return_reason == "成文日期有误"
    with pytest.raises(InvalidTransition):
        services.document_update(actor=office.editor, document=document, title="改")
    services.document_revise(actor=office.editor, document=document)
    assert document.status == DocumentStatus.DRAFT
    services.document_update(
        actor=office.editor, document=document, written_on=dt.date(2026, 3, 3)
    )
    services.document_submit(actor=office.editor, document=document)
    assert document.status == DocumentStatus.SUBMITTED
    assert document.return_reason == ""
    assert document.submission_count == 2


def test_approval_needs_this_rounds_review_by_the_approver(office):
    document = office.draft()
    services.document_submit(actor=office.editor, document=document)
    with pytest.raises(DomainError, match="保密审查"):
        services.document_approve(actor=office.reviewer, document=document)
    failing = dict(ALL_CLEAR, no_state_secret=False)
    review = services.confidentiality_review_record(
        actor=office.reviewer, document=document, checklist=failing
    )
    assert not review.passed
    with pytest.raises(DomainError, match="保密审查"):
        services.document_approve(actor=office.reviewer, document=document)
    # A review by another reviewer does not count for this approver.
    other = Office().reviewer
    from gongkai.core.tests.factories import RoleAssignmentFactory

    RoleAssignmentFactory.create(user=other, organisation=office.org, role="reviewer")
    services.confidentiality_review_record(
        actor=other, document=document, checklist=ALL_CLEAR
    )
    with pytest.raises(DomainError, match="保密审查"):
        services.document_approve(actor=office.reviewer, document=document)
    # A review from an earlier submission does not count either.
    services.confidentiality_review_record(
        actor=office.reviewer, document=document, checklist=ALL_CLEAR
    )
    services.document_return(actor=office.reviewer, document=document, reason="补充")
    services.document_revise(actor=office.editor, document=document)
    services.document_submit(actor=office.editor, document=document)
    with pytest.raises(DomainError, match="保密审查"):
        services.document_approve(actor=office.reviewer, document=document)
    services.confidentiality_review_record(
        actor=office.reviewer, document=document, checklist=ALL_CLEAR
    )
    services.document_approve(actor=office.reviewer, document=document)
    assert document.status == DocumentStatus.APPROVED


def test_incomplete_checklist_is_refused(office):
    document = office.draft()
    services.document_submit(actor=office.editor, document=document)
    partial = dict(ALL_CLEAR)
    partial.pop("no_state_secret")
    with pytest.raises(DomainError, match="不完整"):
        services.confidentiality_review_record(
            actor=office.reviewer, document=document, checklist=partial
        )


def test_withdraw_needs_a_reason(office):
    document = office.published()
    with pytest.raises(DomainError, match="撤回须填写理由"):
        services.document_withdraw(actor=office.head, document=document, reason="")
    services.document_withdraw(
        actor=office.head, document=document, reason="内容已过时，依法撤回"
    )
    document.refresh_from_db()
    assert document.status == DocumentStatus.WITHDRAWN
    assert document.withdrawal_reason == "内容已过时，依法撤回"
    assert events(document)[-1] == AuditEventType.DOCUMENT_WITHDRAWN
    with pytest.raises(InvalidTransition):
        services.document_withdraw(actor=office.head, document=document, reason="再")


def test_wrong_state_and_wrong_role_are_refused(office):
    document = office.draft()
    with pytest.raises(InvalidTransition, match="草稿"):
        services.document_approve(actor=office.reviewer, document=document)
    with pytest.raises(PermissionDenied):
        services.document_submit(actor=office.reviewer, document=document)
    assert events(document) == [AuditEventType.DOCUMENT_CREATED]


def test_create_needs_edit_permission(office):
    with pytest.raises(PermissionDenied):
        services.document_create(
            actor=office.reviewer,
            organisation=office.org,
            title="越权",
            written_on=dt.date(2026, 1, 5),
        )


def test_publish_refuses_future_date_and_non_proactive(office):
    document = office.approved()
    with pytest.raises(DomainError, match="不能晚于今天"):
        services.document_publish(
            actor=office.head,
            document=document,
            published_on=dt.date.today() + dt.timedelta(days=2),
        )
    with pytest.raises(DomainError, match="早于成文日期"):
        services.document_publish(
            actor=office.head, document=document, published_on=dt.date(2026, 1, 1)
        )
    internal = office.approved(
        disclosure=Disclosure.NOT_DISCLOSED, disclosure_reason="内部事务信息"
    )
    with pytest.raises(DomainError, match="不能主动发布"):
        services.document_publish(actor=office.head, document=internal)


@pytest.mark.parametrize(
    ("effect", "validity"),
    [
        (SupersedeEffect.AMENDED, Validity.AMENDED),
        (SupersedeEffect.REPEALED, Validity.REPEALED),
        (SupersedeEffect.INVALID, Validity.INVALID),
        (SupersedeEffect.PARTLY_INVALID, Validity.PARTLY_INVALID),
    ],
)
def test_publishing_an_amendment_supersedes_the_original(office, effect, validity):
    original = office.published(title="原办法")
    amending = office.draft(
        title="修订后的办法",
        supersedes=original,
        supersede_effect=effect,
        effective_on=dt.date(2026, 4, 1),
    )
    office.approve(amending)
    services.document_publish(
        actor=office.head, document=amending, published_on=dt.date(2026, 3, 6)
    )
    original.refresh_from_db()
    assert original.status == DocumentStatus.SUPERSEDED
    assert original.validity == validity
    assert list(original.superseded_by.all()) == [amending]
    assert amending.supersedes == original
    if effect in (SupersedeEffect.REPEALED, SupersedeEffect.INVALID):
        assert original.expires_on == dt.date(2026, 4, 1)
    else:
        assert original.expires_on is None
    superseded = AuditEvent.objects.get(
        event_type=AuditEventType.DOCUMENT_SUPERSEDED, target_id=str(original.pk)
    )
    assert after(superseded)["superseded_by"] == amending.pk
    assert after(superseded)["validity"] == validity


def test_a_superseded_document_can_be_superseded_again(office):
    original = office.published(title="原办法")
    first = office.approved(
        supersedes=original, supersede_effect=SupersedeEffect.AMENDED
    )
    services.document_publish(actor=office.head, document=first)
    second = office.approved(
        supersedes=original, supersede_effect=SupersedeEffect.REPEALED
    )
    services.document_publish(actor=office.head, document=second)
    original.refresh_from_db()
    assert original.validity == Validity.REPEALED
    assert set(original.superseded_by.all()) == {first, second}


def test_supersede_needs_effect_and_a_public_original(office):
    original = office.draft(title="草稿原件")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as excinfo:
        office.draft(supersedes=original)
    assert "supersede_effect" in excinfo.value.message_dict
    amending = office.approved(
        supersedes=original, supersede_effect=SupersedeEffect.REPEALED
    )
    with pytest.raises(DomainError, match="不在公开状态"):
        services.document_publish(actor=office.head, document=amending)
    amending.refresh_from_db()
    assert amending.status == DocumentStatus.APPROVED


def test_a_failed_publication_changes_nothing(office):
    """One transaction: nothing of a refused group is published."""
    policy = office.approved(title="政策", needs_interpretation=True)
    with pytest.raises(DomainError, match="政策解读"):
        services.document_publish(actor=office.head, document=policy)
    policy.refresh_from_db()
    assert policy.status == DocumentStatus.APPROVED
    assert AuditEventType.DOCUMENT_PUBLISHED not in events(policy)


def test_saving_unchanged_values_records_nothing(office):
    document = office.draft(title="标题")
    services.document_update(actor=office.editor, document=document, title="标题")
    assert events(document) == [AuditEventType.DOCUMENT_CREATED]


def test_supersedes_must_be_visible(office):
    from .factories import DocumentFactory

    hidden = DocumentFactory.create(title="他机关草稿")
    with pytest.raises(PermissionDenied):
        office.draft(supersedes=hidden, supersede_effect=SupersedeEffect.AMENDED)
