"""Which entries match: bounded calls of `SearchBackend.top`.

No search evaluates every match. The newest `count_limit()` + 1 matches
under the date range are fetched in rank-key order (the backend stops
there); if that is all of them, the total and the facets are counted exactly
from them, otherwise they are estimated (`estimate`) and the result says so
(`SearchResult.total_exact`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import connection

from gongkai.core.models import Organisation

from .backends import Term, get_backend
from .backends.base import Found, Where
from .estimate import estimated_groups
from .facets import Group, groups_of
from .keys import first_key
from .models import SearchEntry, SearchGroupCount
from .query import Filters, ParsedQuery


def count_limit() -> int:
    """Matches counted one by one; above it totals and facets are estimated."""
    return int(settings.GONGKAI_SEARCH.get("count_limit", 1000))


def _key_range(filters: Filters, *, with_year: bool) -> tuple[int | None, int | None]:
    low = first_key(filters.date_from) if filters.date_from else None
    high = first_key(filters.date_to + timedelta(days=1)) if filters.date_to else None
    if with_year and filters.year is not None:
        year_low = first_key(date(filters.year, 1, 1))
        year_high = first_key(date(filters.year + 1, 1, 1))
        low = year_low if low is None else max(low, year_low)
        high = year_high if high is None else min(high, year_high)
    return low, high


def where_for(filters: Filters, *, facet_filters: bool = True) -> Where:
    """SQL of `filters` over the entry table (the rules of `selectors._filtered`):
    the facet filters pick facet groups, the year and the date range are a
    range of rank keys; without `facet_filters` only the date range (facets are counted
    under it)."""
    low, high = _key_range(filters, with_year=facet_filters)
    sql: list[str] = []
    params: list[object] = []
    if facet_filters:
        if filters.organisation is not None:
            sql.append(
                " AND g.organisation_id IN (SELECT id FROM "
                f"{Organisation._meta.db_table} WHERE path LIKE %s)"
            )
            params.append(filters.organisation.path + "%")
        if filters.topic is not None:
            sql.append(" AND (g.topic_id_value = %s OR g.topic_parent_id_value = %s)")
            params += [filters.topic, filters.topic]
        for column, value in (
            ("genre", filters.genre),
            ("validity", filters.validity),
            ("content_type", filters.content_type),
        ):
            if value:
                sql.append(f" AND g.{column} = %s")
                params.append(value)
    if not sql:
        return Where("", (), low, high)
    groups = f"SELECT id FROM {SearchGroupCount._meta.db_table} g WHERE 1 = 1"
    return Where(
        f" AND e.facet_group IN ({groups}{''.join(sql)})", tuple(params), low, high
    )


def top(
    terms: list[Term],
    where: Where,
    limit: int,
    *,
    title_only: bool = False,
    groups: bool = False,
) -> Found:
    if not terms or limit <= 0:
        return Found()
    with connection.cursor() as cursor:
        return get_backend().top(
            cursor,
            terms,
            where=where,
            limit=limit,
            title_only=title_only,
            groups=groups,
        )


def any_order(
    terms: list[Term], where: Where, limit: int, title_only: bool
) -> set[int]:
    with connection.cursor() as cursor:
        return get_backend().any_order(
            cursor, terms, where=where, limit=limit, title_only=title_only
        )


def sample_size() -> int:
    """Matches fetched with their facet values when there are more than
    `count_limit()` (the estimate's sample; above it only counted)."""
    return min(count_limit(), int(settings.GONGKAI_SEARCH.get("estimate_sample", 250)))


def count(terms: list[Term], where: Where, limit: int) -> int:
    with connection.cursor() as cursor:
        return get_backend().count(cursor, terms, where=where, limit=limit)


@dataclass(frozen=True)
class MatchSet:
    sample: Found  # the newest matches under the date range: all if complete
    exact_ids: list[int]  # 发文字号/索引号 lookups (unfiltered)
    complete: bool  # `sample` is every match
    groups: list[Group]  # facet groups: counted, or estimated if not complete


def match_set(query: ParsedQuery, filters: Filters, exact_ids: list[int]) -> MatchSet:
    """The newest `sample_size()` matches are fetched; if there may be more,
    they are counted up to `count_limit()` + 1 without fetching them, and
    the rest is fetched only if that is all (an exact count)."""
    limit, size = count_limit(), sample_size()
    where = where_for(filters, facet_filters=False)
    terms = query.backend_terms()
    found = top(terms, where, size, groups=True)
    if len(found.rows) == size:
        # Only the matches older than the sample are walked again.
        older = Where(where.sql, where.params, where.key_min, found.rows[-1][1])
        if count(terms, older, limit - size + 1) > limit - size:
            return MatchSet(found, exact_ids, False, estimated_groups(found, where))
        rest = top(terms, older, limit - size, groups=True)
        found = Found(
            found.rows + rest.rows,
            found.groups + rest.groups,
            found.not_in_force | rest.not_in_force,
        )
    return MatchSet(found, exact_ids, True, _counted(found, exact_ids, where))


def _counted(found: Found, exact_ids: list[int], date_where: Where) -> list[Group]:
    counts: Counter[int | None] = Counter(found.groups)
    extra = set(exact_ids) - set(found.ids)
    if extra:
        exact = SearchEntry.objects.filter(pk__in=extra, rank_key__isnull=False)
        if date_where.key_min is not None:
            exact = exact.filter(rank_key__gte=date_where.key_min)
        if date_where.key_max is not None:
            exact = exact.filter(rank_key__lt=date_where.key_max)
        counts.update(exact.values_list("facet_group", flat=True))
    return groups_of(counts)
