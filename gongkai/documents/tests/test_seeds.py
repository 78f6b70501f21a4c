import pytest

from gongkai.core.models import Organisation, OrganisationKind
from gongkai.core.tests.factories import OrganisationFactory
from gongkai.documents.catalogue_seed import catalogue_seed
from gongkai.documents.models import Column, ColumnKind, StatutoryItem, Topic
from gongkai.documents.topics_seed import TOPIC_TREE, topics_seed

pytestmark = pytest.mark.django_db


def test_topic_tree_is_seeded_on_migrate_and_idempotent():
    roots = Topic.objects.filter(parent=None)
    assert roots.count() == 22
    assert [t.name for t in roots.order_by("sort_order")][:2] == [
        "国务院组织机构",
        "综合政务",
    ]
    total = Topic.objects.count()
    assert total == 22 + sum(len(children) for _, children in TOPIC_TREE)
    assert topics_seed() == 0
    assert Topic.objects.count() == total
    medicine = Topic.objects.get(name="医药管理")
    assert str(medicine) == "卫生、体育\\医药管理"
    assert not Topic.objects.get(name="其他", parent=None).children.exists()


def test_edited_topics_survive_reseeding():
    topic = Topic.objects.get(name="国务院组织机构", parent=None)
    topic.sort_order = 9999
    topic.save()
    topics_seed()
    topic.refresh_from_db()
    assert topic.sort_order == 9999


def slugs(org: Organisation) -> set[str]:
    return set(Column.objects.filter(organisation=org).values_list("slug", flat=True))


def test_new_organisation_gets_its_catalogue():
    org = OrganisationFactory.create(kind=OrganisationKind.CITY_DEPARTMENT)
    expected = {
        "guide",
        "regulation",
        "statutory",
        "annual-report",
        "on-application",
        *(f"art20-{n:02d}" for n in range(1, 16)),
        "art21-city",
    }
    assert slugs(org) == expected
    statutory = Column.objects.get(organisation=org, slug="statutory")
    assert statutory.children.count() == 16
    item = Column.objects.get(organisation=org, slug="art20-07")
    assert item.statutory_item == StatutoryItem.ART20_07
    assert item.parent == statutory
    assert Column.objects.get(organisation=org, slug="guide").kind == ColumnKind.GUIDE
    assert not Column.objects.filter(
        organisation=org, update_interval_days__isnull=True
    ).exists()
    assert (
        Column.objects.get(organisation=org, slug="guide").update_interval_days == 365
    )


def test_township_gets_the_township_local_item():
    org = OrganisationFactory.create(kind=OrganisationKind.TOWNSHIP)
    assert "art21-township" in slugs(org)
    assert "art21-city" not in slugs(org)


def test_catalogue_seed_is_idempotent_and_keeps_edits():
    org = OrganisationFactory.create()
    guide = Column.objects.get(organisation=org, slug="guide")
    guide.name = "本机关公开指南"
    guide.save()
    Column.objects.filter(organisation=org, slug="art20-03").delete()
    columns = catalogue_seed(organisation=org)
    assert len(columns) == 21
    assert Column.objects.filter(organisation=org).count() == 21
    guide.refresh_from_db()
    assert guide.name == "本机关公开指南"
    parent = Column.objects.get(organisation=org, slug="art20-03").parent
    assert parent is not None and parent.slug == "statutory"


def test_interval_override_by_setting(settings):
    settings.GONGKAI_COLUMN_UPDATE_INTERVALS = {"art20-01": 90}
    org = OrganisationFactory.create()
    Column.objects.filter(organisation=org).delete()
    catalogue_seed(organisation=org)
    assert (
        Column.objects.get(organisation=org, slug="art20-01").update_interval_days == 90
    )
