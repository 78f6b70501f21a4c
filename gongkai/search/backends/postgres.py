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
"""

from __future__ import annotations

from typing import Any

from .base import (
    ENTRY_TABLE,
    IndexRow,
    SearchBackend,
    Term,
    Where,
)

TABLE = "search_pgindex"
PART_TOKENS = 16000
OVERLAP = 256  # > the longest query (200 characters → ≤ 200 tokens)

CREATE_SQL = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        id bigserial PRIMARY KEY,
        entry_id bigint NOT NULL,
        is_title boolean NOT NULL,
        tsv tsvector NOT NULL
    )""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_tsv ON {TABLE} USING gin (tsv)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_entry ON {TABLE} (entry_id)",
]
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"


def _quote(token: str) -> str:
    return "'" + token.replace("'", "''").replace("\\", "\\\\") + "'"


def tsvector_literal(tokens: list[str]) -> str:
    positions: dict[str, list[int]] = {}
    for position, token in enumerate(tokens, start=1):
        positions.setdefault(token, []).append(position)
    return " ".join(
        f"{_quote(token)}:{','.join(map(str, found[:256]))}"
        for token, found in positions.items()
    )


def tsquery_literal(term: Term) -> str:
    if term.prefix:
        return f"{_quote(term.tokens[0])}:*"
    return " <-> ".join(_quote(t) for t in term.tokens)


def parts(tokens: list[str]) -> list[list[str]]:
    if len(tokens) <= PART_TOKENS:
        return [tokens]
    step = PART_TOKENS - OVERLAP
    return [tokens[i : i + PART_TOKENS] for i in range(0, len(tokens) - OVERLAP, step)]


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def write(self, cursor: Any, rows: list[IndexRow]) -> None:
        values: list[tuple[int, bool, str]] = []
        for row in rows:
            values.append((row.entry_id, True, tsvector_literal(row.title.split())))
            values.extend(
                (row.entry_id, False, tsvector_literal(part))
                for part in parts(row.body.split())
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

    def _match_sql(self, terms: list[Term], title_only: bool) -> tuple[str, list[Any]]:
        where = " AND is_title" if title_only else ""
        selects = [
            f"SELECT entry_id FROM {TABLE} WHERE tsv @@ %s::tsquery{where}"
            for _ in terms
        ]
        return " INTERSECT ".join(selects), [tsquery_literal(t) for t in terms]

    def top_sql(
        self,
        terms: list[Term],
        where: Where,
        limit: int,
        title_only: bool,
        columns: str,
        newest_first: bool = True,
    ) -> tuple[str, list[Any]]:
        match, params = self._match_sql(terms, title_only)
        key_sql, key_params = where.key_sql("e.rank_key")
        order = " ORDER BY e.rank_key DESC" if newest_first else ""
        return (
            f"SELECT {columns} FROM {ENTRY_TABLE} e WHERE e.id IN ({match})"
            f"{key_sql}{where.sql}{order} LIMIT %s",
            [*params, *key_params, *where.params, limit],
        )

    def size_bytes(self, cursor: Any) -> int | None:
        cursor.execute("SELECT pg_total_relation_size(%s)", [TABLE])
        row = cursor.fetchone()
        return int(row[0]) if row else None
