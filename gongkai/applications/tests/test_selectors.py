"""Tracking look-up, the applicant's events, the queue and working days left."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.applications.choices import Outcome
from gongkai.applications.models import ApplicationStatus
from gongkai.applications.selectors import (
    applicant_events,
    application_queue,
    application_track,
    queue_days_left,
)
from gongkai.applications.services import application_assign, correction_notice_issue
from gongkai.core.models import Organisation, User
from gongkai.core.tests.factories import OrganisationFactory

from . import services_helpers as helpers
from .factories import ApplicationFactory, closed_application
from .services_helpers import received

fast_letters, org = helpers.fast_letters, helpers.org
officer, head = helpers.officer, helpers.head

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_letters")]

D = dt.date


def test_track_with_the_right_code_and_digits():
    app = ApplicationFactory.create(phone="13800138000")
    assert application_track(tracking_code=app.tracking_code, phone_last4="8000") == app
    # Codes are matched case-insensitively and trimmed.
    code = f"  {app.tracking_code.lower()} "
    assert application_track(tracking_code=code, phone_last4="8000") == app


@pytest.mark.parametrize(
    ("code", "digits"),
    [
        ("TESTCODE99999999", "8000"),  # wrong code
        ("", "8000"),
        (None, "8001"),  # wrong digits (None: the right code)
        (None, "800"),
        (None, ""),
        (None, "38000"),
    ],
)
def test_track_wrong_code_or_digits_is_the_same_none(code: str | None, digits: str):
    app = ApplicationFactory.create(phone="13800138000")
    tracking_code = app.tracking_code if code is None else code
    assert application_track(tracking_code=tracking_code, phone_last4=digits) is None


def test_track_a_landline_uses_its_last_digits():
    app = ApplicationFactory.create(phone="010-6830 9876")
    assert application_track(tracking_code=app.tracking_code, phone_last4="9876") == app


def test_applicant_events_hide_internal_ones(
    org: Organisation, officer: User, head: User
):
    app = received(org, D(2026, 6, 1))
    application_assign(application=app, actor=head, officer=officer)
    correction_notice_issue(
        application=app,
        actor=officer,
        items="请补充",
        deadline=D(2026, 6, 15),
        issued_on=D(2026, 6, 2),
    )
    kinds = list(applicant_events(app).values_list("kind", flat=True))
    assert kinds == ["lodged", "received", "correction_noticed"]


def test_queue_filters_sorts_and_days_left(
    org: Organisation, officer: User, head: User
):
    today = D(2026, 6, 29)
    overdue = received(org, D(2026, 5, 25))  # due 06-23 (端午 06-19)
    near = received(org, D(2026, 6, 1))  # due 06-30
    later = received(org, D(2026, 6, 15))  # due 07-14
    paused = received(org, D(2026, 6, 2))
    correction_notice_issue(
        application=paused,
        actor=officer,
        items="请补充",
        deadline=D(2026, 7, 10),
        issued_on=D(2026, 6, 3),
    )
    closed = closed_application(Outcome.DISCLOSED, organisation=org)
    ApplicationFactory.create(organisation=OrganisationFactory.create())
    application_assign(application=later, actor=head, officer=officer)

    queue = list(application_queue(user=officer, status="open", today=today))
    assert queue == [overdue, near, later, paused]  # by due date, none last
    assert [vars(a)["is_overdue"] for a in queue] == [True, False, False, False]
    assert [vars(a)["is_paused"] for a in queue] == [False, False, False, True]
    left = queue_days_left(queue, today=today)
    assert (left[overdue.pk].days, left[overdue.pk].urgency) == (-4, "overdue")
    assert (left[near.pk].days, left[near.pk].urgency) == (1, "due_soon")
    assert (left[later.pk].days, left[later.pk].urgency) == (11, "ok")
    assert left[paused.pk].urgency == "paused"
    assert list(application_queue(user=officer, status=ApplicationStatus.CLOSED)) == [
        closed
    ]
    assert list(application_queue(user=officer, assigned_to=officer)) == [later]
    assert later not in application_queue(user=officer, assigned_to="none")
    code = later.tracking_code.lower()
    assert list(application_queue(user=officer, q=code)) == [later]
    assert application_queue(user=officer, q="财政预算").count() == 5
    newest = application_queue(user=officer, order="-received_on").first()
    assert newest == later


def test_days_left_for_a_provisional_due_date(org: Organisation):
    app = received(org, D(2026, 12, 15))  # due 2027-01-12, provisional
    left = queue_days_left([app], today=D(2026, 12, 31))[app.pk]
    # Weekdays only in 2027: Jan 1, 4–8, 11, 12.
    assert (left.days, left.provisional) == (8, True)
