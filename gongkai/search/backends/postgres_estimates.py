"""How many rows the PostgreSQL planner expects, for choosing a plan
(`postgres.PostgresBackend.top_sql`): GIN's candidates, or entries checked
one by one newest first.

The estimates come from ANALYZE's statistics (a tsvector column keeps its
most common lexemes and their frequencies), asked with EXPLAIN and kept in
the cache for a few minutes, since a search asks for them in every bounded
call.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache

from .base import ENTRY_TABLE

ESTIMATE_SECONDS = 300  # how long the planner's estimates are reused


def walk_cost_ratio() -> float:
    """A check of one entry against the cost of one GIN match (measured:
    20 µs per entry walked, 4.4 µs per matching row, over 100,000 documents)."""
    return float(settings.GONGKAI_SEARCH.get("pg_walk_cost_ratio", 4.5))


def plan_rows(cursor: Any, sql: str, params: list[Any]) -> float:
    """The planner's estimate of the rows of `sql`."""
    cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
    plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return float(plan[0]["Plan"]["Plan Rows"])


def cached_rows(
    cursor: Any, queries: dict[str, tuple[str, list[Any]]]
) -> dict[str, float]:
    """The estimated rows of each query (SQL, parameters), by name."""
    keys = {f"search:pg-rows:{cursor.db.alias}:{name}": name for name in queries}
    found = cache.get_many(list(keys))
    missing = {
        key: plan_rows(cursor, *queries[name])
        for key, name in keys.items()
        if key not in found
    }
    cache.set_many(missing, ESTIMATE_SECONDS)
    rows = {**found, **missing}
    return {name: float(rows[key]) for key, name in keys.items()}


@dataclass(frozen=True)
class Estimate:
    """Per term at most the rows of its rarest token (each token alone: the
    planner multiplies the shares of a term's tokens as if independent, but
    a word's pairs come together), among `entries`."""

    entries: float
    rows: tuple[float, ...]

    @classmethod
    def of(cls, cursor: Any, table: str, terms: list[list[str]]) -> Estimate:
        """`terms`: each term's tokens as tsquery literals."""
        # Token literals are quoted: no name of a literal is "entries".
        rows = cached_rows(
            cursor,
            {
                "entries": (f"SELECT 1 FROM {ENTRY_TABLE}", []),
                **{
                    lit: (f"SELECT 1 FROM {table} WHERE tsv @@ %s::tsquery", [lit])
                    for term in terms
                    for lit in term
                },
            },
        )
        entries = max(1.0, rows["entries"])
        return cls(
            entries,
            tuple(max(1.0, min(entries, *(rows[lit] for lit in t))) for t in terms),
        )

    def common(self, rows: float, limit: int) -> bool:
        """Whether `limit` matches of something in `rows` rows are found sooner
        by checking entries one by one (about limit · N / rows checks) than
        taken from GIN (about rows)."""
        return rows * rows > limit * self.entries * walk_cost_ratio()
