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
from .facets import Group, groups_from_rows
from .group_counts import GROUP_FIELDS
from .models import SearchGroupCount

SMOOTHING = 5.0  # entries' worth of the overall share mixed into each group's

GroupValues = tuple[Any, ...]
COLUMNS = ", ".join(GROUP_FIELDS)


def window_size() -> int:
    """Entries the share of matches is measured on (the cost of an estimate
    is proportional to it; the covering index `search_entry_rank_cover`
    keeps it an index scan)."""
    return int(settings.GONGKAI_SEARCH.get("estimate_window", 3000))


def _range_sql(where: Where) -> tuple[str, list[Any]]:
    sql, params = where.key_sql("rank_key")
    return f"FROM {ENTRY_TABLE} WHERE rank_key IS NOT NULL{sql}", params


def _counted(sql: str, params: list[Any]) -> Counter[GroupValues]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return Counter({tuple(r[:-1]): int(r[-1]) for r in cursor.fetchall()})


def _window(last: int, where: Where) -> tuple[int, Counter[GroupValues]]:
    """The window's first key and its entries per group: the newest
    `window_size()` entries of the range that are at least as new as `last`
    (one query: the window's start is the oldest key among them)."""
    source, params = _range_sql(where)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {COLUMNS}, COUNT(*), MIN(rank_key) FROM (SELECT rank_key, "
            f"{COLUMNS} {source} ORDER BY rank_key DESC LIMIT %s) w "
            f"WHERE rank_key >= %s GROUP BY {COLUMNS}",
            [*params, window_size(), last],
        )
        rows = cursor.fetchall()
    start = min((int(r[-1]) for r in rows), default=last)
    return start, Counter({tuple(r[:-2]): int(r[-2]) for r in rows})


def _population(where: Where) -> Counter[GroupValues]:
    if where.key_min is None and where.key_max is None:
        table = SearchGroupCount._meta.db_table
        count = connection.ops.quote_name("count")
        return _counted(f"SELECT {COLUMNS}, {count} FROM {table} WHERE {count} > 0", [])
    source, params = _range_sql(where)
    return _counted(f"SELECT {COLUMNS}, COUNT(*) {source} GROUP BY {COLUMNS}", params)


def estimated_groups(sample: Found, where: Where) -> list[Group]:
    start, window = _window(sample.rows[-1][1], where)
    seen = Counter(
        values
        for (_, key), values in zip(sample.rows, sample.groups, strict=True)
        if key >= start
    )
    share = sum(seen.values()) / max(1, sum(window.values()))
    population = _population(where)
    rows = []
    for values in population.keys() | seen.keys():
        hits, entries = seen[values], window[values]
        rest = max(0, population[values] - entries)
        local = (hits + SMOOTHING * share) / (entries + SMOOTHING)
        count = hits + round(rest * local)
        if count:
            rows.append({**dict(zip(GROUP_FIELDS, values, strict=True)), "n": count})
    return groups_from_rows(rows)
