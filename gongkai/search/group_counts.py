"""Entries per combination of facet values (`SearchGroupCount`).

A query matching more entries than `matching.count_limit()` is not counted
match by match: its total and facets are estimated from the newest matches
(`estimate`), scaled by how many entries each combination of facet values
has overall, which this table keeps. Indexing adds and removes one entry at
a time in the same transaction; a rebuild recounts from scratch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, F

from .backends.base import GROUP_COLUMNS
from .models import SearchEntry, SearchGroupCount

GROUP_FIELDS = GROUP_COLUMNS


def group_key(values: Iterable[Any]) -> str:
    return "|".join("" if v is None else str(v) for v in values)


def _values(entry: SearchEntry) -> tuple[Any, ...]:
    return tuple(getattr(entry, name) for name in GROUP_FIELDS)


def add(entries: list[SearchEntry], delta: int) -> None:
    """Count `entries` in (delta 1) or out (delta -1) of their groups."""
    changes = Counter(_values(e) for e in entries if e.rank_key is not None)
    for values, n in changes.items():
        key = group_key(values)
        updated = SearchGroupCount.objects.filter(key=key).update(
            count=F("count") + delta * n
        )
        if updated or delta < 0:
            continue
        try:
            with transaction.atomic():
                SearchGroupCount.objects.create(
                    key=key, count=n, **dict(zip(GROUP_FIELDS, values, strict=True))
                )
        except IntegrityError:  # created meanwhile by another writer
            SearchGroupCount.objects.filter(key=key).update(count=F("count") + n)


def recount() -> None:
    """Replace the table with a count of the entries (after a rebuild)."""
    rows = (
        SearchEntry.objects.filter(rank_key__isnull=False)
        .values(*GROUP_FIELDS)
        .annotate(n=Count("pk"))
        .order_by()
    )
    with transaction.atomic():
        SearchGroupCount.objects.all().delete()
        SearchGroupCount.objects.bulk_create(
            SearchGroupCount(
                key=group_key(r[f] for f in GROUP_FIELDS),
                count=r["n"],
                **{f: r[f] for f in GROUP_FIELDS},
            )
            for r in rows
        )
