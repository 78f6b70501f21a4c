"""How documents (and 政策解读, which are documents) appear in search.

The search app sits below documents and imports nothing from it: this
module declares what is searchable and registers it at AppConfig.ready.
`search_index_changed` is the single place the document services tell the
index that a document's status changed (called from
`services._transitions.apply_transition`); the index is updated when the
transaction commits, and only public documents are ever written to it.
"""

from __future__ import annotations

import contextlib
import functools
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import get_script_prefix, get_urlconf, reverse

from gongkai.search.indexing import index_on_commit
from gongkai.search.registry import IndexedFields, Searchable, register

from .body import html_to_text
from .doc_numbers import normalise_doc_number
from .models import ContentType, Document, Genre, Topic, Validity
from .workflow import PUBLIC_STATUSES

KEY = "documents.document"
# Validities that rank below documents in force at equal relevance.
NOT_IN_FORCE = frozenset({Validity.INVALID, Validity.REPEALED})


def public_documents() -> QuerySet[Document]:
    return (
        Document.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("topic")
        .prefetch_related("attachments")
    )


def is_public(document: Document) -> bool:
    return document.status in PUBLIC_STATUSES


def index_number_key(value: str) -> str:
    return "idx:" + "".join(unicodedata.normalize("NFKC", value).split()).upper()


def doc_number_key(canonical: str) -> str:
    return "doc:" + canonical


def query_keys(query: str) -> list[str]:
    """Exact-lookup keys of a query: its 发文字号 in any bracket form, or an 索引号.
    Both always hold digits (a year, a serial): other queries have none, and
    cost no lookup."""
    if not any(c.isdigit() for c in query):
        return []
    keys = [index_number_key(query)]
    with contextlib.suppress(ValidationError):
        keys.append(doc_number_key(normalise_doc_number(query)))
    return keys


_PK_MARK = 987654321987


@functools.lru_cache(maxsize=16)
def _url_template(prefix: str, urlconf: object) -> str:
    return reverse("public:document", args=[_PK_MARK])


def document_url(document: Document) -> str:
    """`Document.get_absolute_url` without resolving the pattern for every
    document (a rebuild indexes millions): resolved once per script prefix."""
    template = _url_template(get_script_prefix(), get_urlconf())
    return template.replace(str(_PK_MARK), str(document.pk))


def document_entry(document: Document) -> IndexedFields:
    keys = [index_number_key(document.index_number)]
    if document.doc_number:
        try:
            keys.append(doc_number_key(normalise_doc_number(document.doc_number)))
        except ValidationError:
            keys.append(doc_number_key(document.doc_number))
    attachments = " ".join(a.extracted_text for a in document.attachments.all())
    topic = document.topic
    return IndexedFields(
        title=document.title,
        body="\n".join(
            part
            for part in (
                document.keywords,
                document.summary,
                html_to_text(document.body),
                attachments,
            )
            if part
        ),
        url=document_url(document),
        content_type=document.content_type,
        organisation_id=document.organisation_id,
        published_on=document.published_on,
        topic_id=topic.pk if topic else None,
        topic_parent_id=topic.parent_id if topic else None,
        genre=document.genre,
        validity=document.validity,
        in_force=document.validity not in NOT_IN_FORCE,
        doc_number=document.doc_number,
        index_number=document.index_number,
        exact_keys=tuple(keys),
    )


_CHOICES: dict[str, Any] = {
    "genre": Genre,
    "validity": Validity,
    "type": ContentType,
}


@functools.cache
def _choice_labels(facet: str) -> Mapping[str, Any]:
    """Value → label (lazy: translated when shown) of a choices facet."""
    choices = _CHOICES.get(facet)
    return dict(choices.choices) if choices is not None else {}


def facet_labels(facet: str, values: Iterable[str]) -> Mapping[str, str]:
    if facet == "topic":
        ids = [int(v) for v in values if v.isdigit()]
        if not ids:
            return {}
        return {
            str(t.pk): t.path_label
            for t in Topic.objects.filter(pk__in=ids).select_related("parent")
        }
    labels = _choice_labels(facet)
    return {v: str(labels[v]) for v in values if v in labels}


def search_register() -> None:
    register(
        Searchable(
            key=KEY,
            public_queryset=public_documents,
            is_public=is_public,
            entry=document_entry,
            exact_keys=query_keys,
            facet_labels=facet_labels,
        )
    )


def search_index_changed(*documents: Document) -> None:
    """Re-index or remove `documents` when the current transaction commits."""
    index_on_commit(*documents)
