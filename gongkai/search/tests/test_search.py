# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

import datetime as dt

import pytest

from gongkai.core.tests.factories import OrganisationFactory
from gongkai.documents.models import DocumentStatus, Validity
from gongkai.documents.search_index import KEY
from gongkai.search.indexing import index_objects
from gongkai.search.models import SearchEntry
from gongkai.search.query import QueryError
from gongkai.search.rebuilding import rebuild
from gongkai.search.selectors import search_run

from .conftest import publish, seed

pytestmark = pytest.mark.django_db


def ids(result):
    return [h.entry.object_id for h in result.hits]


def test_two_character_queries_find_every_document_containing_them():
    a = publish(title="关于召开价格听证会的公告", body="<p>定于下月举行。</p>")
    b = publish(title="年度工作通知", body="<p>城乡居民医保缴费标准调整。</p>")
    # 就医保障 contains 医保 only across a word boundary: still found.
    c = publish(title="卫生工作要点", body="<p>完善就医保障机制。</p>")
    publish(title="无关文件", body="<p>其他内容。</p>")
    assert ids(search_run(q="听证")) == [a.pk]
    assert set(ids(search_run(q="医保"))) == {b.pk, c.pk}
    assert search_run(q="医保").total == 2


def test_one_character_query():
    a = publish(title="关于鹤城的通知", body="<p>内容</p>")
    b = publish(title="通知", body="<p>飞来一只鹤</p>")  # at the end of a run
    assert set(ids(search_run(q="鹤"))) == {a.pk, b.pk}


def test_traditional_finds_simplified_and_back():
    simplified = publish(title="关于推进政务公开的意见", body="<p>全面推进。</p>")
    traditional = publish(title="關於推進政務公開的意見", body="<p>全面推進。</p>")
    for q in ("政務公開", "政务公开"):
        assert set(ids(search_run(q=q))) == {simplified.pk, traditional.pk}


def test_seed_texts_001_and_003_found_by_traditional_query(seeds_available):
    docs = []
    for prefix in ("001", "003"):
        s = seed(prefix)
        docs.append(publish(title=s.title, body=s.body_html()))
    plain = publish(title="政务公开工作要点", body="<p>做好政务公开。</p>")
    found = set(ids(search_run(q="政務公開")))
    assert {d.pk for d in docs} | {plain.pk} <= found
    assert set(ids(search_run(q="政务公开"))) == found


@pytest.mark.parametrize(
    "q",
    [
        "鹤政办〔2019〕20号",
        "鹤政办[2019]20号",
        "鹤政办(2019)20号",
        "鹤政办（2019）20号",
    ],
)
def test_doc_number_lookup_in_any_bracket_form(q):
    for n in range(3):
        publish(
            title=f"鹤政办关于2019年第{n}项工作的通知", body="<p>鹤政办 2019 20号</p>"
        )
    target = publish(
        title="关于印发某办法的通知",
        doc_number="鹤政办〔2019〕20号",
        published_on=dt.date(2020, 1, 1),
    )
    result = search_run(q=q)
    assert ids(result)[0] == target.pk
    assert result.hits[0].exact


def test_index_number_lookup():
    target = publish(title="甲", body="<p>乙</p>")
    publish(title="丙", body=f"<p>{target.index_number}</p>")
    assert ids(search_run(q=target.index_number))[0] == target.pk


def test_ranking_title_phrase_body_then_validity_and_date():
    body_only = publish(
        title="工作通知", body="<p>推进政务公开。</p>", published_on=dt.date(2026, 3, 9)
    )
    scattered = publish(
        title="政务工作的公开通知", body="<p>x</p>", published_on=dt.date(2026, 3, 8)
    )
    old = publish(
        title="政务公开要点", body="<p>x</p>", published_on=dt.date(2020, 1, 1)
    )
    new = publish(
        title="政务公开规定", body="<p>x</p>", published_on=dt.date(2025, 1, 1)
    )
    repealed = publish(
        title="政务公开办法",
        body="<p>x</p>",
        validity=Validity.REPEALED,
        published_on=dt.date(2026, 1, 1),
    )
    assert ids(search_run(q="政务公开")) == [
        new.pk,
        old.pk,
        repealed.pk,
        scattered.pk,
        body_only.pk,
    ]
    assert ids(search_run(q="政务公开", sort="date"))[0] == body_only.pk


def test_snippets_escape_html_and_mark_matches():
    publish(
        title="关于<b>听证</b>的通知",
        body="<p>听证 &lt;script&gt;alert(1)&lt;/script&gt; 听证</p>",
    )
    hit = search_run(q="听证").hits[0]
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "<mark>听证</mark>" in hit.snippet
    assert "&lt;b&gt;<mark>听证</mark>" in hit.title_html


