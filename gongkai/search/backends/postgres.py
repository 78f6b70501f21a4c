"""PostgreSQL: tsvectors built from the application's tokens, GIN-indexed.

The tsvector and tsquery are written as literals (`'政务':1 '务公':2`,
`'政务' <-> '务公'`) and cast, so PostgreSQL's text parser, which depends on
the database locale, never touches Chinese text. A tsvector keeps positions
only up to 16383, so long bodies are stored in overlapping parts; a term
(phrase) must lie inside one part, and parts overlap by more than the
longest query, so nothing is lost. No foreign key to search_searchentry:
Django's flush truncates model tables only; rows left behind never match an
entry (ids are not reused). Each term is looked up separately and the
ids intersected (terms may sit in different parts or in the title).

The distinct characters are lexemes of their own, marked (`#医`: no token
holds `#`), in the title row (the title's) and the first body part (the
entry's), so a 1-character term is one GIN list, not a prefix query over
every pair starting with it (2.7 s for 的 over 100,000 documents).

GIN keeps no positions: a phrase (`<->`) makes it recheck every row it
finds, reading each one's tsvector. So the candidates come from the
phrase's tokens in one row (`&`: answered from the index alone), sorted by
rank key, and the phrase is checked on them in that order behind a fence
(`OFFSET 0`: the check is not pushed below the sort), one candidate at a
time, until `limit` have it.

A rebuild drops the GIN indexes and builds them at the end, then analyzes
the tables (`bulk_end`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from ..text import distinct_chars
from .base import (
    ENTRY_TABLE,
    IndexRow,
    SearchBackend,
    Term,
    Where,
)
from .postgres_estimates import Estimate, plan_rows, walk_cost_ratio

TABLE = "search_pgindex"
PART_TOKENS = 16000
OVERLAP = 256  # > the longest query (200 characters → ≤ 200 tokens)
CHAR_MARK = "#"
NEWEST_FIRST = " ORDER BY e.rank_key DESC"

CREATE_SQL = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        id bigserial PRIMARY KEY,
        entry_id bigint NOT NULL,
        is_title boolean NOT NULL,
        tsv tsvector NOT NULL
    )""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_entry ON {TABLE} (entry_id)",
]
# Title-only terms read the titles' lists only, not every body part's.
GIN_INDEXES = {
    f"{TABLE}_tsv": "",
    f"{TABLE}_title_tsv": " WHERE is_title",
}
CREATE_SQL += [
    f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} USING gin (tsv){where}"
    for name, where in GIN_INDEXES.items()
]
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"
# What the planner needs statistics of after a rebuild (without them it
# took 40 s for a phrase, checking it through GIN once per candidate).
ANALYZED = (TABLE, ENTRY_TABLE)


def _quote(token: str) -> str:
    return "'" + token.replace("'", "''").replace("\\", "\\\\") + "'"


def tsvector_literal(tokens: list[str], chars: str = "") -> str:
    """`tokens` with their positions, and the characters `chars` (space-
    separated) as marked lexemes without positions."""
    positions: dict[str, list[int]] = {}
    for position, token in enumerate(tokens, start=1):
        positions.setdefault(token, []).append(position)
    return " ".join(
        [
            *(
                f"{_quote(token)}:{','.join(map(str, found[:256]))}"
                for token, found in positions.items()
            ),
            *(_quote(CHAR_MARK + c) for c in chars.split()),
        ]
    )


def tsquery_literal(term: Term) -> str:
    """The term exactly: its phrase, or its character."""
    if term.prefix:
        return _quote(CHAR_MARK + term.tokens[0])
    return " <-> ".join(_quote(t) for t in term.tokens)


def candidates_literal(term: Term) -> str:
    """What GIN answers without rechecking rows: the term's tokens anywhere in
    one row (every row holding the phrase holds them)."""
    if term.prefix:
        return tsquery_literal(term)
    return " & ".join(_quote(t) for t in dict.fromkeys(term.tokens))


def is_phrase(term: Term) -> bool:
    return not term.prefix and len(term.tokens) > 1


def parts(tokens: list[str]) -> list[list[str]]:
    if len(tokens) <= PART_TOKENS:
        return [tokens]
    step = PART_TOKENS - OVERLAP
    return [tokens[i : i + PART_TOKENS] for i in range(0, len(tokens) - OVERLAP, step)]


@dataclass(frozen=True)
class _Query:
    """What one `top_sql` call asks, with the planner's estimate of it."""

    terms: list[Term]
    estimate: Estimate
    limit: int
    title_only: bool
    columns: str  # selected over the entry table `e`


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def write(self, cursor: Any, rows: list[IndexRow]) -> None:
        values: list[tuple[int, bool, str]] = []
        for row in rows:
            title = row.title.split()
            values.append(
                (row.entry_id, True, tsvector_literal(title, distinct_chars(row.title)))
            )
            values.extend(
                (row.entry_id, False, tsvector_literal(part, "" if i else row.chars))
                for i, part in enumerate(parts(row.body.split()))
            )
        cursor.executemany(
            f"INSERT INTO {TABLE} (entry_id, is_title, tsv) "
            "VALUES (%s, %s, %s::tsvector)",
            values,
        )

    def delete(self, cursor: Any, rows: list[IndexRow]) -> None:
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE entry_id = ANY(%s)",
            [[r.entry_id for r in rows]],
        )

    def entry_ids(self, cursor: Any, n: int) -> list[int]:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "FROM generate_series(1, %s)",
            [ENTRY_TABLE, n],
        )
        return [int(row[0]) for row in cursor.fetchall()]

    def clear(self, cursor: Any) -> None:
        cursor.execute(f"TRUNCATE {TABLE}")

    def bulk_start(self, cursor: Any) -> None:
        # Building a GIN index once is far cheaper than keeping it up to date
        # row by row (the server was the rebuild's bottleneck: 315 docs/s).
        for name in GIN_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")

    def bulk_end(self, cursor: Any) -> None:
        cursor.execute("SET maintenance_work_mem = '256MB'")
        for statement in CREATE_SQL:
            cursor.execute(statement)
        cursor.execute("RESET maintenance_work_mem")
        for table in ANALYZED:
            cursor.execute(f"ANALYZE {table}")

    def _match_sql(self, terms: list[Term], title_only: bool) -> tuple[str, list[Any]]:
        where = " AND is_title" if title_only else ""
        selects = [
            f"SELECT entry_id FROM {TABLE} WHERE tsv @@ %s::tsquery{where}"
            for _ in terms
        ]
        # OFFSET 0: the set is built once from GIN, never probed per entry
        # (a nested loop over 70,000 entries for a title-only 听证).
        return (
            " INTERSECT ".join(selects) + " OFFSET 0",
            [candidates_literal(t) for t in terms],
        )

    def _checks_sql(self, terms: list[Term], title_only: bool) -> tuple[str, list[Any]]:
        """Each term checked per entry, by a subquery over the entry's own rows
        (an aggregate: never turned into a join that checks every row first;
        `ts_match_vq` is `@@` that no index answers, so the rows are found by
        entry id)."""
        where = " AND p.is_title" if title_only else ""
        sql = "".join(
            f" AND (SELECT bool_or(ts_match_vq(p.tsv, %s::tsquery)) FROM {TABLE} p"
            f" WHERE p.entry_id = e.id{where})"
            for _ in terms
        )
        return sql, [tsquery_literal(t) for t in terms]

    def _walk_window(self, estimate: Estimate, limit: int) -> int | None:
        """How many of the newest entries to check one by one before GIN takes
        over (None: GIN alone). M matches among N entries are at most the
        rarest term's rows; walking costs about limit · N / M checks, GIN
        about M rows. The window holds twice the entries expected to give
        `limit` matches; terms that rarely meet (the estimate is optimistic:
        of all rows, also for titles, which hold far fewer) cost one window."""
        matches = min(estimate.rows)
        if not estimate.common(matches, limit):
            return None
        return math.ceil(2 * limit * estimate.entries / matches)

    def _walks_range(self, cursor: Any, estimate: Estimate, where: Where) -> bool:
        """Whether the entries of a bounded key range (the ranking's phrase
        checks, `any_order`) are cheaper to check one by one than GIN's
        matches over the whole index."""
        if where.key_min is None and where.key_max is None:
            return False
        key_sql, key_params = where.key_sql("rank_key")
        in_range = plan_rows(
            cursor,
            f"SELECT 1 FROM {ENTRY_TABLE} WHERE rank_key IS NOT NULL{key_sql}",
            key_params,
        )
        return in_range * walk_cost_ratio() < min(estimate.rows)

    def _gin_sql(
        self, query: _Query, scope: tuple[str, list[Any]], order: str
    ) -> tuple[str, list[Any]]:
        """The matches in `scope` (SQL over `e`, its parameters): GIN's
        candidates of the terms that are not common, in `order`, each then
        checked for its phrases and for the common terms (building the set
        of a term in most documents costs more than checking the candidates
        until `limit` have it: 50 ms for 号 over 100,000 documents)."""
        terms, estimate = query.terms, query.estimate
        rare = [
            t
            for t, r in zip(terms, estimate.rows, strict=True)
            if not estimate.common(r, query.limit)
        ]
        if not rare:
            rare = [terms[estimate.rows.index(min(estimate.rows))]]
        checked = [t for t in terms if t not in rare or is_phrase(t)]
        match, params = self._match_sql(rare, query.title_only)
        checks, check_params = self._checks_sql(checked, query.title_only)
        candidates = f"FROM {ENTRY_TABLE} e WHERE e.id IN ({match}){scope[0]}{order}"
        if not checks:  # the candidates are the matches
            return f"SELECT {query.columns} {candidates}", [*params, *scope[1]]
        return (
            f"SELECT {query.columns} FROM (SELECT e.* {candidates} OFFSET 0) e "
            f"WHERE TRUE{checks}",
            [*params, *scope[1], *check_params],
        )

    def rows(self, cursor: Any, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        # `@@` is priced as cheap, so for a token in most rows the planner
        # scans the table and reads every row's tsvector (1 s for 政务 over
        # 100,000 documents, where its GIN list takes 60 ms).
        with transaction.atomic(using=cursor.db.alias):
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            return super().rows(cursor, sql, params)

    def top_sql(
        self,
        cursor: Any,
        terms: list[Term],
        where: Where,
        limit: int,
        title_only: bool,
        columns: str,
        newest_first: bool = True,
    ) -> tuple[str, list[Any]]:
        key_sql, key_params = where.key_sql("e.rank_key")
        scope = (f"{key_sql}{where.sql}", [*key_params, *where.params])
        estimate = Estimate.of(
            cursor,
            TABLE,
            [
                [candidates_literal(Term((t,), term.prefix)) for t in term.tokens]
                for term in terms
            ],
        )
        query = _Query(terms, estimate, limit, title_only, columns)
        if not newest_first and self._walks_range(cursor, estimate, where):
            checks, check_params = self._checks_sql(terms, title_only)
            return (
                f"SELECT {columns} FROM {ENTRY_TABLE} e WHERE e.rank_key IS NOT"
                f" NULL{scope[0]}{checks} LIMIT %s",
                [*scope[1], *check_params, limit],
            )
        window = self._walk_window(estimate, limit) if newest_first else None
        if window is not None:
            return self._window_sql(query, scope, window)
        sql, params = self._gin_sql(query, scope, NEWEST_FIRST if newest_first else "")
        return f"{sql} LIMIT %s", [*params, limit]

    def _window_sql(
        self, query: _Query, scope: tuple[str, list[Any]], window: int
    ) -> tuple[str, list[Any]]:
        """The newest `window` entries in scope checked one by one; GIN answers
        for the older ones only if the window held fewer than `limit` matches
        (Append runs its branches in order and LIMIT stops it; `rows` allows
        no parallel plan, which could interleave them)."""
        newest = (
            f"SELECT e.* FROM {ENTRY_TABLE} e WHERE e.rank_key IS NOT NULL{scope[0]}"
            f"{NEWEST_FIRST} LIMIT %s"
        )
        checks, check_params = self._checks_sql(query.terms, query.title_only)
        older, older_params = self._gin_sql(
            query,
            (
                f"{scope[0]} AND e.rank_key < (SELECT MIN(w.rank_key) FROM ({newest}) w)",
                [*scope[1], *scope[1], window],
            ),
            NEWEST_FIRST,
        )
        return (
            f"(SELECT {query.columns} FROM ({newest}) e WHERE TRUE{checks}"
            f"{NEWEST_FIRST}) UNION ALL ({older}) LIMIT %s",
            [*scope[1], window, *check_params, *older_params, query.limit],
        )

    def size_bytes(self, cursor: Any) -> int | None:
        cursor.execute("SELECT pg_total_relation_size(%s)", [TABLE])
        row = cursor.fetchone()
        return int(row[0]) if row else None
