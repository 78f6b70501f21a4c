import pytest
from django.urls import reverse

from gongkai.core.audit_types import AuditEventType
from gongkai.core.models import AuditEvent
from gongkai.core.tests.factories import UserFactory
from gongkai.documents.models import DocumentStatus, Topic

from .factories import ColumnFactory, DocumentFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_factories():
    draft = DocumentFactory.create()
    assert draft.status == DocumentStatus.DRAFT
    assert draft.index_number.startswith(draft.organisation.credit_code)
    published = DocumentFactory.create(published=True)
    assert published.status == DocumentStatus.PUBLISHED
    assert published.published_on is not None
    assert TopicFactory.create().parent is None
    assert ColumnFactory.create().organisation_id


@pytest.fixture
def admin_client(client):
    user = UserFactory.create(is_staff=True, is_superuser=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_document_admin_is_read_only(admin_client):
    document = DocumentFactory.create(published=True)
    changelist = admin_client.get(reverse("admin:documents_document_changelist"))
    assert changelist.status_code == 200
    assert document.title in changelist.content.decode()
    detail = admin_client.get(
        reverse("admin:documents_document_change", args=[document.pk])
    )
    assert detail.status_code == 200
    add = admin_client.get(reverse("admin:documents_document_add"))
    assert add.status_code == 403


def test_topic_admin_save_is_audited(admin_client):
    parent = Topic.objects.get(name="综合政务", parent=None)
    response = admin_client.post(
        reverse("admin:documents_topic_add"),
        {"parent": parent.pk, "name": "政务服务", "sort_order": 250},
    )
    assert response.status_code == 302
    topic = Topic.objects.get(name="政务服务")
    event = AuditEvent.objects.get(event_type=AuditEventType.TOPIC_SAVED)
    assert event.target_id == str(topic.pk)
