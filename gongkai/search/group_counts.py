"""Facet groups (`SearchGroupCount`): each combination of facet values once,
with the number of entries that have it.

Every entry points to its group (`SearchEntry.facet_group`), so a search
fetches one integer per match instead of seven columns, counts matches per
group with one small GROUP BY, and filters on facets with `facet_group IN
(…)`. A query matching more entries than `matching.count_limit()` is not
counted match by match: its total and facets are estimated from the newest
matches scaled by the groups' counts (`estimate`). Indexing adds and removes
one entry at a time in the same transaction; a rebuild recounts. Group ids
never change while the table exists, so entries keep pointing to the right
row across rebuilds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, F

from .models import SearchEntry, SearchGroupCount

GROUP_FIELDS = (
    "organisation_id",
    "year",
    "topic_id_value",
    "topic_parent_id_value",
    "genre",
    "validity",
    "content_type",
)

GroupValues = tuple[Any, ...]


def group_key(values: Iterable[Any]) -> str:
    return "|".join("" if v is None else str(v) for v in values)


def values_of(entry: SearchEntry) -> GroupValues:
    return tuple(getattr(entry, name) for name in GROUP_FIELDS)


def groups_for(combinations: Iterable[GroupValues]) -> dict[GroupValues, int]:
    """The group id of each combination of facet values, created (with a
    count of 0) where it is new."""
    wanted = {group_key(values): values for values in set(combinations)}
    found = dict(
        SearchGroupCount.objects.filter(key__in=list(wanted)).values_list("key", "pk")
    )
    for key in wanted.keys() - found.keys():
        fields = dict(zip(GROUP_FIELDS, wanted[key], strict=True))
        try:
            with transaction.atomic():
                found[key] = SearchGroupCount.objects.create(key=key, **fields).pk
        except IntegrityError:  # created meanwhile by another writer
            found[key] = SearchGroupCount.objects.get(key=key).pk
    return {wanted[key]: pk for key, pk in found.items()}


def assign(entries: list[SearchEntry]) -> None:
    """Set `facet_group` of (unsaved or changed) entries from their values."""
    groups = groups_for(values_of(e) for e in entries)
    for entry in entries:
        entry.facet_group = groups[values_of(entry)]


def add(entries: list[SearchEntry], delta: int) -> None:
    """Count indexed `entries` in (delta 1) or out (delta -1) of their groups."""
    changes = Counter(
        e.facet_group
        for e in entries
        if e.rank_key is not None and e.facet_group is not None
    )
    for pk, n in changes.items():
        SearchGroupCount.objects.filter(pk=pk).update(count=F("count") + delta * n)


def recount() -> None:
    """Set every group's count from the indexed entries (after a rebuild)."""
    counts = (
        SearchEntry.objects.filter(rank_key__isnull=False)
        .values_list("facet_group")
        .annotate(n=Count("pk"))
        .order_by()
    )
    with transaction.atomic():
        SearchGroupCount.objects.update(count=0)
        for pk, n in counts:
            SearchGroupCount.objects.filter(pk=pk).update(count=n)
