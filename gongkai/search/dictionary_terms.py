"""Administrator-added dictionary terms (SearchTerm) fed to the segmenter.

Every query checks a cheap signature of the table (count and latest change),
so a term added in the admin reaches every worker process at its next
search, not only the process that saved it.
"""

from __future__ import annotations

from django.db import DatabaseError, connection

from . import text
from .models import SearchTerm

_signature: tuple[int, object] | None = None


def _current_signature() -> tuple[int, object]:
    # Raw SQL: this runs before every search (an ORM aggregate costs more to
    # build than to run).
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*), MAX(created_at) FROM {SearchTerm._meta.db_table}"
        )
        n, latest = cursor.fetchone()
    return int(n), latest


def reload_terms() -> None:
    global _signature
    try:
        signature = _current_signature()
        terms = list(SearchTerm.objects.values_list("term", flat=True))
    except DatabaseError:  # table not migrated yet
        return
    text.set_extra_terms(terms)
    _signature = signature


def ensure_terms_loaded() -> None:
    try:
        current = _current_signature()
    except DatabaseError:
        return
    if current != _signature:
        reload_terms()
