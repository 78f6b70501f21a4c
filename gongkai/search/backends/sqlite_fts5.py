"""SQLite FTS5 over the application's tokens (tokenizer unicode61 only splits
on the spaces we put between them; it never sees raw Chinese text)."""

from __future__ import annotations

from typing import Any

from .base import SearchBackend, Term

TABLE = "search_fts"
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 0')"
)
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"


def _term_expression(term: Term) -> str:
    # Tokens hold only letters and digits (text.RUN), so quoting is safe.
    phrase = '"' + " ".join(term.tokens) + '"'
    return phrase + "*" if term.prefix else phrase


def fts5_expression(terms: list[Term], *, title_only: bool = False) -> str:
    expression = " AND ".join(_term_expression(t) for t in terms)
    return f"{{title}} : ({expression})" if title_only else expression


class SqliteFts5Backend(SearchBackend):
    vendor = "sqlite"

    def replace(self, cursor: Any, entry_id: int, title: str, body: str) -> None:
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [entry_id])
        cursor.execute(
            f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
            [entry_id, title, body],
        )

    def insert_many(self, cursor: Any, rows: list[tuple[int, str, str]]) -> None:
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)", rows
        )

    def delete(self, cursor: Any, entry_ids: list[int]) -> None:
        for entry_id in entry_ids:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [entry_id])

    def clear(self, cursor: Any) -> None:
        # Far faster than DELETE on an FTS5 table (which updates every list).
        cursor.execute(DROP_SQL)
        cursor.execute(CREATE_SQL)

    def match_sql(
        self, terms: list[Term], *, title_only: bool = False
    ) -> tuple[str, list[Any]]:
        return (
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s",
            [fts5_expression(terms, title_only=title_only)],
        )

    def hits_store(self, cursor: Any, terms: list[Term], extra_ids: list[int]) -> None:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {self.hits_table} "
            "(id INTEGER PRIMARY KEY)"
        )
        cursor.execute(f"DELETE FROM {self.hits_table}")
        if terms:
            sql, params = self.match_sql(terms)
            cursor.execute(f"INSERT INTO {self.hits_table} (id) {sql}", params)
        if extra_ids:
            cursor.executemany(
                f"INSERT OR IGNORE INTO {self.hits_table} (id) VALUES (%s)",
                [(i,) for i in extra_ids],
            )

    def size_bytes(self, cursor: Any) -> int | None:
        try:
            cursor.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE %s", [f"{TABLE}%"]
            )
        except Exception:  # dbstat is optional in SQLite builds
            return None
        row = cursor.fetchone()
        return int(row[0]) if row and row[0] is not None else None
