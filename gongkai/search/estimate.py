"""Totals and facets of queries with too many matches to count one by one.

The newest `count_limit()` matches (the sample) are counted exactly per
group of facet values. The entries of the window they come from (those at
least as new as the last match, at most `WINDOW` entries, so that a rare
term does not make the window the whole index) give the share of matching
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

from django.db.models import Count, QuerySet

from .backends.base import Found, Where
from .facets import Group, groups_from_rows
from .group_counts import GROUP_FIELDS
from .models import SearchEntry, SearchGroupCount

WINDOW = 10_000
SMOOTHING = 5.0  # entries' worth of the overall share mixed into each group's

GroupValues = tuple[Any, ...]


def _grouped(qs: QuerySet[SearchEntry]) -> Counter[GroupValues]:
    rows = qs.values_list(*GROUP_FIELDS).annotate(n=Count("pk")).order_by()
    return Counter({tuple(r[:-1]): r[-1] for r in rows})


def entries_in_range(where: Where) -> QuerySet[SearchEntry]:
    qs = SearchEntry.objects.filter(rank_key__isnull=False)
    if where.key_min is not None:
        qs = qs.filter(rank_key__gte=where.key_min)
    if where.key_max is not None:
        qs = qs.filter(rank_key__lt=where.key_max)
    return qs


def _window_start(sample: Found, where: Where) -> int:
    last = sample.rows[-1][1]
    nth = (
        entries_in_range(where).order_by("-rank_key").values_list("rank_key", flat=True)
    )
    bound = nth[WINDOW - 1 : WINDOW].first()
    return last if bound is None else max(last, bound)


def _population(where: Where) -> Counter[GroupValues]:
    if where.key_min is None and where.key_max is None:
        rows = SearchGroupCount.objects.filter(count__gt=0).values_list(
            *GROUP_FIELDS, "count"
        )
        return Counter({tuple(r[:-1]): r[-1] for r in rows})
    return _grouped(entries_in_range(where))


def estimated_groups(sample: Found, where: Where) -> list[Group]:
    start = _window_start(sample, where)
    seen = Counter(
        values
        for (_, key), values in zip(sample.rows, sample.groups, strict=True)
        if key >= start
    )
    window = _grouped(entries_in_range(where).filter(rank_key__gte=start))
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
