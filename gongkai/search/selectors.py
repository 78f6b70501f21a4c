"""Running a search: match, filter, facet, rank, paginate (reads only)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from django.conf import settings
from django.db.models import Q, QuerySet

from gongkai.core.models import Organisation

from . import text
from .backends import Term
from .backends.base import Found, Where
from .facets import FacetValue, facets_from_groups, total_count
from .matching import MatchSet, any_order, match_set, top, where_for
from .models import SearchEntry, SearchKey, SearchText
from .query import Filters, ParsedQuery, parse_query
from .ranking import highlight, rank_order, snippet

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
    # False when the query had more than `matching.count_limit()` matches:
    # `total` and the facet counts are then estimates (see `estimate`).
    total_exact: bool
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


def _by_rank(qs: QuerySet[SearchEntry], limit: int) -> Found:
    rows = qs.filter(rank_key__isnull=False).order_by("-rank_key")
    found = [
        (pk, key, in_force)
        for pk, key, in_force in rows.values_list("pk", "rank_key", "in_force")[:limit]
        if key
    ]
    return Found(
        [(pk, key) for pk, key, _ in found],
        not_in_force=frozenset(pk for pk, _, in_force in found if not in_force),
    )


def _newest(
    query: ParsedQuery, filters: Filters, matches: MatchSet, limit: int
) -> Found:
    """The newest `limit` matches under every filter (exact lookups included)."""
    where = where_for(filters)
    sample = matches.sample
    unfiltered = where == where_for(filters, facet_filters=False)
    if matches.complete and not unfiltered:
        ids = set(sample.ids) | set(matches.exact_ids)
        return _by_rank(
            _filtered(SearchEntry.objects.filter(pk__in=ids), filters), limit
        )
    found = (
        sample.head(limit)
        if unfiltered and (matches.complete or limit <= len(sample.rows))
        else top(query.backend_terms(), where, limit)
    )
    exact = _by_rank(
        _filtered(SearchEntry.objects.filter(pk__in=matches.exact_ids), filters), limit
    )
    merged = sorted(set(found.rows) | set(exact.rows), key=lambda r: -r[1])
    return Found(merged[:limit], not_in_force=found.not_in_force | exact.not_in_force)


def _phrase_ids(
    phrase: Term, where: Where, candidates: Found, *, title_only: bool
) -> set[int]:
    """Which of `candidates` contain the phrase: one bounded call over the
    range of keys the candidates span."""
    if not candidates.rows:
        return set()
    low = min(key for _, key in candidates.rows)
    bounded = Where(
        where.sql, where.params, max(low, where.key_min or low), where.key_max
    )
    # Phrase matches in the range are among the term matches there, which
    # are the candidates (bar filters): the limit is only a safeguard.
    found = any_order([phrase], bounded, 10 * len(candidates.rows) + 100, title_only)
    return found & set(candidates.ids)


def _ranked_ids(query: ParsedQuery, filters: Filters, matches: MatchSet) -> list[int]:
    """The ranked window: title matches and the newest matches (bounded),
    ordered by `ranking.rank_order`. Which candidates have the terms or the
    whole phrase in the title is asked of the index, so no text is read."""
    limit = int(settings.GONGKAI_SEARCH["candidates"])
    where = where_for(filters)
    newest = _newest(query, filters, matches, limit)
    titles = top(query.backend_terms(), where, limit, title_only=True)
    title_terms = set(titles.ids)
    terms = query.backend_terms()
    phrase = query.phrase_term()
    if phrase is None or [phrase] == terms:
        title_phrase, any_phrase = title_terms, set(newest.ids)
    else:
        title_phrase = _phrase_ids(phrase, where, titles, title_only=True)
        any_phrase = _phrase_ids(phrase, where, newest, title_only=False)
    rows = dict(newest.rows) | dict(titles.rows)
    return rank_order(
        rows,
        [set(matches.exact_ids), title_phrase, title_terms, any_phrase],
        newest.not_in_force | titles.not_in_force,
    )


def _page_ids(
    query: ParsedQuery,
    filters: Filters,
    matches: MatchSet,
    sort: Sort,
    offset: int,
    size: int,
) -> list[int]:
    if sort == "date":
        return _newest(query, filters, matches, offset + size).ids[offset:]
    ranked = _ranked_ids(query, filters, matches)
    page = ranked[offset : offset + size]
    if len(page) < size:
        # Beyond the ranked window results continue in date order.
        rest_offset = max(0, offset - len(ranked))
        seen = set(ranked)
        needed = rest_offset + size - len(page) + len(ranked)
        rest = [
            pk for pk in _newest(query, filters, matches, needed).ids if pk not in seen
        ]
        page += rest[rest_offset : rest_offset + size - len(page)]
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
    matches = match_set(query, filters, _exact_ids(query))
    result = SearchResult(
        query=query,
        filters=filters,
        sort=sort,
        total=total_count(matches.groups, filters),
        total_exact=matches.complete,
        page=page,
        page_size=size,
    )
    ids = _page_ids(query, filters, matches, sort, (page - 1) * size, size)
    result.hits = _hits(ids, query, set(matches.exact_ids))
    if with_facets:
        result.facets = facets_from_groups(matches.groups, filters)
    result.took_ms = round((time.perf_counter() - started) * 1000, 2)
    return result


def _hits(ids: list[int], query: ParsedQuery, exact: set[int]) -> list[Hit]:
    """The page's entries in rank order, with highlighted title and snippet.
    One raw query: building the joins through the ORM cost more than
    running them."""
    if not ids:
        return []
    marks = ", ".join(["%s"] * len(ids))
    rows = SearchEntry.objects.raw(
        f"SELECT e.*, o.name AS organisation_name, t.text AS body_text "
        f"FROM {SearchEntry._meta.db_table} e "
        f"LEFT JOIN {Organisation._meta.db_table} o ON o.id = e.organisation_id "
        f"LEFT JOIN {SearchText._meta.db_table} t ON t.entry_id = e.id "
        f"WHERE e.id IN ({marks})",
        ids,
    )
    entries, texts = {}, {}
    for entry in rows:
        if entry.organisation_id is not None:
            # Only the name is shown; other fields load if ever asked for.
            name = getattr(entry, "organisation_name")  # noqa: B009 (raw column)
            entry.organisation = Organisation.from_db(
                None, ["id", "name"], [entry.organisation_id, name]
            )
        entries[entry.pk] = entry
        texts[entry.pk] = getattr(entry, "body_text") or ""  # noqa: B009
    return [
        Hit(
            entry=entries[pk],
            snippet=snippet(texts[pk], query),
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
    found = top(query.backend_terms(), Where(), limit, title_only=True)
    entries = SearchEntry.objects.in_bulk(found.ids)
    return [entries[pk] for pk in found.ids if pk in entries]


def normalised_query(q: str) -> str:
    return text.normalise(q.strip())[:200]
