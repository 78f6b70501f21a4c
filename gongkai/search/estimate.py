"""Totals and facets of queries with too many matches to count one by one.

The newest `count_limit()` matches (the sample) are counted exactly per
group of facet values. The entries of the window they come from (those at
least as new as the last match, at most `window_size()` entries, so that a
rare term does not make the window the whole index) give the share of matching
entries per group; that share, smoothed towards the share over all groups,
is applied to the group's other entries (`SearchGroupCount`, or the entries
of the date range when there is one). A group's estimate is at least the
matches seen. Facets and totals are then summed from these groups exactly as
from counted ones, so a facet value's count is still the total one gets by
choosing it (both estimated).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.conf import settings
from django.db import connection

from .backends.base import ENTRY_TABLE, Found, Where
from .facets import Group, groups_of
from .models import SearchGroupCount

SMOOTHING = 5.0  # entries' worth of the overall share mixed into each group's


def window_size() -> int:
    """Entries the share of matches is measured on (the cost of an estimate
    is proportional to it; the covering index `search_entry_rank_cover`
    keeps it an index scan)."""
    return int(settings.GONGKAI_SEARCH.get("estimate_window", 3000))


def _range_sql(where: Where) -> tuple[str, list[Any]]:
    sql, params = where.key_sql("rank_key")
    return f"FROM {ENTRY_TABLE} WHERE rank_key IS NOT NULL{sql}", params


def _window(last: int, where: Where) -> tuple[int, Counter[int | None]]:
    """The window's first key and its entries per facet group: the newest
    `window_size()` entries of the range that are at least as new as `last`
    (one query: the window's start is the oldest key among them)."""
    source, params = _range_sql(where)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT facet_group, COUNT(*), MIN(rank_key) FROM (SELECT rank_key, "
            f"facet_group {source} AND rank_key >= %s ORDER BY rank_key DESC "
            "LIMIT %s) w GROUP BY facet_group",
            [*params, last, window_size()],
        )
        rows = cursor.fetchall()
    start = min((int(r[2]) for r in rows), default=last)
    return start, Counter({r[0]: int(r[1]) for r in rows})


def _population(where: Where) -> Counter[int | None]:
    if where.key_min is None and where.key_max is None:
        count = connection.ops.quote_name("count")
        source = f"FROM {SearchGroupCount._meta.db_table} WHERE {count} > 0"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, {count} {source}")
            return Counter(dict(cursor.fetchall()))
    source, params = _range_sql(where)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT facet_group, COUNT(*) {source} GROUP BY facet_group", params
        )
        return Counter({r[0]: int(r[1]) for r in cursor.fetchall()})


def estimated_groups(sample: Found, where: Where) -> list[Group]:
    start, window = _window(sample.rows[-1][1], where)
    seen = Counter(
        group
        for (_, key), group in zip(sample.rows, sample.groups, strict=True)
        if key >= start
    )
    share = sum(seen.values()) / max(1, sum(window.values()))
    population = _population(where)
    counts: dict[int | None, int] = {}
    for group in population.keys() | seen.keys():
        hits, entries = seen[group], window[group]
        rest = max(0, population[group] - entries)
        local = (hits + SMOOTHING * share) / (entries + SMOOTHING)
        counts[group] = hits + round(rest * local)
    return groups_of(counts)
