"""Running a search: match, filter, facet, rank, paginate (reads only)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear

from gongkai.core.models import Organisation

from . import registry, text
from .backends import get_backend
from .models import SearchEntry, SearchKey
from .query import Filters, ParsedQuery, parse_query
from .ranking import Tier, highlight, snippet, sort_key, tier

Sort = Literal["relevance", "date"]
FACETS = ("org", "year", "topic", "genre", "validity", "type")


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Hit:
    entry: SearchEntry
    snippet: str
    title_html: str
    exact: bool


@dataclass
class SearchResult:
    query: ParsedQuery
    filters: Filters
    sort: Sort
    total: int
    page: int
    page_size: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    took_ms: float = 0.0

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def _filtered(qs: QuerySet[SearchEntry], f: Filters) -> QuerySet[SearchEntry]:
    if f.organisation is not None:
        qs = qs.filter(organisation__path__startswith=f.organisation.path)
    if f.year is not None:
        qs = qs.filter(
            published_on__gte=date(f.year, 1, 1),
            published_on__lt=date(f.year + 1, 1, 1),
        )
    if f.topic is not None:
        qs = qs.filter(Q(topic_id_value=f.topic) | Q(topic_parent_id_value=f.topic))
    if f.genre:
        qs = qs.filter(genre=f.genre)
    if f.validity:
        qs = qs.filter(validity=f.validity)
    if f.content_type:
        qs = qs.filter(content_type=f.content_type)
    if f.date_from is not None:
        qs = qs.filter(published_on__gte=f.date_from)
    if f.date_to is not None:
        qs = qs.filter(published_on__lte=f.date_to)
    return qs


def _exact_ids(query: ParsedQuery) -> list[int]:
    if not query.exact_keys:
        return []
    return list(
        SearchKey.objects.filter(key__in=query.exact_keys)
        .values_list("entry_id", flat=True)
        .distinct()
    )


def _text_match(query: ParsedQuery, *, title_only: bool = False) -> Q:
    terms = query.backend_terms()
    if not terms:
        return Q(pk__in=[])
    sql, params = get_backend().match_sql(terms, title_only=title_only)
    return Q(pk__in=RawSQL(sql, params))


def _matched(query: ParsedQuery, exact_ids: list[int]) -> QuerySet[SearchEntry]:
    condition = _text_match(query)
    if exact_ids:
        condition |= Q(pk__in=exact_ids)
    return SearchEntry.objects.filter(condition)


def _labels(facet: str, values: list[str]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for searchable in registry.registered():
        labels.update(
            {k: str(v) for k, v in searchable.facet_labels(facet, values).items()}
        )
    return labels


def _org_facet(qs: QuerySet[SearchEntry]) -> list[FacetValue]:
    # Counts include the subtree, as the organisation filter does.
    counts: dict[int, int] = {}
    rows = qs.values("organisation__path").annotate(n=Count("pk")).order_by()
    for row in rows:
        path = row["organisation__path"] or ""
        for part in path.strip("/").split("/"):
            if part:
                counts[int(part)] = counts.get(int(part), 0) + row["n"]
    organisations = Organisation.objects.filter(pk__in=counts).order_by("path")
    return [FacetValue(o.credit_code, o.name, counts[o.pk]) for o in organisations]


def _topic_facet(qs: QuerySet[SearchEntry]) -> list[FacetValue]:
    counts: dict[str, int] = {}
    rows = (
        qs.filter(topic_id_value__isnull=False)
        .values("topic_id_value", "topic_parent_id_value")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        for value in (row["topic_id_value"], row["topic_parent_id_value"]):
            if value is not None:
                counts[str(value)] = counts.get(str(value), 0) + row["n"]
    labels = _labels("topic", list(counts))
    return sorted(
        (FacetValue(v, labels.get(v, v), n) for v, n in counts.items()),
        key=lambda fv: fv.label,
    )


def _field_facet(
    qs: QuerySet[SearchEntry], facet: str, column: str
) -> list[FacetValue]:
    rows = qs.exclude(**{column: ""}).values(column).annotate(n=Count("pk")).order_by()
    counts = {str(row[column]): row["n"] for row in rows}
    labels = _labels(facet, list(counts))
    return sorted(
        (FacetValue(v, labels.get(v, v), n) for v, n in counts.items()),
        key=lambda fv: -fv.count,
    )


def _year_facet(qs: QuerySet[SearchEntry]) -> list[FacetValue]:
    rows = (
        qs.filter(published_on__isnull=False)
        .annotate(y=ExtractYear("published_on"))
        .values("y")
        .annotate(n=Count("pk"))
        .order_by("-y")
    )
    return [FacetValue(str(r["y"]), str(r["y"]), r["n"]) for r in rows]


_WITHOUT: dict[str, dict[str, Any]] = {
    "org": {"organisation": None},
    "year": {"year": None},
    "topic": {"topic": None},
    "genre": {"genre": ""},
    "validity": {"validity": ""},
    "type": {"content_type": ""},
}


def facets_compute(
    matched: QuerySet[SearchEntry], filters: Filters
) -> dict[str, list[FacetValue]]:
    """Each facet counted under every filter but its own, so that a value's
    count is the total one gets by choosing it (replacing the current one)."""
    out: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        qs = _filtered(matched, replace(filters, **_WITHOUT[facet]))
        if facet == "org":
            out[facet] = _org_facet(qs)
        elif facet == "year":
            out[facet] = _year_facet(qs)
        elif facet == "topic":
            out[facet] = _topic_facet(qs)
        else:
            column = "content_type" if facet == "type" else facet
            out[facet] = _field_facet(qs, facet, column)
    return out


def _ranked_ids(
    query: ParsedQuery, qs: QuerySet[SearchEntry], exact_ids: list[int]
) -> list[int]:
    """The ranked window: title matches and the newest matches (bounded),
    ordered by `ranking.sort_key`."""
    limit = int(settings.GONGKAI_SEARCH["candidates"])
    by_date = qs.order_by("-published_on", "-pk").values_list("pk", flat=True)
    ids = set(by_date.filter(_text_match(query, title_only=True))[:limit])
    ids.update(by_date[:limit])
    ids.update(qs.filter(pk__in=exact_ids).values_list("pk", flat=True))
    entries = SearchEntry.objects.filter(pk__in=ids)
    exact = set(exact_ids)
    scored = [(sort_key(e, tier(e, query, exact=e.pk in exact)), e.pk) for e in entries]
    return [pk for _, pk in sorted(scored)]


def _page_ids(
    query: ParsedQuery,
    qs: QuerySet[SearchEntry],
    exact_ids: list[int],
    sort: Sort,
    offset: int,
    size: int,
) -> list[int]:
    by_date = qs.order_by("-published_on", "-pk").values_list("pk", flat=True)
    if sort == "date":
        return list(by_date[offset : offset + size])
    ranked = _ranked_ids(query, qs, exact_ids)
    page = ranked[offset : offset + size]
    if len(page) < size:
        # Beyond the ranked window results continue in date order.
        rest_offset = max(0, offset - len(ranked))
        rest = by_date.exclude(pk__in=ranked)
        page += list(rest[rest_offset : rest_offset + size - len(page)])
    return page


def search_run(
    *,
    q: str,
    filters: Filters | None = None,
    sort: Sort = "relevance",
    page: int = 1,
    page_size: int | None = None,
    with_facets: bool = True,
) -> SearchResult:
    """Search every registered public type; raises QueryError for bad queries."""
    started = time.perf_counter()
    query = parse_query(q)
    filters = filters or Filters()
    size = page_size or int(settings.GONGKAI_SEARCH["page_size"])
    page = max(1, page)
    exact_ids = _exact_ids(query)
    matched = _matched(query, exact_ids)
    qs = _filtered(matched, filters)
    result = SearchResult(
        query=query,
        filters=filters,
        sort=sort,
        total=qs.count(),
        page=page,
        page_size=size,
    )
    ids = _page_ids(query, qs, exact_ids, sort, (page - 1) * size, size)
    entries = SearchEntry.objects.select_related("organisation").in_bulk(ids)
    exact = set(exact_ids)
    result.hits = [
        Hit(
            entry=entries[pk],
            snippet=snippet(entries[pk], query),
            title_html=_title_html(entries[pk], query),
            exact=pk in exact,
        )
        for pk in ids
        if pk in entries
    ]
    if with_facets:
        result.facets = facets_compute(matched, filters)
    result.took_ms = round((time.perf_counter() - started) * 1000, 2)
    return result


def _title_html(entry: SearchEntry, query: ParsedQuery) -> str:
    return highlight(entry.title, query)


def search_suggest(*, q: str, limit: int = 8) -> list[SearchEntry]:
    """Titles containing what has been typed so far, newest first."""
    query = parse_query(q)
    if not query.terms:
        return []
    qs = SearchEntry.objects.filter(_text_match(query, title_only=True))
    return list(qs.order_by("-published_on", "-pk")[:limit])


def entries_tier(*, q: str) -> dict[int, Tier]:
    """Tier of every matching entry (for tests and the benchmark)."""
    query = parse_query(q)
    exact_ids = _exact_ids(query)
    exact = set(exact_ids)
    return {
        e.pk: tier(e, query, exact=e.pk in exact) for e in _matched(query, exact_ids)
    }


def normalised_query(q: str) -> str:
    return text.normalise(q.strip())[:200]
