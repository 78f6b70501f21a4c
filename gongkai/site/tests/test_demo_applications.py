"""Demo applications: idempotent, consistent from one annual report to the next."""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import F, Q
from django.utils import timezone

from gongkai.applications.choices import ApplicantType, Outcome
from gongkai.applications.deadline import application_ledger
from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    FeeDecision,
    RemedyCase,
    RemedyResult,
)
from gongkai.core.audit import audit_verify
from gongkai.core.models import AuditEvent
from gongkai.core.workdays import add_working_days
from gongkai.site.demo.application_history import SHOWCASE, VOLUMES
from gongkai.site.demo.applications import applications_demo_load
from gongkai.site.demo.organisations import organisations_ensure
from gongkai.site.demo.users import users_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    organisations, _ = organisations_ensure(actor=None)
    users = users_ensure(organisations=organisations).by_username
    today = timezone.localdate()
    report = applications_demo_load(
        organisations=organisations, users=users, today=today
    )
    return organisations, users, today, report


def _open_at_start(qs, year: int) -> int:
    """上年结转: received before 1 January and not closed before it."""
    start = date(year, 1, 1)
    return (
        qs.filter(received_on__lt=start)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))
        .count()
    )


def _open_at_end(qs, year: int) -> int:
    """结转下年度: received by 31 December and still open after it."""
    end = date(year, 12, 31)
    return (
        qs.filter(received_on__lte=end)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=end))
        .count()
    )


def test_second_load_creates_nothing(demo) -> None:
    organisations, users, today, report = demo
    assert report.history_created > 800
    assert report.live_created == 15 and report.remedies_created == 8
    counts = (
        Application.objects.count(),
        ApplicationEvent.objects.count(),
        RemedyCase.objects.count(),
        AuditEvent.objects.count(),
    )
    again = applications_demo_load(
        organisations=organisations, users=users, today=today
    )
    assert (again.history_created, again.live_created, again.remedies_created) == (
        0,
        0,
        0,
    )
    assert counts == (
        Application.objects.count(),
        ApplicationEvent.objects.count(),
        RemedyCase.objects.count(),
        AuditEvent.objects.count(),
    )
    assert audit_verify() is None


def test_carry_over_matches_from_one_year_to_the_next(demo) -> None:
    organisations = demo[0]
    for key in VOLUMES:
        qs = Application.objects.filter(organisation=organisations[key])
        for year in (2024, 2025):
            assert qs.filter(received_on__year=year).count() == VOLUMES[key]
            carried_forward = _open_at_end(qs, year)
            assert carried_forward >= 3, (key, year)
            assert _open_at_start(qs, year + 1) == carried_forward, (key, year)


def test_every_case_is_consistent(demo) -> None:
    apps = Application.objects.all()
    closed = apps.filter(status=ApplicationStatus.CLOSED)
    assert not closed.filter(Q(outcome="") | Q(closed_on__isnull=True)).exists()
    assert not closed.filter(closed_on__lt=F("received_on")).exists()
    assert (
        not apps.exclude(status=ApplicationStatus.CLOSED).exclude(outcome="").exists()
    )
    assert not apps.filter(closed_on__gt=demo[2]).exists()
    assert not ApplicationEvent.objects.filter(
        on__lt=F("application__received_on")
    ).exists()
    assert (
        not ApplicationEvent.objects.filter(on__gt=F("application__closed_on"))
        .exclude(kind__startswith="remedy")
        .exists()
    )
    # The stored due date is the ledger's, from the stored case file.
    for app in apps.exclude(status=ApplicationStatus.LODGED)[:400]:
        ledger = application_ledger(app)
        assert ledger is not None and ledger.due_on == app.due_on, app.tracking_code


def test_showcase_covers_every_outcome_and_applicant_type(demo) -> None:
    organisations = demo[0]
    for key in SHOWCASE:
        qs = Application.objects.filter(organisation=organisations[key])
        in_2025 = qs.filter(closed_on__year=2025)
        assert set(in_2025.values_list("outcome", flat=True)) == set(Outcome.values)
        types = set(
            qs.filter(received_on__year=2025).values_list("applicant_type", flat=True)
        )
        assert types == set(ApplicantType.values)
    paid = FeeDecision.objects.filter(paid_on__year=2025)
    assert paid.count() >= 4 and sum(f.amount for f in paid) > 0
    assert Application.objects.filter(
        status=ApplicationStatus.CLOSED, events__kind="extended"
    ).exists()
    remedies = RemedyCase.objects.all()
    assert {r.result for r in remedies} == set(RemedyResult.values)
    assert remedies.filter(kind="reconsideration", filed_on__year=2025).count() >= 2


def test_officers_have_near_due_and_overdue_cases(demo) -> None:
    _, users, today, _ = demo
    for username in ("hc_officer", "nh_officer"):
        queue = Application.objects.filter(assigned_to=users[username]).exclude(
            status=ApplicationStatus.CLOSED
        )
        assert queue.filter(due_on__lt=today).exists(), username
        near = add_working_days(today, 4, allow_provisional=True).date
        assert queue.filter(due_on__gte=today, due_on__lte=near).exists(), username
        assert queue.filter(status=ApplicationStatus.LODGED).exists()
        assert queue.filter(status=ApplicationStatus.CONSULTING).exists()
    hc = Application.objects.filter(assigned_to=users["hc_officer"])
    statuses = set(hc.values_list("status", flat=True))
    assert {"correction_requested", "awaiting_fee", "received"} <= statuses
    assert hc.filter(extension_days=20).exists()
