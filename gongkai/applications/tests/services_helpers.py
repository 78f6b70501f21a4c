"""Fixtures and helpers shared by the service, selector and deadline tests.

`fast_letters` replaces the PDF rendering (WeasyPrint, slow) by a stub: the
service tests check that a letter of the right kind is issued, the letter
tests check its content.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from gongkai.applications.models import Application
from gongkai.core.models import AuditEvent, Organisation, Role, User
from gongkai.core.services.calendar import calendar_year_save
from gongkai.core.tests.factories import OrganisationFactory, staff_user

from .factories import ApplicationFactory

D = dt.date


@pytest.fixture
def fast_letters(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(
        "gongkai.applications.letters.services.letter_pdf",
        lambda built: b"%PDF-1.4 test stub",
    )
    yield


@pytest.fixture
def org() -> Organisation:
    return OrganisationFactory.create()


@pytest.fixture
def officer(org: Organisation) -> User:
    return staff_user(Role.OFFICER, org)


@pytest.fixture
def head(org: Organisation) -> User:
    return staff_user(Role.HEAD, org)


def received(org: Organisation, day: dt.date, **kwargs: Any) -> Application:
    """A natural person's application received on `day` at `org`."""
    return ApplicationFactory.create(organisation=org, received_on=day, **kwargs)


def audit_types(application: Application) -> list[str]:
    return list(
        AuditEvent.objects.filter(
            target_type="applications.application", target_id=str(application.pk)
        )
        .order_by("id")
        .values_list("event_type", flat=True)
    )


def event_kinds(application: Application) -> list[str]:
    return list(
        application.events.order_by("on", "at", "pk").values_list("kind", flat=True)
    )


OFF, WORK = "holiday_off", "adjusted_workday"


Day = tuple[dt.date, str, str]  # (date, kind, holiday name)


def schedule_2027() -> list[Day]:
    """A test schedule for 2027 (shaped like a notice; not the official one)."""
    days: list[Day] = [(D(2027, 1, 1), OFF, "元旦")]
    days += [(D(2027, 2, d), OFF, "春节") for d in (5, 8, 9, 10, 11, 12)]
    days += [(D(2027, 2, 20), WORK, "春节")]
    return days


def calendar_year_enter(
    actor: User, year: int, source_doc_number: str, days: list[Day]
) -> None:
    """Save a year's schedule and, with the two-person check on, have a
    second administrator verify it."""
    from django.conf import settings

    from gongkai.core.services.calendar import calendar_year_verify

    calendar_year_save(
        actor=actor, year=year, source_doc_number=source_doc_number, days=days
    )
    if settings.GONGKAI_CALENDAR_TWO_PERSON_CHECK:
        other = staff_user(Role.ADMIN, OrganisationFactory.create())
        calendar_year_verify(actor=other, year=year)


def enter_2027(actor: User) -> None:
    """Enter (and, with the two-person check on, verify) the 2027 schedule."""
    calendar_year_enter(actor, 2027, "国办发明电〔2026〕99号", schedule_2027())
