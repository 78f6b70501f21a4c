"""The interface every search backend implements.

The application analyses text (`gongkai.search.text`) and hands backends
ready-made tokens, so both backends match exactly the same documents: a
query is a conjunction of `Term`s, each the phrase of its tokens (or, for a
single character, a prefix), satisfied inside the title or inside the body.
Ranking is done by the application over a bounded candidate set (`ranking`),
not by FTS5's bm25 nor PostgreSQL's ts_rank, which disagree with each other.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Term:
    tokens: tuple[str, ...]
    prefix: bool = False  # a lone character: matches every pair starting with it


class SearchBackend(ABC):
    """Stores tokens per entry id and answers "which ids match"."""

    vendor: str

    @abstractmethod
    def replace(self, cursor: Any, entry_id: int, title: str, body: str) -> None:
        """(Re)write the tokens of one entry; `title`/`body` are space-separated."""

    @abstractmethod
    def insert_many(self, cursor: Any, rows: list[tuple[int, str, str]]) -> None:
        """Add (entry_id, title, body) rows for entries not yet in the index."""

    @abstractmethod
    def delete(self, cursor: Any, entry_ids: list[int]) -> None: ...

    @abstractmethod
    def clear(self, cursor: Any) -> None: ...

    @abstractmethod
    def match_sql(
        self, terms: list[Term], *, title_only: bool = False
    ) -> tuple[str, list[Any]]:
        """SQL selecting the ids of entries that contain every term."""

    hits_table = "search_hits"

    @abstractmethod
    def hits_store(self, cursor: Any, terms: list[Term], extra_ids: list[int]) -> None:
        """Put the ids of the entries matching `terms` (plus `extra_ids`) into
        the connection's temporary table `hits_table`, so that one search
        evaluates the full-text match once, however many queries (count,
        facets, candidates) it then runs over the matches. Valid until the
        next call on the same connection."""

    @abstractmethod
    def size_bytes(self, cursor: Any) -> int | None: ...
