# Make core_auditevent append-only in the database itself.
#
# The hash chain (`manage.py audit verify`) *detects* tampering; these
# triggers *prevent* ordinary writes through the application's connection
# (an ORM .update()/.delete() by mistake, an SQL injection with DML rights)
# from altering or removing audit rows. Someone with DDL rights can drop
# them, which is why verification does not rely on them.
#
# PostgreSQL: a row-level BEFORE UPDATE OR DELETE trigger. TRUNCATE is a
# separate statement and privilege and fires no row triggers, so Django's
# test flush (TRUNCATE) still works; production should grant the
# application role no TRUNCATE on core_auditevent.
#
# SQLite: a trigger cannot tell "wipe the whole database" from "delete one
# row", and Django's flush is `DELETE FROM core_auditevent`. The project
# therefore overrides the `flush` command (gongkai/core/management/commands/
# flush.py): inside one transaction it lifts these triggers, flushes and
# re-creates them from their stored definitions, so a deliberate full wipe
# works (test teardown included) and nothing else can delete audit rows.

from django.db import migrations

APPEND_ONLY_MESSAGE = "core_auditevent is append-only"

SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER core_auditevent_no_update
    BEFORE UPDATE ON core_auditevent
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END;
    """,
    f"""
    CREATE TRIGGER core_auditevent_no_delete
    BEFORE DELETE ON core_auditevent
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END;
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS core_auditevent_no_update;",
    "DROP TRIGGER IF EXISTS core_auditevent_no_delete;",
]

POSTGRESQL_FORWARD = [
    f"""
    CREATE OR REPLACE FUNCTION core_auditevent_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    """,
    """
    CREATE TRIGGER core_auditevent_append_only
    BEFORE UPDATE OR DELETE ON core_auditevent
    FOR EACH ROW EXECUTE FUNCTION core_auditevent_append_only();
    """,
]
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER IF EXISTS core_auditevent_append_only ON core_auditevent;",
    "DROP FUNCTION IF EXISTS core_auditevent_append_only();",
]

STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
    "postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_BACKWARD),
}


def _run(schema_editor, direction):
    statements = STATEMENTS.get(schema_editor.connection.vendor)
    if statements is None:
        return  # other databases: the hash chain still detects tampering
    for sql in statements[direction]:
        schema_editor.execute(sql)


def forward(apps, schema_editor):
    _run(schema_editor, 0)


def backward(apps, schema_editor):
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, backward, elidable=False),
    ]
