"""SQLite: the FTS5 tables use the ascii tokenizer (the same tokens as
unicode61 on our space-separated tokens, less work per character). Tokens are
rewritten from the stored entries; PostgreSQL is unchanged."""

from django.db import migrations


def rewrite(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from gongkai.search.indexing import reindex_stored

    reindex_stored()


class Migration(migrations.Migration):
    dependencies = [("search", "0007_facet_group")]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