def test_snippet_is_a_window_around_the_first_match_in_either_script():
    filler = "本市持续优化营商环境。" * 100
    publish(title="通知甲", body=f"<p>{filler}召开医保听证会。{filler}</p>")
    publish(title="通知乙", body=f"<p>{filler}召開醫保聽證會。{filler}</p>")
    for hit in search_run(q="医保听证").hits:
        assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
        assert len(hit.snippet.replace("<mark>", "").replace("</mark>", "")) <= 122
    snippets = sorted(hit.snippet for hit in search_run(q="医保听证").hits)
    assert any("<mark>医保听证</mark>会" in s for s in snippets)
    assert any("<mark>醫保聽證</mark>會" in s for s in snippets)


@pytest.mark.parametrize("q", ["", "   ", "字" * 201])
def test_bad_queries(q):
    with pytest.raises(QueryError):
        search_run(q=q)


def test_unpublished_never_indexed_nor_returned():
    number = "鹤政发〔2024〕7号"
    for status in (
        DocumentStatus.DRAFT,
        DocumentStatus.SUBMITTED,
        DocumentStatus.RETURNED,
        DocumentStatus.APPROVED,
        DocumentStatus.WITHDRAWN,
    ):
        publish(title="听证会通知", doc_number=number, status=status)
    hidden = SearchEntry.objects.count()
    rebuild()
    assert hidden == SearchEntry.objects.count() == 0
    for q in ("听证", number, "鹤政发[2024]7号"):
        assert search_run(q=q).total == 0


def test_pagination_and_window():
    docs = [
        publish(
            title=f"听证公告{n}",
            published_on=dt.date(2026, 1, 1) + dt.timedelta(days=n),
        )
        for n in range(25)
    ]
    first = search_run(q="听证", page=1, page_size=10)
    second = search_run(q="听证", page=3, page_size=10)
    assert first.total == 25 and first.pages == 3
    assert ids(first)[0] == docs[-1].pk
    assert len(second.hits) == 5


def test_pagination_beyond_ranked_window(settings):
    settings.GONGKAI_SEARCH = {**settings.GONGKAI_SEARCH, "candidates": 3}
    docs = [
        publish(
            title=f"听证公告{n}",
            published_on=dt.date(2026, 1, 1) + dt.timedelta(days=n),
        )
        for n in range(8)
    ]
    seen = []
    for page in (1, 2, 3):
        seen += ids(search_run(q="听证", page=page, page_size=3))
    assert sorted(seen) == sorted(d.pk for d in docs)


def test_suggest():
    from gongkai.search.selectors import search_suggest

    a = publish(title="关于听证会的公告")
    publish(title="其他", body="<p>听证</p>")
    assert [e.object_id for e in search_suggest(q="听证")] == [a.pk]


def test_organisation_subtree_filter():
    city = OrganisationFactory.create()
    county = OrganisationFactory.create(parent=city)
    a = publish(title="听证甲", organisation=city)
    b = publish(title="听证乙", organisation=county)
    from gongkai.search.query import Filters

    assert set(ids(search_run(q="听证", filters=Filters(organisation=city)))) == {
        a.pk,
        b.pk,
    }
    assert ids(search_run(q="听证", filters=Filters(organisation=county))) == [b.pk]
    index_objects(KEY, [a.pk])  # idempotent
    assert SearchEntry.objects.count() == 2


def test_counts_above_the_limit_are_estimated(settings, client):
    settings.GONGKAI_SEARCH = {**settings.GONGKAI_SEARCH, "count_limit": 3}
    docs = [
        publish(
            title=f"听证公告{n}",
            published_on=dt.date(2026, 1, 1) + dt.timedelta(days=n),
        )
        for n in range(8)
    ]
    publish(title="其他公告")
    result = search_run(q="听证", page_size=3)
    # Every entry in the newest window matches: the estimate is the count.
    assert not result.total_exact and result.total == 8
    assert sum(v.count for v in result.facets["year"]) == result.total
    assert ids(result) == [d.pk for d in reversed(docs)][:3]
    assert search_run(q="其他").total_exact
    data = client.get("/api/v1/search", {"q": "听证"}).json()
    assert data["total_exact"] is False and data["total"] == 8
    page = client.get("/search/", {"q": "听证"}).content.decode()
    assert "约找到 8 条结果" in page and "估计值" in page
    assert "共找到 1 条结果" in client.get("/search/", {"q": "其他"}).content.decode()
