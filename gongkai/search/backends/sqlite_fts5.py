"""SQLite FTS5 over the application's tokens (tokenizer unicode61 only splits
on the spaces we put between them; it never sees raw Chinese text).

Three contentless tables share one rowid, the entry's rank key
(`gongkai.search.keys`), so "newest first" is FTS5's own descending rowid
order and a `LIMIT` stops the scan early:

- `search_fts(title, body)`: character pairs with positions (phrases);
- `search_fts_title(title)`: the title pairs again, so that title matches
  walk title lists only, not the body lists of every document;
- `search_fts_chars(text)`: each distinct Chinese character once, without
  positions, for 1-character queries (a prefix query would merge the lists
  of every pair starting with the character before returning anything).

Contentless tables keep no copy of the tokens (half the size, faster
writes); a delete passes the tokens again, recomputed from the stored entry
(`indexing._stored_row`).
"""

from __future__ import annotations

import re
from typing import Any

from ..text import CJK
from .base import (
    ENTRY_TABLE,
    IndexRow,
    SearchBackend,
    Term,
    Where,
)

TABLE = "search_fts"
TITLE_TABLE = "search_fts_title"
CHARS_TABLE = "search_fts_chars"
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'"
CREATE_SQL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    f"title, body, content='', columnsize=0, {TOKENIZE})",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLE_TABLE} USING fts5("
    f"title, content='', columnsize=0, {TOKENIZE})",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {CHARS_TABLE} USING fts5("
    f"text, content='', columnsize=0, detail=none, {TOKENIZE})",
    # Larger in-memory segments: fewer merges when a rebuild writes millions.
    f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('hashsize', 67108864)",
]
DROP_SQL = [f"DROP TABLE IF EXISTS {t}" for t in (TABLE, TITLE_TABLE, CHARS_TABLE)]
CJK_CHAR = re.compile(f"[{CJK}]")
COVERING_INDEX = "search_entry_rank_cover"  # SearchEntry.Meta.indexes


def _term_expression(term: Term) -> str:
    # Tokens hold only letters and digits (text.RUN), so quoting is safe.
    phrase = '"' + " ".join(term.tokens) + '"'
    return phrase + "*" if term.prefix else phrase


def fts5_expression(terms: list[Term], *, title_only: bool = False) -> str:
    expression = " AND ".join(_term_expression(t) for t in terms)
    return f"{{title}} : ({expression})" if title_only else expression


def chars_tokens(row: IndexRow) -> str:
    # The distinct characters first (C speed), then the Chinese among them.
    return " ".join(CJK_CHAR.findall("".join(set(row.title + row.body))))


def _chars_expression(terms: list[Term]) -> str:
    return " AND ".join(f'"{t.tokens[0]}"' for t in terms)


def _plan(terms: list[Term], title_only: bool) -> tuple[str, str]:
    """(table, expression) for a query. Single characters beside longer
    terms stay prefixes of pairs: checking them in the characters table row
    by row costs more than FTS5's merged prefix list."""
    if title_only:
        return TITLE_TABLE, fts5_expression(terms, title_only=True)
    if all(t.prefix for t in terms):
        return CHARS_TABLE, _chars_expression(terms)
    return TABLE, fts5_expression(terms)


class SqliteFts5Backend(SearchBackend):
    vendor = "sqlite"

    def write(self, cursor: Any, rows: list[IndexRow]) -> None:
        self._apply(cursor, rows, "")

    def delete(self, cursor: Any, rows: list[IndexRow]) -> None:
        self._apply(cursor, rows, "delete")

    def _apply(self, cursor: Any, rows: list[IndexRow], command: str) -> None:
        tables = (
            (TABLE, "title, body", lambda r: (r.title, r.body)),
            (TITLE_TABLE, "title", lambda r: (r.title,)),
            (CHARS_TABLE, "text", lambda r: (chars_tokens(r),)),
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

    def bulk_start(self, cursor: Any) -> None:
        # A rebuild can be repeated: durability of each batch is not needed.
        # (SQLite refuses the change inside a transaction, e.g. in tests.)
        if not cursor.db.in_atomic_block:
            cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA cache_size = -262144")

    def bulk_end(self, cursor: Any) -> None:
        if not cursor.db.in_atomic_block:
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA cache_size = -2000")

    def top_sql(
        self,
        terms: list[Term],
        where: Where,
        limit: int,
        title_only: bool,
        columns: str,
    ) -> tuple[str, list[Any]]:
        table, expression = _plan(terms, title_only)
        key_sql, key_params = where.key_sql(f"{table}.rowid")
        # CROSS JOIN fixes the order: FTS5 outside, in rowid order; the entry
        # (filters, and no stale index rows) is looked up per match in the
        # covering index, which holds every column fetched (not the row).
        return (
            f"SELECT {columns} FROM {table} CROSS JOIN {ENTRY_TABLE} e "
            f"INDEXED BY {COVERING_INDEX} "
            f"ON e.rank_key = {table}.rowid WHERE {table} MATCH %s"
            f"{key_sql}{where.sql} ORDER BY {table}.rowid DESC LIMIT %s",
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
