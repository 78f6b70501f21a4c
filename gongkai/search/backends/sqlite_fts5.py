"""SQLite FTS5 over the application's tokens (the `ascii` tokenizer only splits
on the spaces we put between them and keeps every non-ASCII character as
part of a token; it never sees raw Chinese text, and does less per character
than unicode61, which would split the same way).

Two contentless tables share one rowid, the entry's rank key
(`gongkai.search.keys`), so "newest first" is FTS5's own descending rowid
order and a `LIMIT` stops the scan early:

- `search_fts(title, body, chars)`: character pairs with positions
  (phrases), and each distinct Chinese character of the entry once;
- `search_fts_title(title, chars)`: the same for the title alone, so that
  title matches walk title lists only, not the body lists of every document.

A 1-character term is looked up in `chars`: one list, where a prefix query
over the pairs would first merge the lists of every pair starting with the
character (200 ms for 的 over 50,000 documents, against 1 ms).

Contentless tables keep no copy of the tokens (half the size, faster
writes); a delete passes the tokens again, recomputed from the stored entry
(`indexing._stored_rows`).
"""

from __future__ import annotations

from typing import Any

from ..grams import distinct_chars
from .base import (
    ENTRY_TABLE,
    IndexRow,
    SearchBackend,
    Term,
    Where,
)

TABLE = "search_fts"
TITLE_TABLE = "search_fts_title"
OLD_CHARS_TABLE = "search_fts_chars"  # until migration 0006
TOKENIZE = "tokenize = 'ascii'"
CREATE_SQL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    f"title, body, chars, content='', columnsize=0, {TOKENIZE})",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLE_TABLE} USING fts5("
    f"title, chars, content='', columnsize=0, {TOKENIZE})",
    # Larger in-memory segments: fewer merges when a rebuild writes millions.
    f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('hashsize', 67108864)",
]
DROP_SQL = [f"DROP TABLE IF EXISTS {t}" for t in (TABLE, TITLE_TABLE, OLD_CHARS_TABLE)]
COVERING_INDEX = "search_entry_rank_cover"  # SearchEntry.Meta.indexes


def _term_expression(term: Term, columns: str) -> str:
    if term.prefix:
        return f'{{chars}} : "{term.tokens[0]}"'
    # Tokens hold only letters and digits (text.RUN), so quoting is safe.
    return f'{{{columns}}} : "' + " ".join(term.tokens) + '"'


def fts5_expression(terms: list[Term], *, title_only: bool = False) -> str:
    columns = "title" if title_only else "title body"
    return " AND ".join(_term_expression(t, columns) for t in terms)


class SqliteFts5Backend(SearchBackend):
    vendor = "sqlite"

    def write(self, cursor: Any, rows: list[IndexRow]) -> None:
        self._apply(cursor, rows, "")

    def delete(self, cursor: Any, rows: list[IndexRow]) -> None:
        self._apply(cursor, rows, "delete")

    def _apply(self, cursor: Any, rows: list[IndexRow], command: str) -> None:
        tables = (
            (
                TABLE,
                "title, body, chars",
                lambda r: (r.title, r.body, r.chars),
            ),
            (
                TITLE_TABLE,
                "title, chars",
                lambda r: (r.title, distinct_chars(r.title)),
            ),
        )
        for table, columns, values in tables:
            width = columns.count(",") + 2  # rowid and the columns
            if command:  # FTS5 commands name the table as a column
                columns, width = f"{table}, rowid, {columns}", width + 1
            else:
                columns = f"rowid, {columns}"
            marks = ", ".join(["%s"] * width)
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                [(*([command] if command else []), r.key, *values(r)) for r in rows],
            )

    def clear(self, cursor: Any) -> None:
        # Far faster than DELETE on an FTS5 table (which updates every list).
        for statement in [*DROP_SQL, *CREATE_SQL]:
            cursor.execute(statement)

    def entry_ids(self, cursor: Any, n: int) -> list[int]:
        # The table is AUTOINCREMENT: sqlite_sequence holds the largest id
        # ever used, and ids inserted above it move it on.
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [ENTRY_TABLE])
        row = cursor.fetchone()
        last = int(row[0]) if row else 0
        return list(range(last + 1, last + 1 + n))

    def bulk_start(self, cursor: Any) -> None:
        # A rebuild can be repeated: durability of each batch is not needed.
        # (SQLite refuses the change inside a transaction, e.g. in tests.)
        if not cursor.db.in_atomic_block:
            cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA cache_size = -262144")
        # No merging while the batches go in (each leaves a segment):
        # `bulk_end` merges them all once.
        self._merging(cursor, automerge=0, crisismerge=256)

    def _merging(self, cursor: Any, *, automerge: int, crisismerge: int) -> None:
        for table in (TABLE, TITLE_TABLE):
            for option, value in (
                ("automerge", automerge),
                ("crisismerge", crisismerge),
            ):
                cursor.execute(
                    f"INSERT INTO {table}({table}, rank) VALUES (%s, %s)",
                    [option, value],
                )

    def bulk_batch_end(self, cursor: Any) -> None:
        # The rebuild's workers read while this process writes, so the WAL
        # always has a reader and never starts over: it grew past 13 GB over
        # 1,000,000 documents. RESTART waits for the readers of the moment
        # (workers read a batch at a time) and lets the next batch write
        # from the WAL's start.
        if not cursor.db.in_atomic_block:
            cursor.execute("PRAGMA wal_checkpoint(RESTART)")

    def bulk_end(self, cursor: Any) -> None:
        # One segment per table instead of the dozens left by a batch per
        # commit: reading a term's list then needs no merging across
        # segments (queries 1.6-2.6x faster; 16 s for 100,000 documents).
        for table in (TABLE, TITLE_TABLE):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        # FTS5's defaults again, for the one-entry writes that follow.
        self._merging(cursor, automerge=4, crisismerge=16)
        if not cursor.db.in_atomic_block:
            cursor.execute("PRAGMA synchronous = NORMAL")
            # `optimize` rewrote the index through the WAL: empty it again.
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("PRAGMA cache_size = -2000")

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
        table = TITLE_TABLE if title_only else TABLE
        expression = fts5_expression(terms, title_only=title_only)
        key_sql, key_params = where.key_sql(f"{table}.rowid")
        order = f" ORDER BY {table}.rowid DESC" if newest_first else ""
        # CROSS JOIN fixes the order: FTS5 outside, in rowid order; the entry
        # (filters, and no stale index rows) is looked up per match in the
        # covering index, which holds every column fetched (not the row).
        return (
            f"SELECT {columns} FROM {table} CROSS JOIN {ENTRY_TABLE} e "
            f"INDEXED BY {COVERING_INDEX} "
            f"ON e.rank_key = {table}.rowid WHERE {table} MATCH %s"
            f"{key_sql}{where.sql}{order} LIMIT %s",
            [expression, *key_params, *where.params, limit],
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
