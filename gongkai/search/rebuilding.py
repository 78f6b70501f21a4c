"""Rebuilding the whole index (`python manage.py search rebuild`).

Everything but storing is done in worker processes: each batch of objects is
read, turned into entries (`Searchable.entry`), converted to the entry
table's column values and tokenized there (`prepare`), while the main
process writes the previous batch with plain INSERTs (`_write`): on two
cores both run at once. Workers are spawned (not forked), so no connection
or lock of the parent is inherited; they open their own connection to the
same database and see committed data only, so a rebuild inside a
transaction, or on an in-memory database (tests), prepares in-process.

SQLite lets one process write a database file at a time, and storing the
tokens was the main process's largest cost. Where the backend keeps its
index in several files (`SearchBackend.shards`), the batches take turns:
the tokens of batch n go to shard n mod shards, written by the worker that
prepared it unless that is the first shard (the main process's), and each
shard is optimized by a process of its own at the end.

Each batch's entry ids are reserved when it is handed to a worker
(`SearchBackend.entry_ids`), so the worker knows their rank keys; the main
process writes its entries, texts, lookup keys and (first shard) tokens in
one transaction per batch.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.backends.sqlite3.creation import DatabaseCreation as SqliteCreation
from django.db.models import Field, Model

from . import group_counts, registry
from .backends import get_backend
from .backends.base import IndexRow
from .group_counts import GroupValues
from .indexing import clear, entry_of, index_texts
from .keys import NO_DATE, rank_key
from .models import SearchEntry, SearchKey, SearchText
from .registry import IndexedFields
from .tokenizing import Tokens, tokens_of
from .workers import Workers

# Written by `_write` itself: the reserved id, the rank key, the facet group,
# the shard.
_OWN_COLUMNS = ("id", "rank_key", "facet_group", "shard")


def _prepared_fields() -> list[Field[Any, Any]]:
    return [
        f for f in SearchEntry._meta.concrete_fields if f.column not in _OWN_COLUMNS
    ]


@dataclass
class Prepared:
    """One batch, ready to be written: per entry its id, rank key, column
    values (`_prepared_fields`, as the database takes them), facet values,
    text, lookup keys and tokens (none if written to its shard already)."""

    size: int  # objects read (public or not), for the progress bar
    shard: int = 0
    ids: list[int] = field(default_factory=list)
    rank_keys: list[int] = field(default_factory=list)
    values: list[list[Any]] = field(default_factory=list)
    groups: list[GroupValues] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    keys: list[tuple[str, ...]] = field(default_factory=list)
    tokens: list[Tokens] = field(default_factory=list)


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """A batch makes hundreds of thousands of objects that reference counting
    frees; the cycle collector, run every 700 new objects, walked the ones
    alive again and again (a third of a worker's time). The few cycles
    left are collected after the batch."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect(0)  # the batch's objects are all young


def _public_entries(
    key: str, pks: list[Any]
) -> list[tuple[SearchEntry, IndexedFields]]:
    """The public objects among `pks`, as entries with their fields, oldest
    first."""
    searchable = registry.get(key)
    found = searchable.public_queryset().in_bulk(pks)
    objects = [found[pk] for pk in pks if pk in found]
    objects = [obj for obj in objects if searchable.is_public(obj)]
    # Oldest first: the ids reserved for the batch then give ascending rank
    # keys, the order FTS5 appends in (a smaller rowid than the last one
    # flushes its in-memory lists as a segment of their own: 40 % more time
    # for FTS5 on documents written in random date order) and the order the
    # rank-key indexes grow in.
    pairs = sorted(
        ((obj, searchable.entry(obj)) for obj in objects),
        key=lambda pair: pair[1].published_on or NO_DATE,
    )
    return [(entry_of(searchable, o, f), f) for o, f in pairs]


@_without_cycle_collection()
def prepare(key: str, pks: list[Any], ids: list[int], shard: int) -> Prepared:
    """Read the objects `pks` of searchable `key` and prepare the public ones,
    as entries `ids` (reserved, one per pk); tokens for a shard but the
    first are written here."""
    pairs = _public_entries(key, pks)
    entries = [e for e, _ in pairs]
    fields = [f for _, f in pairs]
    ids = ids[: len(entries)]
    keys = [rank_key(e.published_on, pk) for e, pk in zip(entries, ids, strict=True)]
    tokens = tokens_of([index_texts(e, f.body) for e, f in pairs])
    if shard:
        rows = [
            IndexRow(pk, k, *t, shard=shard)
            for pk, k, t in zip(ids, keys, tokens, strict=True)
        ]
        with connection.cursor() as cursor:
            get_backend().write_apart(cursor, rows)
        tokens = []
    columns = _prepared_fields()
    return Prepared(
        size=len(pks),
        shard=shard,
        ids=ids,
        rank_keys=keys,
        values=[
            [c.get_db_prep_save(c.pre_save(e, True), connection) for c in columns]
            for e in entries
        ],
        groups=[group_counts.values_of(e) for e in entries],
        bodies=[f.body for f in fields],
        keys=[tuple(dict.fromkeys(f.exact_keys)) for f in fields],
        tokens=tokens,
    )


def _insert(
    cursor: Any, model: type[Model], columns: list[str], values: list[Any]
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


def _insert_entries(cursor: Any, batch: Prepared) -> None:
    group_ids = group_counts.groups_for(batch.groups)
    _insert(
        cursor,
        SearchEntry,
        [*_OWN_COLUMNS, *(f.column for f in _prepared_fields())],
        [
            (pk, key, group_ids[group], batch.shard, *values)
            for pk, key, group, values in zip(
                batch.ids, batch.rank_keys, batch.groups, batch.values, strict=True
            )
        ],
    )


@transaction.atomic
def _write(batch: Prepared) -> int:
    """Bulk path: the index holds none of these objects yet."""
    if not batch.values:
        return 0
    ids = batch.ids
    with connection.cursor() as cursor:
        _insert_entries(cursor, batch)
        _insert(
            cursor,
            SearchText,
            ["entry_id", "text"],
            list(zip(ids, batch.bodies, strict=True)),
        )
        _insert(
            cursor,
            SearchKey,
            ["entry_id", "key"],
            [(pk, k) for pk, found in zip(ids, batch.keys, strict=True) for k in found],
        )
        if batch.tokens:
            get_backend().write(
                cursor,
                [
                    IndexRow(pk, key, *tokens)
                    for pk, key, tokens in zip(
                        ids, batch.rank_keys, batch.tokens, strict=True
                    )
                ],
            )
    return len(ids)


def rebuild_workers() -> int:
    """Preparing processes of a rebuild; 0 prepares in-process."""
    spare = (os.cpu_count() or 2) - 1
    # With shards, one more: a worker writing a shard leaves another to
    # prepare (SQLite, 100,000 documents on two cores: 1,944-2,114 docs/s
    # with two workers, 1,390 with one).
    default = min(4, spare + (get_backend().shards > 1))
    return int(settings.GONGKAI_SEARCH.get("rebuild_workers", default))


def usable_workers(requested: int) -> int:
    """Workers read through their own connection: committed data of a
    database other processes can open."""
    private = connection.vendor == "sqlite" and SqliteCreation.is_in_memory_db(
        connection.settings_dict["NAME"]
    )
    return 0 if private or connection.in_atomic_block else requested


def rebuild(
    *, progress: Any = None, batch_size: int = 10_000, workers: int | None = None
) -> int:
    """Drop and rebuild the whole index; returns the number of entries.

    `progress` is an optional callable(total, key) returning an object with
    `update(n)` and `close()` (tqdm fits). While one batch is written the
    next ones are prepared by `workers` processes (default
    `rebuild_workers()`).
    """
    backend = get_backend()
    clear()
    count = 0
    requested = rebuild_workers() if workers is None else workers
    pool = Workers(usable_workers(requested))
    with connection.cursor() as cursor:
        backend.bulk_start(cursor, shards_elsewhere=pool.count > 0)
    try:
        with pool:
            for searchable in registry.registered():
                count += _rebuild_type(searchable.key, pool, progress, batch_size)
            group_counts.recount()
            # Each shard by a process of its own, at once.
            others = [pool.submit(optimize, s) for s in range(1, backend.shards)]
            optimize(0)
            for done in others:
                done.result()
    finally:
        with connection.cursor() as cursor:
            backend.bulk_end(cursor)
    return count


def optimize(shard: int) -> None:
    with connection.cursor() as cursor:
        get_backend().optimize(cursor, shard)


def _chunks(key: str, size: int) -> Iterator[list[Any]]:
    """The public objects' pks in order, `size` at a time (read first: "pk >
    last ORDER BY pk LIMIT n" under a status filter made SQLite sort every
    remaining row for each batch)."""
    queryset = registry.get(key).public_queryset().order_by("pk")
    pks = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(pks), size):
        yield pks[start : start + size]


def _rebuild_type(key: str, pool: Workers, progress: Any, batch_size: int) -> int:
    chunks = list(_chunks(key, batch_size))
    bar = progress(sum(map(len, chunks)), key) if progress else None
    count = 0
    # A batch more than there are workers is prepared or waiting while one
    # is written: a worker writing a shard takes longer, and the others go
    # on meanwhile.
    ahead = pool.count + 1
    pending: deque[Future[Prepared]] = deque()
    backend = get_backend()
    for number, chunk in enumerate(chunks):
        with transaction.atomic(), connection.cursor() as cursor:
            ids = backend.entry_ids(cursor, len(chunk))
        shard = number % backend.shards
        pending.append(pool.submit(prepare, key, chunk, ids, shard))
        if len(pending) > ahead:
            count += _done(pending.popleft(), bar)
    while pending:
        count += _done(pending.popleft(), bar)
    if bar is not None:
        bar.close()
    return count


@_without_cycle_collection()
def _done(future: Future[Prepared], bar: Any) -> int:
    batch = future.result()
    written = _write(batch)
    with connection.cursor() as cursor:
        get_backend().bulk_batch_end(cursor)
    if bar is not None:
        bar.update(batch.size)
    return written
