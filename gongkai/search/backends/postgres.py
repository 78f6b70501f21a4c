"""PostgreSQL: tsvectors built from the application's tokens, GIN-indexed.

The tsvector and tsquery are written as literals (`'政务':1 '务公':2`,
`'政务' <-> '务公'`) and cast, so PostgreSQL's text parser, which depends on
the database locale, never touches Chinese text. Three tables:

- `search_pgterms`, one row per entry: every token of title and body once,
  without positions, the distinct characters as marked lexemes (`#医`: no
  token holds `#`) and the month of publication (`postgres_periods`). Its
  GIN index answers a whole query's tokens in one `&`, exactly for terms of
  one token or character, a superset for phrases.
- `search_pgtitles`, the same for title-only terms, with positions: one row
  per entry, GIN-indexed (a table of its own, so that the planner's
  statistics of title words are the titles').
- `search_pgindex`, the positions of title and body, read per candidate
  for phrases. A tsvector keeps positions only up to 16383, so long bodies
  are stored in overlapping parts; a phrase must lie inside one part, and
  parts overlap by more than the longest query, so nothing is lost.

No foreign key to search_searchentry: Django's flush truncates model tables
only; rows left behind never match an entry (ids are not reused).

GIN keeps no positions: a phrase (`<->`) makes it recheck every row it
finds, reading each one's tsvector. So the candidates come from the tokens
(`&`: answered from the index alone), sorted by rank key, and each phrase
is checked on them in that order behind a fence (`OFFSET 0`: the check is
not pushed below the sort), one candidate at a time, until `limit` have it.
GIN keeps no order either: when the candidates are many, the newest months
are asked first (`postgres_periods`).

A rebuild drops the GIN indexes and builds them at the end, then analyzes
the tables (`bulk_end`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from ..grams import distinct_chars
from . import postgres_periods as periods
from .base import (
    ENTRY_TABLE,
    IndexRow,
    SearchBackend,
    Term,
    Where,
)
from .postgres_estimates import Estimate, plan_rows, walk_cost_ratio
from .postgres_literals import (
    candidates_literal,
    is_phrase,
    parts,
    terms_literal,
    tsquery_literal,
    tsvector_literal,
)

TABLE = "search_pgindex"
TERMS_TABLE = "search_pgterms"
TITLES_TABLE = "search_pgtitles"
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
# One row per entry, GIN-indexed: the terms, and the titles (with their
# positions; a table of their own, so that the planner's statistics of
# title words are the titles').
GIN_TABLES = (TERMS_TABLE, TITLES_TABLE)
for table in GIN_TABLES:
    CREATE_SQL += [
        f"""CREATE TABLE IF NOT EXISTS {table} (
            entry_id bigint PRIMARY KEY,
            tsv tsvector NOT NULL
        )""",
    ]
GIN_INDEXES = {f"{table}_tsv": table for table in GIN_TABLES}
CREATE_SQL += [
    f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (tsv)"
    for name, table in GIN_INDEXES.items()
]
TABLES = (TABLE, *GIN_TABLES)
DROP_SQL = f"DROP TABLE IF EXISTS {', '.join(TABLES)}"
# The GIN indexes of the positional rows, before the terms table (0010).
OLD_INDEXES = (f"{TABLE}_tsv", f"{TABLE}_title_tsv")
# What the planner needs statistics of after a rebuild (without them it
# took 40 s for a phrase, checking it through GIN once per candidate).
ANALYZED = (*TABLES, ENTRY_TABLE)


Months = tuple[int, int]  # first and last month (`postgres_periods`)


def _gin_table(title_only: bool) -> str:
    return TITLES_TABLE if title_only else TERMS_TABLE


@dataclass(frozen=True)
class _Query:
    """What one `top_sql` call asks, with the planner's estimate of it."""

    terms: list[Term]
    estimate: Estimate
    limit: int
    title_only: bool
    columns: str  # selected over the entry table `e`

    def candidates(self, months: Months | None) -> str:
        """Every term's tokens, published in `months` if given."""
        literal = " & ".join(candidates_literal(t) for t in self.terms)
        return literal if months is None else f"{literal} & {periods.any_of(*months)}"

    @property
    def phrases(self) -> list[Term]:
        return [t for t in self.terms if is_phrase(t)]


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def write(self, cursor: Any, rows: list[IndexRow]) -> None:
        terms: list[tuple[int, str]] = []
        titles: list[tuple[int, str]] = []
        positions: list[tuple[int, bool, str]] = []
        for row in rows:
            period = periods.period_of(row.key)
            title, body = row.title.split(), row.body.split()
            terms.append((row.entry_id, terms_literal(title + body, row.chars, period)))
            titles.append(
                (
                    row.entry_id,
                    tsvector_literal(title, distinct_chars(row.title), period),
                )
            )
            positions.append((row.entry_id, True, tsvector_literal(title)))
            positions.extend(
                (row.entry_id, False, tsvector_literal(part)) for part in parts(body)
            )
        for table, values in ((TERMS_TABLE, terms), (TITLES_TABLE, titles)):
            cursor.executemany(
                f"INSERT INTO {table} (entry_id, tsv) VALUES (%s, %s::tsvector)",
                values,
            )
        cursor.executemany(
            f"INSERT INTO {TABLE} (entry_id, is_title, tsv) "
            "VALUES (%s, %s, %s::tsvector)",
            positions,
        )

    def delete(self, cursor: Any, rows: list[IndexRow]) -> None:
        ids = [r.entry_id for r in rows]
        for table in TABLES:
            cursor.execute(f"DELETE FROM {table} WHERE entry_id = ANY(%s)", [ids])

    def entry_ids(self, cursor: Any, n: int) -> list[int]:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "FROM generate_series(1, %s)",
            [ENTRY_TABLE, n],
        )
        return [int(row[0]) for row in cursor.fetchall()]

    def clear(self, cursor: Any) -> None:
        cursor.execute(f"TRUNCATE {', '.join(TABLES)}")

    def bulk_start(self, cursor: Any, *, shards_elsewhere: bool = False) -> None:
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

    def _match_sql(self, query: _Query, months: Months | None) -> tuple[str, list[Any]]:
        """The ids of entries holding every term's tokens (in the title when
        `title_only`), from GIN alone."""
        # OFFSET 0: the set is built once from GIN, never probed per entry
        # (a nested loop over 70,000 entries for a title-only 听证).
        return (
            f"SELECT entry_id FROM {_gin_table(query.title_only)} "
            "WHERE tsv @@ %s::tsquery OFFSET 0",
            [query.candidates(months)],
        )

    def _checks_sql(self, terms: list[Term], title_only: bool) -> tuple[str, list[Any]]:
        """`terms` checked per entry, by subqueries over the entry's own rows
        (an aggregate: never turned into a join that checks every row first;
        `ts_match_vq` is `@@` that no index answers, so the rows are found by
        entry id): all of them in the entry's title, or the terms of one
        token in its terms row and each phrase in a title or body row."""
        check = " AND (SELECT bool_or(ts_match_vq(p.tsv, %s::tsquery)) FROM {} p"
        if not terms:
            return "", []
        if title_only:
            return (
                check.format(TITLES_TABLE) + " WHERE p.entry_id = e.id)",
                [" & ".join(f"({tsquery_literal(t)})" for t in terms)],
            )
        sql, params = "", []
        plain = [t for t in terms if not is_phrase(t)]
        if plain:
            sql += check.format(TERMS_TABLE) + " WHERE p.entry_id = e.id)"
            params.append(" & ".join(candidates_literal(t) for t in plain))
        for term in terms:
            if is_phrase(term):
                sql += check.format(TABLE) + " WHERE p.entry_id = e.id)"
                params.append(tsquery_literal(term))
        return sql, params

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

    def _newest_month(self, cursor: Any, where: Where) -> int | None:
        """The month of the newest entry in `where`'s key range."""
        key_sql, key_params = where.key_sql("rank_key")
        cursor.execute(
            f"SELECT MAX(rank_key) FROM {ENTRY_TABLE} "
            f"WHERE rank_key IS NOT NULL{key_sql}",
            key_params,
        )
        newest = cursor.fetchone()[0]
        return None if newest is None else periods.month_of(int(newest))

    def _range_months(self, cursor: Any, where: Where) -> Months | None:
        """The months of a bounded key range, if few enough to list."""
        if where.key_min is None:
            return None
        newest = self._newest_month(cursor, where)
        first = periods.month_of(where.key_min)
        if newest is None or newest - first >= periods.MAX_LISTED:
            return None
        return first, newest

    def _gin_sql(
        self,
        query: _Query,
        scope: tuple[str, list[Any]],
        order: str,
        months: Months | None = None,
    ) -> tuple[str, list[Any]]:
        """The matches in `scope` (SQL over `e`, its parameters), published in
        `months` if given: GIN's candidates in `order`, each then checked for
        its phrases."""
        match, params = self._match_sql(query, months)
        checks, check_params = self._checks_sql(query.phrases, query.title_only)
        candidates = f"FROM {ENTRY_TABLE} e WHERE e.id IN ({match}){scope[0]}{order}"
        if not checks:  # the candidates are the matches
            return f"SELECT {query.columns} {candidates}", [*params, *scope[1]]
        return (
            f"SELECT {query.columns} FROM (SELECT e.* {candidates} OFFSET 0) e "
            f"WHERE TRUE{checks}",
            [*params, *scope[1], *check_params],
        )

    def _by_months_sql(
        self, cursor: Any, query: _Query, scope: tuple[str, list[Any]], where: Where
    ) -> tuple[str, list[Any]]:
        """GIN's matches newest first, window of months by window (Append runs
        its branches in order and LIMIT stops it; `rows` allows no parallel
        plan, which could interleave them), then the older ones at once.
        Always, not only for terms the planner expects in many rows: it
        knows the frequencies of the most common lexemes only, and puts every
        other one at 0.5 % of the rows (10 % for 2015 in a 发文字号)."""
        newest = self._newest_month(cursor, where)
        oldest = None if where.key_min is None else periods.month_of(where.key_min)
        windows = [] if newest is None else periods.windows(newest, oldest)
        branches = [self._gin_sql(query, scope, NEWEST_FIRST, w) for w in windows]
        if not windows or oldest is None or windows[-1][0] > oldest:
            older = (
                (
                    f"{scope[0]} AND e.rank_key < %s",
                    [*scope[1], periods.first_key_of(windows[-1][0])],
                )
                if windows
                else scope
            )
            branches.append(self._gin_sql(query, older, NEWEST_FIRST))
        return (
            " UNION ALL ".join(f"({sql})" for sql, _ in branches) + " LIMIT %s",
            [*(p for _, params in branches for p in params), query.limit],
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
            _gin_table(title_only),
            [
                [candidates_literal(Term((t,), term.prefix)) for t in term.tokens]
                for term in terms
            ],
        )
        query = _Query(terms, estimate, limit, title_only, columns)
        if not newest_first:
            if self._walks_range(cursor, estimate, where):
                checks, check_params = self._checks_sql(terms, title_only)
                return (
                    f"SELECT {columns} FROM {ENTRY_TABLE} e WHERE e.rank_key IS NOT"
                    f" NULL{scope[0]}{checks} LIMIT %s",
                    [*scope[1], *check_params, limit],
                )
            months = self._range_months(cursor, where)
            sql, params = self._gin_sql(query, scope, "", months)
            return f"{sql} LIMIT %s", [*params, limit]
        window = self._walk_window(estimate, limit)
        if window is not None:
            return self._window_sql(query, scope, window)
        return self._by_months_sql(cursor, query, scope, where)

    def _window_sql(
        self, query: _Query, scope: tuple[str, list[Any]], window: int
    ) -> tuple[str, list[Any]]:
        """The newest `window` entries in scope checked one by one; GIN answers
        for the older ones only if the window held fewer than `limit` matches
        (one `UNION ALL` under `LIMIT`, as in `_by_months_sql`)."""
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
        cursor.execute(
            "SELECT SUM(pg_total_relation_size(t)) FROM unnest(%s::regclass[]) t",
            [list(TABLES)],
        )
        row = cursor.fetchone()
        return int(row[0]) if row else None
