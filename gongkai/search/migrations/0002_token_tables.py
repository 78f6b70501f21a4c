"""The token store of each backend: an FTS5 virtual table on SQLite, a
tsvector table with a GIN index on PostgreSQL (gongkai/search/backends)."""

from django.db import migrations


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        from gongkai.search.backends.sqlite_fts5 import CREATE_SQL

        for statement in CREATE_SQL:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        from gongkai.search.backends.postgres import CREATE_SQL as STATEMENTS

        for statement in STATEMENTS:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        from gongkai.search.backends.sqlite_fts5 import DROP_SQL

        for statement in DROP_SQL:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        from gongkai.search.backends.postgres import DROP_SQL

        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
