"""The index tokens of entries, in worker processes while a rebuild writes.

Tokenizing (normalising, character pairs, distinct characters) costs about
as much CPU as SQLite spends storing the tokens, so a rebuild hands each
batch's texts to a worker process and writes the previous batch meanwhile:
on two cores both run at once. Nothing here touches the database, and
workers are spawned (not forked) so that no connection or lock of the
parent is inherited. With no workers the same function runs in-process.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from . import text

Texts = tuple[str, str]  # (title, body): the text an entry is searched by
Tokens = tuple[str, str, str]  # (title tokens, body tokens, distinct characters)


def tokens_of(texts: list[Texts]) -> list[Tokens]:
    out: list[Tokens] = []
    for title, body in texts:
        title_tokens, body_tokens = text.grams(title), text.grams(body)
        out.append(
            (title_tokens, body_tokens, text.distinct_chars(title_tokens + body_tokens))
        )
    return out


class Tokenizer:
    """`submit(texts)` → a future of `tokens_of(texts)`; a context manager
    that starts `workers` processes (none: computed at once, in-process)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Tokenizer:
        if self.workers > 0:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn")
            )
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def submit(self, texts: list[Texts]) -> Future[list[Tokens]]:
        if self._pool is not None:
            return self._pool.submit(tokens_of, texts)
        done: Future[list[Tokens]] = Future()
        done.set_result(tokens_of(texts))
        return done
