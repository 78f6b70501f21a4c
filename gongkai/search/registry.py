"""What a content type declares to be searchable (search imports no domain app).

A domain app registers each searchable model once, at `AppConfig.ready`:

    register(Searchable(
        key="documents.document",
        public_queryset=lambda: Document.objects.filter(status__in=PUBLIC),
        is_public=lambda doc: doc.status in PUBLIC,
        entry=document_entry,          # object → IndexedFields
        exact_keys=query_keys,         # query → normalised lookup keys
        facet_labels=labels,           # (facet, values) → {value: label}
    ))

Boosts are fixed by field role: a match in `title` ranks above one in `body`
(see `ranking`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class IndexedFields:
    """One object as the index sees it."""

    title: str
    body: str  # plain text: summary, keywords, body, attachment text …
    url: str
    content_type: str
    organisation_id: int | None = None
    published_on: date | None = None
    topic_id: int | None = None
    topic_parent_id: int | None = None
    genre: str = ""
    validity: str = ""
    in_force: bool = True  # repealed/invalid rank below in-force documents
    doc_number: str = ""
    index_number: str = ""
    exact_keys: tuple[str, ...] = ()  # already normalised by `Searchable.exact_keys`


def _no_keys(query: str) -> list[str]:
    return []


def _no_labels(facet: str, values: Iterable[str]) -> Mapping[str, str]:
    return {}


@dataclass(frozen=True)
class Searchable:
    key: str
    public_queryset: Callable[[], QuerySet[Any]]
    is_public: Callable[[Any], bool]
    entry: Callable[[Any], IndexedFields]
    exact_keys: Callable[[str], list[str]] = field(default=_no_keys)
    facet_labels: Callable[[str, Iterable[str]], Mapping[str, str]] = field(
        default=_no_labels
    )


_registry: dict[str, Searchable] = {}
_version = 0


def register(searchable: Searchable) -> None:
    global _version
    _registry[searchable.key] = searchable
    _version += 1


def version() -> int:
    """Changes with every registration (cached query analyses use it)."""
    return _version


def registered() -> list[Searchable]:
    return list(_registry.values())


def get(key: str) -> Searchable:
    return _registry[key]


def key_of(obj: Model) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"
