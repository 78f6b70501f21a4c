"""Writing the index: one object, a batch, or everything.

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

import itertools
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Model, QuerySet

from . import group_counts, registry
from .backends import get_backend
from .backends.base import IndexRow
from .keys import rank_key
from .models import SearchEntry, SearchKey, SearchText
from .registry import IndexedFields, Searchable
from .tokenizing import Texts, Tokenizer, Tokens, tokens_of


def _entry(searchable: Searchable, obj: Any, fields: IndexedFields) -> SearchEntry:
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
    entry = _entry(searchable, obj, fields)
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
    rows = _stored_rows(entry_ids)
    if rows:
        with connection.cursor() as cursor:
            get_backend().delete(cursor, rows)
    group_counts.add(list(SearchEntry.objects.filter(pk__in=entry_ids)), -1)
    SearchEntry.objects.filter(pk__in=entry_ids).update(rank_key=None)


@dataclass
class _Batch:
    """Objects of a rebuild batch, their entries (not saved yet) and the
    future of their tokens."""

    size: int
    entries: list[SearchEntry]
    fields: list[IndexedFields]
    tokens: Future[list[Tokens]]


def _prepare(
    searchable: Searchable, objects: list[Any], tokenizer: Tokenizer
) -> _Batch:
    public = [obj for obj in objects if searchable.is_public(obj)]
    fields = [searchable.entry(obj) for obj in public]
    entries = [_entry(searchable, o, f) for o, f in zip(public, fields, strict=True)]
    texts = [index_texts(e, f.body) for e, f in zip(entries, fields, strict=True)]
    return _Batch(len(objects), entries, fields, tokenizer.submit(texts))


@transaction.atomic
def _write_new(batch: _Batch) -> int:
    """Bulk path of `rebuild`: the index holds none of these objects yet."""
    group_counts.assign(batch.entries)
    entries = SearchEntry.objects.bulk_create(batch.entries)
    for entry in entries:
        entry.rank_key = rank_key(entry.published_on, entry.pk)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {SearchEntry._meta.db_table} SET rank_key = %s WHERE id = %s",
            [(entry.rank_key, entry.pk) for entry in entries],
        )
    written = list(zip(entries, batch.fields, strict=True))
    tokens = batch.tokens.result()
    rows = [_row(e, t) for e, t in zip(entries, tokens, strict=True)]
    with connection.cursor() as cursor:
        _insert(cursor, SearchKey, ("entry_id", "key"), _key_values(written))
        _insert(
            cursor,
            SearchText,
            ("entry_id", "text"),
            [(entry.pk, f.body) for entry, f in written],
        )
        get_backend().write(cursor, rows)
    return len(entries)


def _key_values(
    written: list[tuple[SearchEntry, IndexedFields]],
) -> list[tuple[Any, ...]]:
    return [(entry.pk, k) for entry, f in written for k in dict.fromkeys(f.exact_keys)]


def _insert(
    cursor: Any,
    model: type[Model],
    columns: tuple[str, ...],
    values: list[tuple[Any, ...]],
) -> None:
    """Plain INSERTs (a rebuild writes millions of rows: the ORM's bulk_create
    spends more time compiling them than the database storing them)."""
    if not values:
        return
    marks = ", ".join(["%s"] * len(columns))
    cursor.executemany(
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) VALUES ({marks})",
        values,
    )


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


def _batches(queryset: QuerySet[Any], size: int) -> Iterator[list[Any]]:
    """The queryset in pk order, one query per batch: no read transaction
    stays open across batches, so SQLite can checkpoint its WAL (a single
    long iterator let it grow to gigabytes and slowed every write). The pks
    are read first: "pk > last ORDER BY pk LIMIT n" under a status filter
    made SQLite sort every remaining row for each batch."""
    pks = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), size):
        chunk = pks[start : start + size]
        found = queryset.in_bulk(chunk)
        yield [found[pk] for pk in chunk if pk in found]


def _clear() -> None:
    with transaction.atomic():
        with connection.cursor() as cursor:
            get_backend().clear(cursor)
        SearchKey.objects.all().delete()
        SearchText.objects.all().delete()
        SearchEntry.objects.all().delete()


def rebuild_workers() -> int:
    """Tokenizing processes of a rebuild (`tokenizing`); 0 tokenizes inline."""
    default = min(4, (os.cpu_count() or 2) - 1)
    return int(settings.GONGKAI_SEARCH.get("rebuild_workers", default))


def rebuild(
    *, progress: Any = None, batch_size: int = 10_000, workers: int | None = None
) -> int:
    """Drop and rebuild the whole index; returns the number of entries.

    `progress` is an optional callable(total) returning an object with
    `update(n)` and `close()` (tqdm fits). While one batch is written the
    next is read and tokenized by `workers` processes (default
    `rebuild_workers()`).
    """
    backend = get_backend()
    _clear()
    count = 0
    with connection.cursor() as cursor:
        backend.bulk_start(cursor)
    try:
        with Tokenizer(rebuild_workers() if workers is None else workers) as tokenizer:
            for searchable in registry.registered():
                count += _rebuild_type(searchable, tokenizer, progress, batch_size)
        group_counts.recount()
    finally:
        with connection.cursor() as cursor:
            backend.bulk_end(cursor)
    return count


def _rebuild_type(
    searchable: Searchable, tokenizer: Tokenizer, progress: Any, batch_size: int
) -> int:
    queryset = searchable.public_queryset()
    bar = progress(queryset.count(), searchable.key) if progress else None
    count = 0
    pending: _Batch | None = None
    # The trailing None writes the last batch after the loop has read it.
    for objects in itertools.chain(_batches(queryset, batch_size), [None]):
        batch = None if objects is None else _prepare(searchable, objects, tokenizer)
        if pending is not None:
            count += _write_new(pending)
            if bar is not None:
                bar.update(pending.size)
        pending = batch
    if bar is not None:
        bar.close()
    return count


def reindex_stored(vendor: str) -> None:
    """Give every entry its rank key and rewrite its tokens from what the
    entry stores (migration 0004, which made the FTS5 tables contentless,
    and 0006, which gave them a column of characters; groups: 0007)."""
    if vendor == "sqlite":
        from .backends.sqlite_fts5 import CREATE_SQL, DROP_SQL

        with connection.cursor() as cursor:
            for statement in [*DROP_SQL, *CREATE_SQL]:
                cursor.execute(statement)
    entries = list(SearchEntry.objects.only("pk", "published_on"))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {SearchEntry._meta.db_table} SET rank_key = %s WHERE id = %s",
            [(rank_key(e.published_on, e.pk), e.pk) for e in entries],
        )
    if vendor == "sqlite":
        ids = [e.pk for e in entries]
        for start in range(0, len(ids), 2000):
            rows = _stored_rows(ids[start : start + 2000])
            with connection.cursor() as cursor:
                get_backend().write(cursor, rows)
