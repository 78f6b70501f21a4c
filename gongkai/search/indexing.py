"""Writing the index: one object or a batch (everything: `rebuilding`).

Callers in domain apps use `index_on_commit(obj)` after any change that may
alter an object's public visibility or content; it runs after the
transaction commits, and looks the object up again then, so the index
follows what was committed: public objects are (re)indexed, anything else
(draft, returned, withdrawn …) is removed. Only `Searchable.public_queryset`
and `is_public` decide what is public.

Every write also points the entry to its facet group and keeps the groups'
counts (`SearchGroupCount`) in step, in the same transaction
(`group_counts`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from typing import Any

from django.db import connection, transaction
from django.db.models import Model

from . import group_counts, registry
from .backends import get_backend
from .backends.base import IndexRow
from .keys import rank_key
from .models import SearchEntry, SearchKey, SearchText
from .registry import IndexedFields, Searchable
from .tokenizing import Texts, Tokens, tokens_of


def entry_of(searchable: Searchable, obj: Any, fields: IndexedFields) -> SearchEntry:
    return SearchEntry(
        model=searchable.key,
        object_id=obj.pk,
        content_type=fields.content_type,
        title=fields.title[:300],
        url=fields.url,
        organisation_id=fields.organisation_id,
        published_on=fields.published_on,
        year=fields.published_on.year if fields.published_on else None,
        topic_id_value=fields.topic_id,
        topic_parent_id_value=fields.topic_parent_id,
        genre=fields.genre,
        validity=fields.validity,
        in_force=fields.in_force,
        doc_number=fields.doc_number,
        index_number=fields.index_number,
    )


def index_texts(entry: SearchEntry, body: str) -> Texts:
    """What an entry is searched by, from what the entry stores: the same
    texts are tokenized to write and to delete (contentless FTS5 needs the
    tokens again to delete). The 发文字号 and 索引号 are searchable as text
    too (body column)."""
    return entry.title, " ".join([entry.doc_number, entry.index_number, body])


def _row(entry: SearchEntry, tokens: Tokens) -> IndexRow:
    assert entry.rank_key is not None
    return IndexRow(entry.pk, entry.rank_key, *tokens)


def index_row(entry: SearchEntry, body: str) -> IndexRow:
    return _row(entry, tokens_of([index_texts(entry, body)])[0])


# What `index_texts` reads (also in migrations, before later columns exist).
INDEXED_FIELDS = ("pk", "rank_key", "title", "doc_number", "index_number")


def _stored_rows(entry_ids: list[int]) -> list[IndexRow]:
    entries = SearchEntry.objects.filter(pk__in=entry_ids, rank_key__isnull=False).only(
        *INDEXED_FIELDS
    )
    bodies = dict(
        SearchText.objects.filter(entry_id__in=entry_ids).values_list(
            "entry_id", "text"
        )
    )
    return [index_row(e, bodies.get(e.pk, "")) for e in entries]


def _keys(entry: SearchEntry, fields: IndexedFields) -> list[SearchKey]:
    return [SearchKey(entry=entry, key=k) for k in dict.fromkeys(fields.exact_keys)]


def _write(searchable: Searchable, obj: Any, fields: IndexedFields) -> SearchEntry:
    entry = entry_of(searchable, obj, fields)
    existing = SearchEntry.objects.filter(model=searchable.key, object_id=obj.pk)
    entry.pk = existing.values_list("pk", flat=True).first()
    backend = get_backend()
    group_counts.assign([entry])
    if entry.pk is not None:
        _unindex([entry.pk])
        entry.save(force_update=True)
    else:
        entry.save(force_insert=True)
    entry.rank_key = rank_key(entry.published_on, entry.pk)
    entry.save(update_fields=["rank_key"])
    group_counts.add([entry], 1)
    SearchKey.objects.filter(entry=entry).delete()
    SearchKey.objects.bulk_create(_keys(entry, fields))
    SearchText.objects.update_or_create(entry=entry, defaults={"text": fields.body})
    with connection.cursor() as cursor:
        backend.write(cursor, [index_row(entry, fields.body)])
    return entry


def _unindex(entry_ids: list[int]) -> None:
    """Remove the tokens and the group counts of entries (rows stay)."""
    entries = list(SearchEntry.objects.filter(pk__in=entry_ids))
    shards = {e.pk: e.shard for e in entries}
    rows = [replace(r, shard=shards[r.entry_id]) for r in _stored_rows(entry_ids)]
    if rows:
        with connection.cursor() as cursor:
            get_backend().delete(cursor, rows)
    group_counts.add(entries, -1)
    SearchEntry.objects.filter(pk__in=entry_ids).update(rank_key=None)


def _remove(key: str, object_ids: Iterable[Any]) -> None:
    entries = list(
        SearchEntry.objects.filter(
            model=key, object_id__in=list(object_ids)
        ).values_list("pk", flat=True)
    )
    if not entries:
        return
    _unindex(entries)
    SearchEntry.objects.filter(pk__in=entries).delete()


@transaction.atomic
def index_objects(key: str, object_ids: Iterable[Any]) -> None:
    """Bring the index in line with the database for these objects."""
    searchable = registry.get(key)
    ids = list(object_ids)
    public = {obj.pk: obj for obj in searchable.public_queryset().filter(pk__in=ids)}
    for obj in public.values():
        if searchable.is_public(obj):
            _write(searchable, obj, searchable.entry(obj))
    _remove(key, [pk for pk in ids if pk not in public])


def index_on_commit(*objects: Model) -> None:
    """Re-index (or remove) `objects` once the current transaction commits."""
    by_key: dict[str, list[Any]] = {}
    for obj in objects:
        by_key.setdefault(registry.key_of(obj), []).append(obj.pk)
    for key, ids in by_key.items():
        # robust: the change itself is committed; an indexing failure is
        # logged, not turned into an error page (`search rebuild` repairs it).
        transaction.on_commit(partial(index_objects, key, ids), robust=True)


def clear() -> None:
    """Remove every entry and its tokens (the start of a rebuild)."""
    with transaction.atomic(), connection.cursor() as cursor:
        get_backend().clear(cursor)
        # Plain DELETEs: the ORM's would first read every row it deletes.
        for model in (SearchKey, SearchText, SearchEntry):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")


def reindex_stored() -> None:
    """Give every entry its rank key and rewrite its tokens from what the
    entry stores (migration 0004, which made the FTS5 tables contentless,
    0006, which gave them a column of characters, 0008, which changed their
    tokenizer, 0009, which gave PostgreSQL's rows the characters, 0010,
    which gave PostgreSQL a terms table; groups: 0007). Every entry goes to
    the first shard: the migrations calling this precede `SearchEntry.shard`
    (0011), so no entry is in another one yet."""
    backend = get_backend()
    with connection.cursor() as cursor:
        backend.clear(cursor)
    entries = list(SearchEntry.objects.only("pk", "published_on"))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {SearchEntry._meta.db_table} SET rank_key = %s WHERE id = %s",
            [(rank_key(e.published_on, e.pk), e.pk) for e in entries],
        )
    ids = [e.pk for e in entries]
    for start in range(0, len(ids), 2000):
        rows = _stored_rows(ids[start : start + 2000])
        with connection.cursor() as cursor:
            backend.write(cursor, rows)
