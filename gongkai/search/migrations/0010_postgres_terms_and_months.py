"""PostgreSQL: a terms table (every token of an entry once, its characters
and its month of publication) answers a whole query in one GIN lookup, and
a titles table the title-only terms; both are GIN-indexed, the positional
rows no longer. Tokens are rewritten from the stored entries; SQLite is
unchanged."""

from django.db import migrations


def rewrite(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from gongkai.search.backends.postgres import CREATE_SQL, OLD_INDEXES
    from gongkai.search.indexing import reindex_stored

    for index in OLD_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
    for statement in CREATE_SQL:
        schema_editor.execute(statement)
    reindex_stored()


class Migration(migrations.Migration):
    dependencies = [("search", "0009_postgres_char_lexemes")]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
