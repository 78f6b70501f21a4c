"""SQLite: the distinct characters of an entry move from their own table
into a `chars` column of both FTS5 tables (1-character terms beside other
terms, and in titles, stop being prefix queries). Tokens are rewritten from
the stored entries; PostgreSQL is unchanged."""

from django.db import migrations


def rewrite(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from gongkai.search.indexing import reindex_stored

    reindex_stored()


class Migration(migrations.Migration):
    dependencies = [("search", "0005_entry_rank_cover")]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
