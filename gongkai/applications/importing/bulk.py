"""Inserting many rows fast: values prepared once per field, then one
`executemany` (or multi-row INSERT … RETURNING) per batch on SQLite, COPY on
PostgreSQL.

`QuerySet.bulk_create` compiles every value of every row through the SQL
compiler; for 200,000 case-file events that is most of an import's time.
Here each field gets one converter (dates and JSON by the backend's own
adapters) and the rows go to the cursor as tuples. Fields filled on save
(`auto_now_add`) get one timestamp for the whole import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone

Convert = Callable[[Any], Any]

PLAIN = (
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.IntegerField,
    models.ForeignKey,
)


def _converter(field: models.Field[Any, Any]) -> Convert:
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, PLAIN):
        return lambda value: value
    return lambda value: field.get_db_prep_save(value, connection)


def _fill(objs: Sequence[models.Model], fields: list[models.Field[Any, Any]]) -> None:
    now = timezone.now()
    for obj in objs:
        for field in fields:
            if getattr(field, "auto_now_add", False) or getattr(
                field, "auto_now", False
            ):
                setattr(obj, field.attname, now)
            elif isinstance(field, models.ForeignKey):
                # The related object was saved after being assigned.
                related = field.get_cached_value(obj, None)
                if related is not None and getattr(obj, field.attname) is None:
                    setattr(obj, field.attname, related.pk)


def _converted(
    converters: list[Convert], rows: Sequence[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    return [
        tuple(convert(v) for convert, v in zip(converters, row, strict=True))
        for row in rows
    ]


def _postgres_copy(
    model: type[models.Model],
    fields: list[models.Field[Any, Any]],
    rows: list[tuple[Any, ...]],
    returning: bool,
) -> list[Any]:
    """PostgreSQL: COPY; keys reserved from the table's sequence first, so
    concurrent inserts never collide with them."""
    quote = connection.ops.quote_name
    table = model._meta.db_table
    pk = model._meta.pk
    assert pk is not None
    pks: list[Any] = []
    with connection.cursor() as cursor:
        if returning:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) "
                "FROM generate_series(1, %s)",
                [quote(table), pk.column, len(rows)],
            )
            pks = sorted(r[0] for r in cursor.fetchall())
            fields = [pk, *fields]
            rows = [(key, *row) for key, row in zip(pks, rows, strict=True)]
        columns = ", ".join(quote(f.column) for f in fields)
        with cursor.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    return pks


def values_insert(
    model: type[models.Model],
    names: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    *,
    returning: bool = False,
    batch_size: int = 500,
) -> list[Any]:
    """INSERT plain tuples of Python values for the fields `names`
    (attnames); with `returning`, the new pks in insertion order."""
    by_name = {f.attname: f for f in model._meta.concrete_fields}
    fields = [by_name[name] for name in names]
    converters = [_converter(f) for f in fields]
    if not rows:
        return []
    if connection.vendor == "postgresql":
        return _postgres_copy(model, fields, _converted(converters, rows), returning)
    quote = connection.ops.quote_name
    head = "INSERT INTO {} ({})".format(
        quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    )
    row_marks = "(" + ", ".join(["%s"] * len(fields)) + ")"
    pk = model._meta.pk
    assert pk is not None
    pks: list[Any] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            chunk = _converted(converters, rows[start : start + batch_size])
            if not returning:
                cursor.executemany(f"{head} VALUES {row_marks}", chunk)
                continue
            marks = ", ".join([row_marks] * len(chunk))
            sql = f"{head} VALUES {marks} RETURNING {quote(pk.column)}"
            cursor.execute(sql, [value for row in chunk for value in row])
            # Keys are handed out in insertion order (SQLite rowid) even
            # where RETURNING's order is not fixed.
            pks += sorted(row[0] for row in cursor.fetchall())
    return pks


def rows_insert(
    model: type[models.Model],
    objs: Sequence[models.Model],
    *,
    returning: bool = False,
) -> None:
    """INSERT unsaved `objs` (the database gives the pk); with `returning`
    each object gets its pk."""
    if not objs:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    _fill(objs, fields)
    names = [f.attname for f in fields]
    rows = [tuple(getattr(obj, name) for name in names) for obj in objs]
    pks = values_insert(model, names, rows, returning=returning)
    for obj, new_pk in zip(objs, pks, strict=returning):
        obj.pk = new_pk
        obj._state.adding = False
