"""The interface every search backend implements.

The application analyses text (`gongkai.search.text`) and hands backends
ready-made tokens, so both backends match exactly the same documents: a
query is a conjunction of `Term`s, each the phrase of its tokens (or, for a
single character, that character anywhere in the entry), satisfied inside
the title or inside the body.
Ranking is done by the application over a bounded candidate set (`ranking`),
not by FTS5's bm25 nor PostgreSQL's ts_rank, which disagree with each other.

Backends answer one question, `top`: the newest entries (by rank key,
`gongkai.search.keys`) that match, under a filter over the entry table, at
most `limit` of them (and, for checks within a key range already bounded,
the same without the order: `any_order`). Everything else (counts, facets,
candidates) is built from bounded calls of these (`matching`), so no search
evaluates every match.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

ENTRY_TABLE = "search_searchentry"


@dataclass(frozen=True)
class Term:
    tokens: tuple[str, ...]
    # A lone character: any entry containing it (FTS5: its `chars` column;
    # PostgreSQL: a marked lexeme, `#医`, of the terms and title rows).
    prefix: bool = False


@dataclass(frozen=True)
class IndexRow:
    """The tokens of one entry (space-separated, from `tokenizing.tokens_of`)."""

    entry_id: int
    key: int  # rank key
    title: str
    body: str
    chars: str  # the distinct Chinese characters of title and body
    shard: int = 0  # `SearchEntry.shard`


@dataclass(frozen=True)
class Where:
    """A filter over the entry table (alias `e`) and a range of rank keys."""

    sql: str = ""  # " AND …" fragments, %s placeholders
    params: tuple[Any, ...] = ()
    key_min: int | None = None  # inclusive
    key_max: int | None = None  # exclusive

    def key_sql(self, column: str) -> tuple[str, list[Any]]:
        sql, params = "", []
        if self.key_min is not None:
            sql += f" AND {column} >= %s"
            params.append(self.key_min)
        if self.key_max is not None:
            sql += f" AND {column} < %s"
            params.append(self.key_max)
        return sql, params


RANK_KEY = "e.rank_key"
KEY_COLUMNS = f"e.id, {RANK_KEY}, e.in_force"
# With the facet group of each match, counting the matches needs no second
# query (`group_counts`).
FOUND_COLUMNS = KEY_COLUMNS + ", e.facet_group"


def found_columns(groups: bool) -> str:
    """What `top` selects: the facet group only when groups are counted."""
    return FOUND_COLUMNS if groups else KEY_COLUMNS


@dataclass(frozen=True)
class Found:
    """Matching entries, newest first: (entry id, rank key), and each one's
    facet group (`SearchEntry.facet_group`) when asked for."""

    rows: list[tuple[int, int]] = field(default_factory=list)
    groups: list[int | None] = field(default_factory=list)
    not_in_force: frozenset[int] = frozenset()  # ids of repealed/invalid entries

    @classmethod
    def from_rows(cls, rows: list[tuple[Any, ...]]) -> Found:
        return cls(
            [(int(r[0]), int(r[1])) for r in rows],
            [r[3] for r in rows] if rows and len(rows[0]) > 3 else [],
            frozenset(int(r[0]) for r in rows if not r[2]),
        )

    def head(self, n: int) -> Found:
        return Found(self.rows[:n], self.groups[:n], self.not_in_force)

    @property
    def ids(self) -> list[int]:
        return [row[0] for row in self.rows]


class SearchBackend(ABC):
    """Stores tokens per entry and answers "which are the newest matches"."""

    vendor: str
    # Parts of the index that separate processes can write at once (a
    # rebuild's); an entry is in one (`IndexRow.shard`).
    shards: int = 1

    @abstractmethod
    def write(self, cursor: Any, rows: list[IndexRow]) -> None:
        """Add the tokens of entries not in the index (or just removed)."""

    def write_apart(self, cursor: Any, rows: list[IndexRow]) -> None:
        """`write`, in a transaction of its own unless in one already, by a
        rebuild's worker while the main process writes the first shard."""
        self.write(cursor, rows)

    @abstractmethod
    def delete(self, cursor: Any, rows: list[IndexRow]) -> None:
        """Remove entries; `rows` are the tokens they were written with."""

    @abstractmethod
    def clear(self, cursor: Any) -> None: ...

    @abstractmethod
    def entry_ids(self, cursor: Any, n: int) -> list[int]:
        """`n` ids no entry has had nor will be given (a rebuild reserves
        them for a batch before the batch is prepared, so that its rank keys
        and tokens can be written before its entries). PostgreSQL takes them
        from the sequence; SQLite moves its sequence on."""

    def bulk_start(self, cursor: Any, *, shards_elsewhere: bool = False) -> None:  # noqa: B027 (optional hook)
        """Before a rebuild writes everything (settings for bulk loading);
        `shards_elsewhere`: other processes write the shards but the first."""

    def optimize(self, cursor: Any, shard: int) -> None:  # noqa: B027 (optional hook)
        """After a rebuild has written `shard` (run for each shard at once,
        by separate processes)."""

    def bulk_batch_end(self, cursor: Any) -> None:  # noqa: B027 (optional hook)
        """After each committed batch of a rebuild."""

    def bulk_end(self, cursor: Any) -> None:  # noqa: B027 (optional hook)
        """After a rebuild."""

    def top(
        self,
        cursor: Any,
        terms: list[Term],
        *,
        where: Where,
        limit: int,
        title_only: bool = False,
        groups: bool = False,
    ) -> Found:
        """The newest `limit` entries containing every term (in the title when
        `title_only`) that pass `where`, by descending rank key; with their
        facet groups (`Found.groups`) if `groups`."""
        sql, params = self.top_sql(
            cursor, terms, where, limit, title_only, found_columns(groups)
        )
        return Found.from_rows(self.rows(cursor, sql, params))

    def any_order(
        self,
        cursor: Any,
        terms: list[Term],
        *,
        where: Where,
        limit: int,
        title_only: bool = False,
    ) -> set[int]:
        """Ids of at most `limit` matches under `where`, in no particular
        order: which of some candidates match, within the key range they
        span. FTS5 then walks its lists forwards, from the lower key bound,
        instead of newest first (which reads whole lists backwards: 63 → 0.2 ms
        for a 发文字号 phrase over 1,000,000 documents)."""
        sql, params = self.top_sql(
            cursor, terms, where, limit, title_only, "e.id", False
        )
        return {int(row[0]) for row in self.rows(cursor, sql, params)}

    def count(self, cursor: Any, terms: list[Term], *, where: Where, limit: int) -> int:
        """How many entries `top` would return (the rows are not fetched)."""
        sql, params = self.top_sql(cursor, terms, where, limit, False, "1")
        return int(self.rows(cursor, f"SELECT COUNT(*) FROM ({sql}) m", params)[0][0])

    def rows(self, cursor: Any, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        """Run a query of `top_sql` (a backend may set how it is planned)."""
        cursor.execute(sql, params)
        return list(cursor.fetchall())

    @abstractmethod
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
        """SELECT `columns` (over the entry table, alias `e`) of the matches
        of `top`, at most `limit`, newest first unless not `newest_first`
        (`cursor` for a backend that asks the database how to plan it)."""

    @abstractmethod
    def size_bytes(self, cursor: Any) -> int | None: ...
