"""The case file read as the ledger's input (deadline.application_case_events)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.applications.choices import ConsultationKind
from gongkai.applications.deadline import application_case_events, application_ledger
from gongkai.applications.events import (
    ConsultationAnswered,
    ConsultationStarted,
    Corrected,
    CorrectionNoticed,
    Extended,
    FeeNoticed,
    FeePaid,
    Received,
    Replied,
)
from gongkai.applications.models import Application, ApplicationEvent

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db

D = dt.date


def add(app: Application, kind: str, on: dt.date, **data: object) -> None:
    ApplicationEvent.objects.create(application=app, kind=kind, on=on, data=data)


def test_every_clock_event_is_converted():
    app = ApplicationFactory.create(received_on=D(2026, 6, 1))
    add(app, "assigned", D(2026, 6, 1))  # not a clock event
    add(app, "correction_noticed", D(2026, 6, 2), deadline="2026-06-10")
    add(app, "corrected", D(2026, 6, 3))
    add(
        app,
        "consultation_started",
        D(2026, 6, 4),
        consultation_kind="co_producer",
        delivered_on="2026-06-05",
    )
    add(app, "consultation_answered", D(2026, 6, 8))
    add(app, "fee_noticed", D(2026, 6, 9), received_on="2026-06-10")
    add(app, "fee_paid", D(2026, 6, 11))
    add(app, "extended", D(2026, 6, 12), days=10)
    add(app, "replied", D(2026, 6, 20))
    add(app, "closed", D(2026, 6, 20))
    assert application_case_events(app) == [
        Received(D(2026, 6, 1)),
        CorrectionNoticed(D(2026, 6, 2), deadline=D(2026, 6, 10)),
        Corrected(D(2026, 6, 3)),
        ConsultationStarted(
            D(2026, 6, 4), kind=ConsultationKind.CO_PRODUCER, delivered_on=D(2026, 6, 5)
        ),
        ConsultationAnswered(D(2026, 6, 8)),
        FeeNoticed(issued_on=D(2026, 6, 9), received_on=D(2026, 6, 10)),
        FeePaid(D(2026, 6, 11)),
        Extended(D(2026, 6, 12), 10),
        Replied(D(2026, 6, 20)),
    ]
    ledger = application_ledger(app)
    assert ledger is not None and ledger.replied_on == D(2026, 6, 20)


def test_lodged_application_has_no_ledger():
    app = ApplicationFactory.create(lodged=True)
    assert application_case_events(app) == []
    assert application_ledger(app) is None
    app.refresh_from_db()
    assert app.due_on is None
