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

Both tables exist twice, in two database files (shards): the main database
and a second file beside it (`shard_file`), attached to every connection as
`search1`. SQLite lets one process write a file at a time; with two files a
rebuild writes the index with two processes (`rebuilding`), a third faster
on two cores. A query reads both shards at once (one compound SELECT that
merges their rowid orders, `top_sql`); `SearchEntry.shard` says which holds
an entry, and everything but a rebuild writes the main one, so a live change
commits in one file.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.sqlite3.creation import DatabaseCreation as SqliteCreation

from ..grams import distinct_chars
from .base import (
    ENTRY_TABLE,
    RANK_KEY,
    IndexRow,
    SearchBackend,
    Term,
    Where,
)

TABLE = "search_fts"
TITLE_TABLE = "search_fts_title"
OLD_CHARS_TABLE = "search_fts_chars"  # until migration 0006
TOKENIZE = "tokenize = 'ascii'"
# The schema of each shard on a connection; index = SearchEntry.shard.
SHARDS = ("main", "search1")
# How long a rebuild's worker waits while another writes the second shard
# (a batch takes seconds; workers take turns).
SHARD_WAIT_SECONDS = 120
# The rank key as the shards' matches are merged by (`top_sql`).
_KEY_ALIAS = "fts_key"


def create_sql(schema: str) -> list[str]:
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {schema}.{TABLE} USING fts5("
        f"title, body, chars, content='', columnsize=0, {TOKENIZE})",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {schema}.{TITLE_TABLE} USING fts5("
        f"title, chars, content='', columnsize=0, {TOKENIZE})",
        # Larger in-memory segments: fewer merges when a rebuild writes millions.
        f"INSERT INTO {schema}.{TABLE}({TABLE}, rank) VALUES ('hashsize', 67108864)",
    ]


def drop_sql(schema: str) -> list[str]:
    return [
        f"DROP TABLE IF EXISTS {schema}.{t}"
        for t in (TABLE, TITLE_TABLE, OLD_CHARS_TABLE)
    ]


CREATE_SQL = create_sql(SHARDS[0])  # migration 0002
DROP_SQL = drop_sql(SHARDS[0])
COVERING_INDEX = "search_entry_rank_cover"  # SearchEntry.Meta.indexes


def shard_file(name: str) -> str:
    """The second shard's database for the main database `name`: a file
    beside it (gongkai.sqlite3 → gongkai-search1.sqlite3), or another
    in-memory database beside an in-memory one (tests)."""
    if name in ("", ":memory:"):
        return ":memory:"
    if name.startswith("file:"):  # URI, e.g. Django's shared in-memory test database
        path, mark, query = name.partition("?")
        return f"{path}-{SHARDS[1]}{mark}{query}"
    main = Path(name)
    return str(main.with_name(f"{main.stem}-{SHARDS[1]}{main.suffix}"))


def attach_shards(connection: BaseDatabaseWrapper) -> None:
    """Attach the second shard (on every new connection, `apps`), creating
    its tables the first time."""
    schema = SHARDS[1]
    with connection.cursor() as cursor:
        cursor.execute(
            f"ATTACH DATABASE %s AS {schema}",
            [shard_file(connection.settings_dict["NAME"])],
        )
        cursor.execute(f"PRAGMA {schema}.synchronous = NORMAL")
        cursor.execute(f"SELECT 1 FROM {schema}.sqlite_master WHERE name = %s", [TABLE])
        if cursor.fetchone() is None:
            # The file keeps the mode (set here once: 0.2 ms a connection).
            cursor.execute(f"PRAGMA {schema}.journal_mode = WAL")
            for statement in create_sql(schema):
                cursor.execute(statement)


def _alone_possible(db: BaseDatabaseWrapper) -> bool:
    """Whether the second shard can be written on a connection of its own:
    not inside a transaction of `db` (tests), not in memory."""
    return not db.in_atomic_block and not SqliteCreation.is_in_memory_db(
        db.settings_dict["NAME"]
    )


@contextlib.contextmanager
def _second_shard_alone(db: BaseDatabaseWrapper) -> Iterator[sqlite3.Connection]:
    """The second shard's file on a connection of its own, for a rebuild's
    worker while the main process writes the main file. Attached, the file
    would be no use: Django begins IMMEDIATE transactions, which lock every
    attached file, and a deferred one fails at once ("database is locked")
    when another writer commits between FTS5's first read and its write."""
    alone = sqlite3.connect(
        shard_file(db.settings_dict["NAME"]),
        timeout=SHARD_WAIT_SECONDS,
        isolation_level=None,
    )
    try:
        # As `bulk_start` for the main file.
        alone.execute("PRAGMA synchronous = OFF")
        alone.execute("PRAGMA cache_size = -262144")
        yield alone
    finally:
        alone.close()


def _optimize(cursor: Any, schema: str, *, checkpoint: bool) -> None:
    # One segment per table instead of the dozens left by a batch per
    # commit: reading a term's list then needs no merging across
    # segments (queries 1.6-2.6x faster; 16 s for 100,000 documents).
    for table in (TABLE, TITLE_TABLE):
        cursor.execute(f"INSERT INTO {schema}.{table}({table}) VALUES ('optimize')")
    if checkpoint:  # `optimize` rewrote the shard through its WAL: empty it
        cursor.execute(f"PRAGMA {schema}.wal_checkpoint(TRUNCATE)")


def _insert_tokens(
    cursor: Any, schema: str, rows: list[IndexRow], command: str, mark: str
) -> None:
    """Rows into both tables of one shard (`command`: an FTS5 command such
    as 'delete', or "" to add)."""
    tables = (
        (TABLE, "title, body, chars", lambda r: (r.title, r.body, r.chars)),
        (TITLE_TABLE, "title, chars", lambda r: (r.title, distinct_chars(r.title))),
    )
    for table, columns, values in tables:
        width = columns.count(",") + 2  # rowid and the columns
        if command:  # FTS5 commands name the table as a column
            columns, width = f"{table}, rowid, {columns}", width + 1
        else:
            columns = f"rowid, {columns}"
        marks = ", ".join([mark] * width)
        cursor.executemany(
            f"INSERT INTO {schema}.{table} ({columns}) VALUES ({marks})",
            [(*([command] if command else []), r.key, *values(r)) for r in rows],
        )


def _attached(cursor: Any) -> list[str]:
    cursor.execute("PRAGMA database_list")
    names = {row[1] for row in cursor.fetchall()}
    return [s for s in SHARDS if s in names]


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
    shards = len(SHARDS)

    def write(self, cursor: Any, rows: list[IndexRow]) -> None:
        self._apply(cursor, rows, "")

    def write_apart(self, cursor: Any, rows: list[IndexRow]) -> None:
        if not _alone_possible(cursor.db):
            self.write(cursor, rows)
            return
        with _second_shard_alone(cursor.db) as alone:
            alone.execute("BEGIN IMMEDIATE")
            try:
                self._apply(alone, rows, "", schemas=("", "main"), mark="?")
            except BaseException:
                alone.execute("ROLLBACK")
                raise
            alone.execute("COMMIT")

    def delete(self, cursor: Any, rows: list[IndexRow]) -> None:
        self._apply(cursor, rows, "delete")

    def _apply(
        self,
        cursor: Any,
        rows: list[IndexRow],
        command: str,
        *,
        schemas: tuple[str, ...] = SHARDS,  # of each shard, on `cursor`
        mark: str = "%s",
    ) -> None:
        for shard, schema in enumerate(schemas):
            held = [r for r in rows if r.shard == shard]
            if held:
                _insert_tokens(cursor, schema, held, command, mark)

    def clear(self, cursor: Any) -> None:
        # Far faster than DELETE on an FTS5 table (which updates every list).
        for schema in _attached(cursor):
            for statement in [*drop_sql(schema), *create_sql(schema)]:
                cursor.execute(statement)

    def entry_ids(self, cursor: Any, n: int) -> list[int]:
        # The table is AUTOINCREMENT: sqlite_sequence holds the largest id
        # ever used; moving it on reserves the ids (no insert takes them).
        cursor.execute(
            "UPDATE sqlite_sequence SET seq = seq + %s WHERE name = %s RETURNING seq",
            [n, ENTRY_TABLE],
        )
        row = cursor.fetchone()
        if row is None:  # no entry inserted yet
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) "
                f"SELECT %s, COALESCE(MAX(id), 0) + %s FROM {ENTRY_TABLE} RETURNING seq",
                [ENTRY_TABLE, n],
            )
            row = cursor.fetchone()
        last = int(row[0])
        return list(range(last - n + 1, last + 1))

    def bulk_start(self, cursor: Any, *, shards_elsewhere: bool = False) -> None:
        # A rebuild can be repeated: durability of each batch is not needed.
        # (SQLite refuses the change inside a transaction, e.g. in tests.)
        if not cursor.db.in_atomic_block:
            cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA cache_size = -262144")
        # No merging while the batches go in (each leaves a segment):
        # `optimize` merges them all once.
        self._merging(cursor, automerge=0, crisismerge=256)
        if shards_elsewhere:
            # Attached, the other shards would be locked by every write
            # transaction of this connection (Django's are IMMEDIATE), and
            # the processes writing them would wait for each batch here.
            for schema in SHARDS[1:]:
                cursor.execute(f"DETACH DATABASE {schema}")

    def _merging(self, cursor: Any, *, automerge: int, crisismerge: int) -> None:
        for schema in _attached(cursor):
            for table in (TABLE, TITLE_TABLE):
                for option, value in (
                    ("automerge", automerge),
                    ("crisismerge", crisismerge),
                ):
                    cursor.execute(
                        f"INSERT INTO {schema}.{table}({table}, rank) VALUES (%s, %s)",
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

    def optimize(self, cursor: Any, shard: int) -> None:
        if shard and _alone_possible(cursor.db):
            with _second_shard_alone(cursor.db) as alone:
                _optimize(alone, "main", checkpoint=True)
        else:
            checkpoint = not cursor.db.in_atomic_block
            _optimize(cursor, SHARDS[shard], checkpoint=checkpoint)

    def bulk_end(self, cursor: Any) -> None:
        if SHARDS[1] not in _attached(cursor):
            attach_shards(cursor.db)
        # FTS5's defaults again, for the one-entry writes that follow.
        self._merging(cursor, automerge=4, crisismerge=16)
        if not cursor.db.in_atomic_block:
            for schema in SHARDS:
                cursor.execute(f"PRAGMA {schema}.synchronous = NORMAL")
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
        key_sql, key_params = where.key_sql("f.rowid")
        # The shards' matches are merged in rowid order, which the planner
        # sees only in FTS5's own rowid (the entry's equal key would be
        # sorted again, every match of each shard).
        keyed = columns.replace(RANK_KEY, f"f.rowid AS {_KEY_ALIAS}")
        order = f" ORDER BY {_KEY_ALIAS} DESC" if newest_first else ""
        if newest_first and keyed == columns:  # no key selected: order by rowid
            keyed = f"{columns}, f.rowid AS {_KEY_ALIAS}"
        # CROSS JOIN fixes the order: FTS5 outside, in rowid order; the entry
        # (filters, and no stale index rows) is looked up per match in the
        # covering index, which holds every column fetched (not the row).
        arms = [
            f"SELECT {keyed} FROM {schema}.{table} f CROSS JOIN {ENTRY_TABLE} e "
            f"INDEXED BY {COVERING_INDEX} "
            f"ON e.rank_key = f.rowid WHERE f.{table} MATCH %s{key_sql}{where.sql}"
            for schema in SHARDS
        ]
        arm_params = [expression, *key_params, *where.params]
        return (
            " UNION ALL ".join(arms) + f"{order} LIMIT %s",
            [*arm_params * len(arms), limit],
        )

    def size_bytes(self, cursor: Any) -> int | None:
        total = 0
        for schema in SHARDS:
            try:
                cursor.execute(
                    "SELECT SUM(pgsize) FROM dbstat WHERE schema = %s AND name LIKE %s",
                    [schema, f"{TABLE}%"],
                )
            except Exception:  # dbstat is optional in SQLite builds
                return None
            row = cursor.fetchone()
            total += int(row[0]) if row and row[0] is not None else 0
        return total
