"""The audit log: hash-chain verification, append-only triggers, admin."""

from __future__ import annotations

import threading
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from gongkai.core.audit import audit_record, audit_verify, event_hash
from gongkai.core.audit_types import AuditEventType
from gongkai.core.models import AuditEvent, OrganisationKind
from gongkai.core.services.organisations import (
    organisation_create,
    organisation_update,
)
from gongkai.core.tests.factories import OrganisationFactory

ON_POSTGRES = str(settings.DATABASES["default"]["ENGINE"]).endswith("postgresql")


def make_events(n: int) -> list[AuditEvent]:
    organisation = OrganisationFactory.create()
    return [
        audit_record(
            actor=None,
            event_type=AuditEventType.ORGANISATION_UPDATED,
            target=organisation,
            before={"office_phone": str(i)},
            after={"office_phone": str(i + 1)},
        )
        for i in range(n)
    ]


def verify() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def as_attacker(sql: str, params: list[str | int]) -> None:
    """Run `sql` with the append-only triggers out of the way.

    Someone with DBA rights can do this; the test transaction rolls it back.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER core_auditevent_no_update")
            cursor.execute("DROP TRIGGER core_auditevent_no_delete")
        else:
            # Fire the pending deferred FK checks first: PostgreSQL refuses to
            # alter a table with trigger events still queued.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "ALTER TABLE core_auditevent DISABLE TRIGGER core_auditevent_append_only"
            )
        cursor.execute(sql, params)


@pytest.mark.django_db
class TestVerify:
    def test_empty_log_is_intact(self):
        assert "已核验 0 条记录" in verify()

    def test_intact_chain(self):
        make_events(4)
        organisation_create(
            actor=None,
            parent=None,
            name="审计测试局",
            short_name="审计局",
            kind=OrganisationKind.CITY_DEPARTMENT,
            credit_code=OrganisationFactory.build().credit_code,
        )
        assert audit_verify() is None
        assert "已核验 5 条记录" in verify()

    def test_edited_row_is_named(self):
        events = make_events(5)
        as_attacker(
            "UPDATE core_auditevent SET target_repr = %s WHERE id = %s",
            ["篡改", events[2].pk],
        )
        with pytest.raises(CommandError) as excinfo:
            verify()
        assert f"#{events[2].pk}" in str(excinfo.value)
        assert "改动" in str(excinfo.value)
        assert excinfo.value.returncode == 1

    def test_edited_json_is_detected(self):
        events = make_events(3)
        as_attacker(
            "UPDATE core_auditevent SET after = %s WHERE id = %s",
            ['{"office_phone": "110"}', events[0].pk],
        )
        problem = audit_verify()
        assert problem is not None and problem.event_id == events[0].pk

    def test_rehashed_row_breaks_the_next_link(self):
        """Recomputing the edited row's own hash is caught at its successor."""
        events = make_events(4)
        victim = AuditEvent.objects.get(pk=events[1].pk)
        victim.target_repr = "篡改"
        as_attacker(
            "UPDATE core_auditevent SET target_repr = %s, hash = %s WHERE id = %s",
            ["篡改", event_hash(victim), victim.pk],
        )
        problem = audit_verify()
        assert problem is not None and problem.event_id == events[2].pk

    def test_deleted_middle_row_is_named(self):
        events = make_events(5)
        as_attacker("DELETE FROM core_auditevent WHERE id = %s", [events[2].pk])
        with pytest.raises(CommandError, match=f"#{events[2].pk}"):
            verify()

    def test_deleted_first_row_is_named(self):
        events = make_events(3)
        as_attacker("DELETE FROM core_auditevent WHERE id = %s", [events[0].pk])
        problem = audit_verify()
        assert problem is not None and problem.event_id == events[0].pk

    def test_deleted_last_row_is_named(self):
        events = make_events(5)
        as_attacker("DELETE FROM core_auditevent WHERE id = %s", [events[-1].pk])
        with pytest.raises(CommandError, match=f"#{events[-1].pk}"):
            verify()


@pytest.mark.django_db
class TestAppendOnly:
    def test_update_is_rejected_by_the_database(self):
        events = make_events(2)
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditEvent.objects.filter(pk=events[0].pk).update(target_repr="x")
        assert AuditEvent.objects.get(pk=events[0].pk).target_repr != "x"

    def test_delete_is_rejected_by_the_database(self):
        make_events(2)
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditEvent.objects.all().delete()
        assert AuditEvent.objects.count() == 2

    def test_raw_sql_is_rejected_too(self):
        events = make_events(1)
        with (
            pytest.raises(DatabaseError),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [events[0].pk])
        assert AuditEvent.objects.count() == 1

    def test_appending_still_works(self):
        make_events(3)
        assert AuditEvent.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_flush_still_empties_the_log_and_keeps_the_guard():
    with transaction.atomic():
        make_events(2)
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    with transaction.atomic():
        events = make_events(1)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=events[0].pk).delete()
    assert AuditEvent.objects.count() == 1


@pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_keep_a_valid_chain():
    organisation = OrganisationFactory.create()
    threads_count, per_thread = 8, 5
    barrier = threading.Barrier(threads_count)
    errors: list[BaseException] = []

    def worker(i: int) -> None:
        try:
            barrier.wait()
            for j in range(per_thread):
                if j % 2:
                    organisation_update(
                        actor=None,
                        organisation=organisation,
                        office_phone=f"0571-{i:02d}{j:05d}",
                    )
                else:
                    with transaction.atomic():
                        audit_record(
                            actor=None,
                            event_type=AuditEventType.ORGANISATION_UPDATED,
                            target=organisation,
                            after={"thread": i, "n": j},
                        )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert AuditEvent.objects.count() == threads_count * per_thread
    ids = list(AuditEvent.objects.values_list("id", flat=True))
    assert ids == list(range(1, threads_count * per_thread + 1))
    assert audit_verify() is None
    assert f"已核验 {threads_count * per_thread} 条记录" in verify()


@pytest.mark.django_db
class TestAdmin:
    def test_audit_events_are_read_only(self, admin_client):
        events = make_events(1)
        changelist = reverse("admin:core_auditevent_changelist")
        assert admin_client.get(changelist).status_code == 200
        assert admin_client.get(reverse("admin:core_auditevent_add")).status_code == 403
        change = reverse("admin:core_auditevent_change", args=[events[0].pk])
        response = admin_client.get(change)
        assert response.status_code == 200  # view-only
        response = admin_client.post(change, {"target_repr": "x"})
        assert response.status_code == 403
        delete = reverse("admin:core_auditevent_delete", args=[events[0].pk])
        assert admin_client.post(delete, {"post": "yes"}).status_code == 403
        assert AuditEvent.objects.get(pk=events[0].pk).target_repr != "x"
