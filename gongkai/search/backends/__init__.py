"""The backend is chosen by the database vendor: nothing to configure."""

from __future__ import annotations

from django.db import connection

from .base import SearchBackend, Term
from .postgres import PostgresBackend
from .sqlite_fts5 import SqliteFts5Backend

__all__ = ["SearchBackend", "Term", "get_backend"]

_BACKENDS: dict[str, type[SearchBackend]] = {
    "sqlite": SqliteFts5Backend,
    "postgresql": PostgresBackend,
}


def get_backend() -> SearchBackend:
    try:
        return _BACKENDS[connection.vendor]()
    except KeyError:
        raise NotImplementedError(
            f"no search backend for database vendor {connection.vendor!r}"
        ) from None
