"""Facet counts and the total from the matches' facet groups.

The matches are counted per facet group (`group_counts`: one combination of
facet values); the total and each facet are then summed in Python from those
groups. A facet is counted under
every filter but its own, so that a value's count is exactly the total one
gets by choosing it (replacing the current value of that facet). The date
range is not a facet and is applied in SQL.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import connection

from gongkai.core.models import Organisation

from . import registry
from .models import SearchGroupCount
from .query import Filters

GROUPS_TABLE = SearchGroupCount._meta.db_table
ORGANISATIONS_TABLE = Organisation._meta.db_table

FACETS = ("org", "year", "topic", "genre", "validity", "type")


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Group:
    path: str
    year: int | None
    topic: int | None
    topic_parent: int | None
    genre: str
    validity: str
    content_type: str
    count: int


def groups_of(counts: Mapping[int | None, int]) -> list[Group]:
    """The facet groups of `counts` (group id → matches), each with its
    count, and its organisation's path (one query: this runs per search)."""
    wanted = [pk for pk, n in counts.items() if n and pk is not None]
    if not wanted:
        return []
    marks = ", ".join(["%s"] * len(wanted))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT g.id, o.path, g.year, g.topic_id_value, g.topic_parent_id_value, "
            f"g.genre, g.validity, g.content_type FROM {GROUPS_TABLE} g "
            f"LEFT JOIN {ORGANISATIONS_TABLE} o ON o.id = g.organisation_id "
            f"WHERE g.id IN ({marks})",
            wanted,
        )
        rows = cursor.fetchall()
    return [
        Group(r[1] or "", r[2], r[3], r[4], r[5], r[6], r[7], counts[r[0]])
        for r in rows
    ]


def _tests(f: Filters) -> dict[str, Callable[[Group], bool]]:
    """One predicate per facet filter (the same rules as `selectors._filtered`)."""
    tests: dict[str, Callable[[Group], bool]] = {}
    if f.organisation is not None:
        prefix = f.organisation.path
        tests["org"] = lambda g: g.path.startswith(prefix)
    if f.year is not None:
        tests["year"] = lambda g: g.year == f.year
    if f.topic is not None:
        tests["topic"] = lambda g: f.topic in (g.topic, g.topic_parent)
    if f.genre:
        tests["genre"] = lambda g: g.genre == f.genre
    if f.validity:
        tests["validity"] = lambda g: g.validity == f.validity
    if f.content_type:
        tests["type"] = lambda g: g.content_type == f.content_type
    return tests


def _passing(
    groups: list[Group], tests: Iterable[Callable[[Group], bool]]
) -> list[Group]:
    checks = list(tests)
    if not checks:
        return groups
    return [g for g in groups if all(check(g) for check in checks)]


def total_count(groups: list[Group], filters: Filters) -> int:
    return sum(g.count for g in _passing(groups, _tests(filters).values()))


@functools.lru_cache(maxsize=4096)
def _path_ids(path: str) -> tuple[str, ...]:
    return tuple(p for p in path.strip("/").split("/") if p)


def _optional(value: object) -> tuple[str, ...]:
    return (str(value),) if value not in (None, "") else ()


# The values a group counts for in each facet (an organisation counts for
# every organisation above it, a topic for its parent too).
_VALUES: dict[str, Callable[[Group], tuple[str, ...]]] = {
    "org": lambda g: _path_ids(g.path),
    "year": lambda g: _optional(g.year),
    "topic": lambda g: _optional(g.topic) + _optional(g.topic_parent),
    "genre": lambda g: _optional(g.genre),
    "validity": lambda g: _optional(g.validity),
    "type": lambda g: _optional(g.content_type),
}


def _labels(facet: str, values: list[str]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for searchable in registry.registered():
        found = searchable.facet_labels(facet, values)
        labels.update({k: str(v) for k, v in found.items()})
    return labels


def _facet_values(facet: str, counts: dict[str, int]) -> list[FacetValue]:
    if facet == "org":
        # Counts include the subtree, as the organisation filter does; the
        # value is the 统一社会信用代码 the `org` parameter takes.
        if not counts:
            return []
        marks = ", ".join(["%s"] * len(counts))
        with connection.cursor() as cursor:  # raw: this runs per search
            cursor.execute(
                f"SELECT id, credit_code, name FROM {ORGANISATIONS_TABLE} "
                f"WHERE id IN ({marks}) ORDER BY path",
                [int(v) for v in counts],
            )
            organisations = cursor.fetchall()
        return [
            FacetValue(code, name, counts[str(pk)]) for pk, code, name in organisations
        ]
    if facet == "year":
        return [FacetValue(v, v, counts[v]) for v in sorted(counts, reverse=True)]
    labels = _labels(facet, list(counts))
    values = [FacetValue(v, labels.get(v, v), n) for v, n in counts.items()]
    if facet == "topic":
        return sorted(values, key=lambda fv: fv.label)
    return sorted(values, key=lambda fv: (-fv.count, fv.value))


def facets_from_groups(
    groups: list[Group], filters: Filters
) -> dict[str, list[FacetValue]]:
    tests = _tests(filters)
    out: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        counts: dict[str, int] = {}
        others = [test for name, test in tests.items() if name != facet]
        values_of = _VALUES[facet]
        for group in _passing(groups, others):
            for value in values_of(group):
                counts[value] = counts.get(value, 0) + group.count
        out[facet] = _facet_values(facet, counts)
    return out


def as_dict(values: list[FacetValue]) -> list[dict[str, Any]]:
    return [{"value": v.value, "label": v.label, "count": v.count} for v in values]
