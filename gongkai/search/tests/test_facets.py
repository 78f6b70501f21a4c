"""Every facet count equals the total one gets by choosing that value."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

import dataclasses
import datetime as dt

import pytest

from gongkai.core.models import Organisation
from gongkai.core.tests.factories import OrganisationFactory
from gongkai.documents.models import ContentType, Genre, Validity
from gongkai.documents.tests.factories import TopicFactory
from gongkai.search.query import Filters
from gongkai.search.selectors import search_run

from .conftest import publish

pytestmark = pytest.mark.django_db


def _choose(filters, facet, value):
    if facet == "org":
        return dataclasses.replace(
            filters, organisation=Organisation.objects.get(credit_code=value)
        )
    if facet == "year":
        return dataclasses.replace(filters, year=int(value))
    if facet == "topic":
        return dataclasses.replace(filters, topic=int(value))
    field = {"type": "content_type"}.get(facet, facet)
    return dataclasses.replace(filters, **{field: value})


@pytest.fixture
def corpus():
    city = OrganisationFactory.create()
    county = OrganisationFactory.create(parent=city)
    township = OrganisationFactory.create(parent=county)
    parent_topic = TopicFactory.create()
    child_topic = TopicFactory.create(parent=parent_topic)
    orgs = [city, county, township]
    topics = [None, parent_topic, child_topic]
    genres = [Genre.NOTICE, Genre.OPINION, ""]
    validities = [Validity.IN_FORCE, Validity.REPEALED]
    types = [ContentType.POLICY, ContentType.INTERPRETATION, ContentType.PLAN]
    for n in range(18):
        publish(
            title=f"关于医保听证的第{n}号通知" if n % 3 else f"工作要点{n}",
            body="<p>城乡居民医保。</p>" if n % 3 == 0 else "<p>其他。</p>",
            organisation=orgs[n % 3],
            topic=topics[n % 3 if n % 2 else 0],
            genre=genres[n % 3],
            validity=validities[n % 2],
            content_type=types[(n // 2) % 3],
            written_on=dt.date(2023 + n % 3, 1, 1),
            published_on=dt.date(2023 + n % 3, 2, 1),
        )
    return {"city": city, "county": county}


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(validity=Validity.IN_FORCE),
        Filters(year=2024, genre=Genre.OPINION),
        Filters(date_from=dt.date(2024, 1, 1), date_to=dt.date(2025, 12, 31)),
    ],
)
def test_facet_counts_equal_filtered_totals(corpus, filters):
    result = search_run(q="医保", filters=filters)
    assert result.total > 0
    assert set(result.facets) == {"org", "year", "topic", "genre", "validity", "type"}
    checked = 0
    for facet, values in result.facets.items():
        for value in values:
            chosen = search_run(q="医保", filters=_choose(filters, facet, value.value))
            assert chosen.total == value.count, (facet, value)
            checked += 1
    assert checked >= 8


def test_org_facet_counts_subtree(corpus):
    result = search_run(q="医保")
    by_code = {v.value: v.count for v in result.facets["org"]}
    assert by_code[corpus["city"].credit_code] == result.total
    assert by_code[corpus["county"].credit_code] < result.total


def test_facet_labels(corpus):
    facets = search_run(q="医保").facets
    assert {v.label for v in facets["validity"]} == {"有效", "废止"}
    assert "政策解读" in {v.label for v in facets["type"]}
    assert all(
        "\\" in v.label or v.label.startswith("测试主题") for v in facets["topic"]
    )
