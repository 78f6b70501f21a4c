"""Administrator-added dictionary terms (SearchTerm) fed to the segmenter."""

from __future__ import annotations

from django.db import DatabaseError

from . import text
from .models import SearchTerm

_loaded = False


def reload_terms() -> None:
    global _loaded
    try:
        terms = list(SearchTerm.objects.values_list("term", flat=True))
    except DatabaseError:  # table not migrated yet
        return
    text.set_extra_terms(terms)
    _loaded = True


def ensure_terms_loaded() -> None:
    if not _loaded:
        reload_terms()
