import datetime as dt

import pytest

from gongkai.core.deadline_registry import deadlines_recompute
from gongkai.core.models import Role, StoredDeadline
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.core.workdays import add_working_days
from gongkai.documents import services
from gongkai.documents.models import Disclosure, Document, DocumentStatus, LegalForm
from gongkai.documents.selectors.staff import documents_publication_late
from gongkai.documents.services.deadlines import OWNER_KIND

from .workflow_helpers import Office

pytestmark = pytest.mark.django_db


def test_due_date_on_create_20_working_days(office):
    document = office.draft(written_on=dt.date(2026, 3, 2))
    assert document.publish_due_on == dt.date(2026, 3, 30)
    assert not document.publish_due_provisional
    stored = StoredDeadline.objects.get(
        owner_kind=OWNER_KIND, owner_id=str(document.pk)
    )
    assert stored.due_on == document.publish_due_on
    assert stored.working_days == 20


def test_normative_documents_use_the_local_limit(office, settings):
    document = office.draft(
        written_on=dt.date(2026, 2, 12), legal_form=LegalForm.NORMATIVE_DOCUMENT
    )
    # 13 Feb (Fri), 14 Feb (调休上班 Saturday), Spring Festival 15–23 Feb off.
    assert document.publish_due_on == dt.date(2026, 2, 26)
    assert document.publish_due_on == add_working_days(dt.date(2026, 2, 12), 5).date


def test_due_date_follows_edits(office):
    document = office.draft(written_on=dt.date(2026, 3, 2))
    services.document_update(
        actor=office.editor, document=document, legal_form=LegalForm.NORMATIVE_DOCUMENT
    )
    document.refresh_from_db()
    assert document.publish_due_on == dt.date(2026, 3, 9)
    services.document_update(
        actor=office.editor, document=document, written_on=dt.date(2026, 3, 9)
    )
    document.refresh_from_db()
    assert document.publish_due_on == dt.date(2026, 3, 16)


def test_window_into_an_unknown_year_is_provisional(office):
    document = office.draft(written_on=dt.date(2026, 12, 21))
    assert document.publish_due_provisional


def test_recomputation_updates_the_document(office):
    document = office.draft(written_on=dt.date(2026, 3, 2))
    Document.objects.filter(pk=document.pk).update(publish_due_on=dt.date(2000, 1, 1))
    deadlines_recompute(actor=None, years=[2026])
    document.refresh_from_db()
    assert document.publish_due_on == dt.date(2026, 3, 30)


def _set(document: Document, **fields: object) -> Document:
    Document.objects.filter(pk=document.pk).update(**fields)
    document.refresh_from_db()
    return document


def test_publication_late(office, time_machine):
    time_machine.move_to(dt.datetime(2026, 4, 20, 10, 0))
    normative = dict(
        legal_form=LegalForm.NORMATIVE_DOCUMENT, written_on=dt.date(2026, 3, 2)
    )
    late_published = _set(
        office.draft(title="迟发", **normative),
        status=DocumentStatus.PUBLISHED,
        published_on=dt.date(2026, 3, 12),
    )
    _set(
        office.draft(title="按时", **normative),
        status=DocumentStatus.PUBLISHED,
        published_on=dt.date(2026, 3, 9),
    )
    overdue_draft = office.draft(title="逾期未发", **normative)
    office.draft(title="未到期", written_on=dt.date(2026, 4, 17))
    _set(
        office.draft(title="不公开", **normative),
        disclosure=Disclosure.NOT_DISCLOSED,
        disclosure_reason="内部",
    )
    _set(office.draft(title="已撤回", **normative), status=DocumentStatus.WITHDRAWN)
    elsewhere = Office()
    elsewhere.draft(title="他机关逾期", **normative)

    late = list(documents_publication_late(user=office.head))
    assert {d.title for d in late} == {"迟发", "逾期未发"}
    assert late_published in late and overdue_draft in late
    # An officer sees the dashboard but not unpublished drafts.
    officer = staff_user(Role.OFFICER, office.org)
    assert {d.title for d in documents_publication_late(user=officer)} == {"迟发"}
    # A supervisor above both sees both organisations' late documents.
    city = OrganisationFactory.create()
    for org in (office.org, elsewhere.org):
        org.parent = city
        org.path = f"{city.path}{org.pk}/"
        org.save()
    supervisor = staff_user(Role.SUPERVISOR, city)
    titles = {d.title for d in documents_publication_late(user=supervisor)}
    assert titles == {"迟发", "逾期未发", "他机关逾期"}
