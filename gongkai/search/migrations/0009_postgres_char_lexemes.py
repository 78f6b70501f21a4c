"""PostgreSQL: each entry's distinct characters become marked lexemes of its
rows (1-character terms without prefix queries), and title rows get a GIN
index of their own. Tokens are rewritten from the stored entries; SQLite is
unchanged."""

from django.db import migrations


def rewrite(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from gongkai.search.backends.postgres import CREATE_SQL
    from gongkai.search.indexing import reindex_stored

    for statement in CREATE_SQL:
        schema_editor.execute(statement)
    reindex_stored()


class Migration(migrations.Migration):
    dependencies = [("search", "0008_fts_ascii_tokenizer")]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
