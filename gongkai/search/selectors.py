"""Running a search: match, filter, facet, rank, paginate (reads only)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from django.conf import settings
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from . import text
from .backends import Term, get_backend
from .facets import FacetValue, facets_from_groups, groups_fetch, total_count
from .models import SearchEntry, SearchKey, SearchText
from .query import Filters, ParsedQuery, parse_query
from .ranking import highlight, snippet, sort_key, tier

Sort = Literal["relevance", "date"]


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
    """The matching entries, evaluated once into the hits table (see
    `SearchBackend.hits_store`): use the queryset before the next search."""
    backend = get_backend()
    with connection.cursor() as cursor:
        backend.hits_store(cursor, query.backend_terms(), exact_ids)
    return SearchEntry.objects.filter(
        pk__in=RawSQL(f"SELECT id FROM {backend.hits_table}", [])
    )


def _ids_matching(ids: set[int], terms: list[Term], *, title_only: bool) -> set[int]:
    # One pass over the index, intersected here: restricting the full-text
    # query to a list of ids is slower in FTS5 than running it whole.
    sql, params = get_backend().match_sql(terms, title_only=title_only)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return ids & {row[0] for row in cursor.fetchall()}


def _ranked_ids(
    query: ParsedQuery, qs: QuerySet[SearchEntry], exact_ids: list[int]
) -> list[int]:
    """The ranked window: title matches and the newest matches (bounded),
    ordered by `ranking.sort_key`. Which candidates have the terms or the
    whole phrase in the title is asked of the index, so no text is read."""
    limit = int(settings.GONGKAI_SEARCH["candidates"])
    by_date = qs.order_by("-published_on", "-pk").values_list(
        "pk", "published_on", "in_force"
    )
    title_rows = list(by_date.filter(_text_match(query, title_only=True))[:limit])
    rows = {row[0]: row for row in title_rows}
    rows.update((row[0], row) for row in by_date[:limit])
    rows.update((row[0], row) for row in by_date.filter(pk__in=exact_ids))
    ids = set(rows)
    title_terms = {row[0] for row in title_rows}
    terms = query.backend_terms()
    phrase = query.phrase_term()
    if phrase is None or [phrase] == terms:
        title_phrase, any_phrase = title_terms, ids
    else:
        title_phrase = _ids_matching(title_terms, [phrase], title_only=True)
        any_phrase = _ids_matching(ids, [phrase], title_only=False)
    exact = set(exact_ids)
    scored = []
    for pk, published_on, in_force in rows.values():
        rank = tier(
            exact=pk in exact,
            title_phrase=pk in title_phrase,
            title_terms=pk in title_terms,
            phrase=pk in any_phrase,
        )
        scored.append((sort_key(pk, published_on, in_force, rank), pk))
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
    groups = groups_fetch(matched, filters)
    result = SearchResult(
        query=query,
        filters=filters,
        sort=sort,
        total=total_count(groups, filters),
        page=page,
        page_size=size,
    )
    ids = _page_ids(query, qs, exact_ids, sort, (page - 1) * size, size)
    result.hits = _hits(ids, query, set(exact_ids))
    if with_facets:
        result.facets = facets_from_groups(groups, filters)
    result.took_ms = round((time.perf_counter() - started) * 1000, 2)
    return result


def _hits(ids: list[int], query: ParsedQuery, exact: set[int]) -> list[Hit]:
    """The page's entries in rank order, with highlighted title and snippet."""
    entries = SearchEntry.objects.select_related("organisation").in_bulk(ids)
    bodies = dict(
        SearchText.objects.filter(entry_id__in=ids).values_list("entry_id", "text")
    )
    return [
        Hit(
            entry=entries[pk],
            snippet=snippet(bodies.get(pk, ""), query),
            title_html=_title_html(entries[pk], query),
            exact=pk in exact,
        )
        for pk in ids
        if pk in entries
    ]


def _title_html(entry: SearchEntry, query: ParsedQuery) -> str:
    return highlight(entry.title, query)


def search_suggest(*, q: str, limit: int = 8) -> list[SearchEntry]:
    """Titles containing what has been typed so far, newest first."""
    query = parse_query(q)
    if not query.terms:
        return []
    qs = SearchEntry.objects.filter(_text_match(query, title_only=True))
    return list(qs.order_by("-published_on", "-pk")[:limit])


def normalised_query(q: str) -> str:
    return text.normalise(q.strip())[:200]
