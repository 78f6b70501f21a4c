from datetime import date

import pytest
from django.http import Http404

from gongkai.documents.models import DocumentStatus, Genre, Validity
from gongkai.documents.selectors import public as selectors

from .helpers_public import (
    HIDDEN_STATUSES,
    make_attachment,
    make_city,
    make_column,
    make_document,
    make_topic,
)

pytestmark = pytest.mark.django_db


def test_published_documents_excludes_every_unpublished_state():
    org = make_city()["city"]
    published = make_document(org)
    superseded = make_document(org, status=DocumentStatus.SUPERSEDED)
    for status in HIDDEN_STATUSES:
        make_document(org, status=status)

    assert set(selectors.published_documents()) == {published, superseded}


def test_published_documents_newest_first():
    old = make_document(published_on=date(2024, 1, 5))
    new = make_document(published_on=date(2025, 6, 1))
    mid = make_document(published_on=date(2025, 1, 1))

    assert list(selectors.published_documents()) == [new, mid, old]


def test_organisation_filter_with_and_without_subtree():
    orgs = make_city()
    city_doc = make_document(orgs["city"])
    county_doc = make_document(orgs["county"])
    township_doc = make_document(orgs["township"])
    make_document(orgs["dept"])

    subtree = selectors.documents_filter(organisation=orgs["county"])
    only = selectors.documents_filter(
        organisation=orgs["county"], include_subtree=False
    )
    everything = selectors.documents_filter(organisation=orgs["city"])

    assert set(subtree) == {county_doc, township_doc}
    assert list(only) == [county_doc]
    assert city_doc in everything
    assert everything.count() == 4


def test_year_filter_uses_publication_date():
    in_2024 = make_document(
        published_on=date(2024, 12, 31), written_on=date(2024, 12, 1)
    )
    in_2025 = make_document(
        published_on=date(2025, 1, 1), written_on=date(2024, 12, 20)
    )

    assert list(selectors.documents_filter(year=2024)) == [in_2024]
    assert list(selectors.documents_filter(year=2025)) == [in_2025]


def test_top_level_topic_includes_children():
    parent = make_topic("综合政务")
    child = make_topic("政务公开", parent)
    other = make_topic("其他")
    on_parent = make_document(topic=parent)
    on_child = make_document(topic=child)
    make_document(topic=other)

    assert set(selectors.documents_filter(topic=parent)) == {on_parent, on_child}
    assert list(selectors.documents_filter(topic=child)) == [on_child]


def test_genre_and_validity_filters():
    notice = make_document(genre=Genre.NOTICE)
    opinion = make_document(genre=Genre.OPINION, validity=Validity.REPEALED)

    assert list(selectors.documents_filter(genre=Genre.OPINION)) == [opinion]
    assert list(selectors.documents_filter(validity=Validity.IN_FORCE)) == [notice]


def test_column_filter_includes_sub_columns():
    org = make_city()["city"]
    statutory = make_column(org, "法定主动公开内容")
    item = make_column(org, "规章和规范性文件", parent=statutory)
    other = make_column(org, "其他")
    in_item = make_document(org, column=item)
    in_parent = make_document(org, column=statutory)
    make_document(org, column=other)

    assert set(selectors.documents_filter(column=statutory)) == {in_item, in_parent}
    assert list(selectors.documents_filter(column=item)) == [in_item]


def test_list_queries_do_not_grow_with_rows(django_assert_max_num_queries):
    topic = make_topic("卫生", make_topic("卫生、体育"))
    for _ in range(15):
        make_document(topic=topic)

    with django_assert_max_num_queries(1):
        rows = [
            (d.organisation.name, d.topic and d.topic.path_label, d.column)
            for d in selectors.published_documents()
        ]
    assert len(rows) == 15


@pytest.mark.parametrize("status", HIDDEN_STATUSES)
def test_document_get_published_hides_unpublished(status):
    doc = make_document(status=status)

    with pytest.raises(Http404):
        selectors.document_get_published(pk=doc.pk)


def test_document_get_published_shows_superseded():
    doc = make_document(status=DocumentStatus.SUPERSEDED, validity=Validity.REPEALED)

    assert selectors.document_get_published(pk=doc.pk) == doc


@pytest.mark.parametrize("status", HIDDEN_STATUSES)
def test_attachment_of_unpublished_document_is_404(status):
    attachment = make_attachment(make_document(status=status))

    with pytest.raises(Http404):
        selectors.attachment_get_published(
            document_pk=attachment.document_id, pk=attachment.pk
        )


def test_attachment_must_belong_to_the_document():
    attachment = make_attachment(make_document())
    other = make_document()

    with pytest.raises(Http404):
        selectors.attachment_get_published(document_pk=other.pk, pk=attachment.pk)
    found = selectors.attachment_get_published(
        document_pk=attachment.document_id, pk=attachment.pk
    )
    assert found == attachment


def test_relations_only_list_public_documents():
    policy = make_document()
    interpretation = make_document(title="政策解读")
    draft_interpretation = make_document(status=DocumentStatus.DRAFT)
    interpretation.policies.add(policy)
    draft_interpretation.policies.add(policy)
    original = make_document(status=DocumentStatus.SUPERSEDED)
    policy.supersedes = original
    policy.save()
    make_document(status=DocumentStatus.APPROVED, supersedes=policy)

    relations = selectors.document_relations(document=policy)
    back = selectors.document_relations(document=interpretation)
    amended = selectors.document_relations(document=original)

    assert relations.interpretations == [interpretation]
    assert relations.supersedes == original
    assert relations.superseded_by == []
    assert back.policies == [policy]
    assert amended.superseded_by == [policy]


def test_organisation_tree_and_groups():
    orgs = make_city()

    roots = selectors.organisation_tree()
    (city,) = (n for n in roots if n.organisation == orgs["city"])
    groups = selectors.organisation_groups(city)

    assert [n.organisation for n in groups["departments"]] == [orgs["dept"]]
    assert [n.organisation for n in groups["governments"]] == [orgs["county"]]
    county_groups = selectors.organisation_groups(groups["governments"][0])
    assert [n.organisation for n in county_groups["departments"]] == [
        orgs["county_dept"]
    ]
    assert [n.organisation for n in county_groups["governments"]] == [orgs["township"]]


def test_inactive_organisation_is_not_public():
    org = make_city()["dept"]
    org.is_active = False
    org.save()

    with pytest.raises(Http404):
        selectors.organisation_get_public(credit_code=org.credit_code)


def test_catalogue_tree_nests_columns():
    org = make_city()["city"]
    parent = make_column(org, "法定主动公开内容")
    child = make_column(org, "规范性文件", parent=parent)

    tree = selectors.catalogue_tree(organisation=org)

    node = next(n for n in tree if n.column == parent)
    assert [c.column for c in node.children] == [child]


def test_published_years():
    make_document(published_on=date(2023, 5, 1), written_on=date(2023, 4, 1))
    make_document(published_on=date(2025, 5, 1))
    make_document(status=DocumentStatus.DRAFT, written_on=date(2021, 1, 1))

    assert selectors.published_years() == [2025, 2023]
