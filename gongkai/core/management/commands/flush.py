"""`flush` that can still empty the append-only audit table on SQLite.

Migration core.0002 puts triggers on core_auditevent that refuse UPDATE and
DELETE. On PostgreSQL Django's flush uses TRUNCATE, which those row triggers
do not see. On SQLite flush is `DELETE FROM`, which a trigger cannot tell
apart from deleting one row, so this command lifts the triggers, runs
Django's flush and re-creates them from their stored definitions, all in one
transaction: no other connection ever sees the table unguarded, and a failed
flush leaves the triggers in place. (TransactionTestCase calls `flush` by
name between tests, so test teardown goes through here too.)
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands import flush
from django.db import connections, transaction

AUDIT_TABLE = "core_auditevent"


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        database = options["database"]
        connection = connections[database]
        if connection.vendor != "sqlite":
            super().handle(**options)
            return
        with transaction.atomic(using=database):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT name, sql FROM sqlite_master "
                    "WHERE type = 'trigger' AND tbl_name = %s",
                    [AUDIT_TABLE],
                )
                triggers = cursor.fetchall()
                for name, _sql in triggers:
                    cursor.execute(f'DROP TRIGGER "{name}"')
            super().handle(**options)
            with connection.cursor() as cursor:
                for _name, sql in triggers:
                    cursor.execute(sql)
