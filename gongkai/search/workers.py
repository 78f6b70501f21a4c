"""Worker processes of a rebuild (`rebuilding`).

Spawned, not forked: no connection or lock of the parent is inherited. This
module imports no model, so that a worker can load it before Django is set
up (the initializer is found by its module).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, TypeVar

from django.conf import settings
from django.db import connection

T = TypeVar("T")


def _start_worker(database: dict[str, Any]) -> None:
    """A worker's Django, on the database of the process that spawned it."""
    import django

    settings.DATABASES["default"] = database
    django.setup()


class Workers:
    """`submit(fn, *args)` → a future of `fn(*args)`; a context manager that
    starts `count` processes (none: computed at once, in-process)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        if self.count > 0:
            self._pool = ProcessPoolExecutor(
                self.count,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(dict(connection.settings_dict),),
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

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        if self._pool is not None:
            return self._pool.submit(fn, *args)
        done: Future[T] = Future()
        done.set_result(fn(*args))
        return done
