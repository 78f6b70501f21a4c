"""transition_apply locks the row: two officers acting at once on PostgreSQL
give one transition and one InvalidTransition, never two outcomes."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from gongkai.applications import letters
from gongkai.applications.models import Application, ApplicationEvent
from gongkai.applications.services import application_reply
from gongkai.core.errors import InvalidTransition
from gongkai.core.models import AuditEvent, Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user

from .factories import ApplicationFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent writers with row locks need PostgreSQL (SQLite serialises)",
    ),
    pytest.mark.django_db(transaction=True),
]


def test_two_replies_at_once_give_one_outcome(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(letters, "letter_issue", lambda **kwargs: None)
    org = OrganisationFactory.create()
    app = ApplicationFactory.create(organisation=org, received_on=dt.date(2026, 6, 1))
    officers = [staff_user(Role.OFFICER, org) for _ in range(2)]
    barrier = threading.Barrier(2)
    results: list[str] = []

    def reply(officer: object, outcome: str) -> None:
        try:
            barrier.wait()
            application_reply(
                application=Application.objects.get(pk=app.pk),
                actor=officer,  # type: ignore[arg-type]
                outcome=outcome,
                replied_on=dt.date(2026, 6, 5),
            )
            results.append("ok")
        except InvalidTransition:
            results.append("invalid")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=reply, args=(officers[0], "disclosed")),
        threading.Thread(target=reply, args=(officers[1], "withheld_state_secret")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["invalid", "ok"]
    assert ApplicationEvent.objects.filter(application=app, kind="replied").count() == 1
    assert (
        AuditEvent.objects.filter(
            event_type="application.reply", target_id=str(app.pk)
        ).count()
        == 1
    )
