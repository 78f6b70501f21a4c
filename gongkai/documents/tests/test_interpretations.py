import datetime as dt

import pytest

from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import AuditEvent
from gongkai.documents import services
from gongkai.documents.models import ContentType, Document, DocumentStatus

from .factories import DocumentFactory
from .workflow_helpers import Office, after

pytestmark = pytest.mark.django_db


def link(office: Office, interpretation: Document, *policies: Document) -> Document:
    return services.interpretation_link(
        actor=office.editor, interpretation=interpretation, policies=policies
    )


def test_link_sets_content_type_and_is_audited(office):
    policy = office.draft(title="政策")
    interpretation = office.draft(title="解读")
    link(office, interpretation, policy)
    assert interpretation.content_type == ContentType.INTERPRETATION
    assert list(policy.interpretations.all()) == [interpretation]
    event = AuditEvent.objects.filter(target_id=str(interpretation.pk)).last()
    assert after(event)["policies"] == [policy.pk]


def test_link_refuses_invisible_policies_and_itself(office):
    interpretation = office.draft(title="解读")
    hidden = DocumentFactory.create(title="他人草稿")
    with pytest.raises(PermissionDenied):
        link(office, interpretation, hidden)
    with pytest.raises(DomainError):
        link(office, interpretation, interpretation)
    public_elsewhere = DocumentFactory.create(published=True)
    link(office, interpretation, public_elsewhere)


def test_policy_needing_interpretation_publishes_it_in_the_same_action(office):
    policy = office.draft(title="政策", needs_interpretation=True)
    interpretation = office.draft(title="解读")
    link(office, interpretation, policy)
    office.approve(policy)
    with pytest.raises(DomainError, match="需要同步发布政策解读"):
        services.document_publish(actor=office.head, document=policy)
    office.approve(interpretation)
    services.document_publish(
        actor=office.head, document=policy, published_on=dt.date(2026, 3, 6)
    )
    policy.refresh_from_db()
    interpretation.refresh_from_db()
    assert policy.status == interpretation.status == DocumentStatus.PUBLISHED
    assert policy.published_on == interpretation.published_on == dt.date(2026, 3, 6)
    published = AuditEvent.objects.filter(event_type=AuditEventType.DOCUMENT_PUBLISHED)
    assert published.count() == 2
    assert all(
        after(e)["published_together"] == sorted([policy.pk, interpretation.pk])
        for e in published
    )


def test_publishing_the_interpretation_publishes_its_approved_policy(office):
    policy = office.draft(title="政策", needs_interpretation=True)
    interpretation = office.draft(title="解读")
    link(office, interpretation, policy)
    office.approve(policy)
    office.approve(interpretation)
    services.document_publish(actor=office.head, document=interpretation)
    policy.refresh_from_db()
    assert policy.status == DocumentStatus.PUBLISHED


def test_interpretation_cannot_precede_an_unapproved_policy(office):
    policy = office.draft(title="政策")
    interpretation = office.draft(title="解读")
    link(office, interpretation, policy)
    office.approve(interpretation)
    with pytest.raises(DomainError, match="不能先于政策文件发布"):
        services.document_publish(actor=office.head, document=interpretation)
    interpretation.refresh_from_db()
    assert interpretation.status == DocumentStatus.APPROVED


def test_interpretation_of_a_published_policy_publishes_alone(office):
    policy = office.published(title="政策")
    interpretation = office.draft(title="后补解读")
    link(office, interpretation, policy)
    office.approve(interpretation)
    services.document_publish(actor=office.head, document=interpretation)
    interpretation.refresh_from_db()
    assert interpretation.status == DocumentStatus.PUBLISHED


def test_publishing_needs_permission_for_every_member(office):
    other = Office()
    policy = other.draft(title="他机关政策", needs_interpretation=True)
    other.approve(policy)
    interpretation = office.draft(title="本机关解读")
    # (linked directly: the editor here may not see the other's draft)
    interpretation.policies.add(policy)
    office.approve(interpretation)
    with pytest.raises(PermissionDenied):
        services.document_publish(actor=office.head, document=interpretation)
    policy.refresh_from_db()
    interpretation.refresh_from_db()
    assert policy.status == interpretation.status == DocumentStatus.APPROVED
