"""信息处理费 through the services (国办函〔2020〕109号, spec §2.2)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.applications.models import Application, ApplicationStatus, FeeDecision
from gongkai.applications.services import (
    application_reply,
    fee_application_quote,
    fee_notice_issue,
    fee_payment_record,
)
from gongkai.applications.services.fees import pieces_before
from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import Organisation, User
from gongkai.core.tests.factories import OrganisationFactory

from . import services_helpers as helpers
from .factories import ApplicationFactory
from .services_helpers import received

fast_letters, org, officer = helpers.fast_letters, helpers.org, helpers.officer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_letters")]

D = dt.date
MARCH = D(2026, 3, 2)


def notice(app: Application, officer: User, method: str, quantity: int) -> FeeDecision:
    return fee_notice_issue(
        application=app,
        actor=officer,
        method=method,
        quantity=quantity,
        issued_on=D(2026, 3, 4),
        notice_received_on=D(2026, 3, 5),
    )


# One application split into `pieces` pieces (一事一申请), none earlier.
PIECES = [(11, 100), (30, 2000), (31, 2200), (45, 5500), (60, 11000)]


@pytest.mark.parametrize(("pieces", "amount"), PIECES)
def test_per_piece_tiers(org: Organisation, officer: User, pieces: int, amount: int):
    fee = notice(received(org, MARCH), officer, "per_piece", pieces)
    assert (fee.method, fee.quantity, fee.amount) == ("per_piece", pieces, amount)
    assert fee.pieces_before == 0
    assert sum(band["subtotal"] for band in fee.breakdown) == amount


def test_ten_pieces_are_free_so_no_notice(org: Organisation, officer: User):
    app = received(org, MARCH)
    with pytest.raises(DomainError):
        notice(app, officer, "per_piece", 10)
    app.refresh_from_db()
    assert app.status == ApplicationStatus.RECEIVED
    assert not FeeDecision.objects.exists()


PAGES = [(100, 700), (200, 2700), (250, 4700)]


@pytest.mark.parametrize(("pages", "amount"), PAGES)
def test_per_page_tiers(org: Organisation, officer: User, pages: int, amount: int):
    fee = notice(received(org, MARCH), officer, "per_page", pages)
    assert (fee.method, fee.amount, fee.pieces_before) == ("per_page", amount, 0)


def test_thirty_pages_are_free(org: Organisation, officer: User):
    with pytest.raises(DomainError):
        notice(received(org, MARCH), officer, "per_page", 30)


@pytest.mark.parametrize(
    ("earlier", "amount"), [(9, 0), (10, 100), (29, 100), (30, 200)]
)
def test_monthly_count_per_identity(
    org: Organisation, officer: User, earlier: int, amount: int
):
    for day in range(earlier):
        received(org, D(2026, 3, 2 + day % 20))
    # Another identity and another month do not count.
    received(org, D(2026, 3, 3), organisation_applicant=True)
    received(org, D(2026, 2, 27))
    app = received(org, D(2026, 3, 25))
    assert pieces_before(app) == earlier
    quote = fee_application_quote(application=app, method="per_piece", quantity=1)
    assert quote.amount == amount


def test_other_organisations_count_only_with_scope_all(
    org: Organisation, settings: object
):
    other = OrganisationFactory.create()
    for _ in range(3):
        received(other, D(2026, 3, 3))
    app = received(org, D(2026, 3, 25))
    assert pieces_before(app) == 0
    settings.GONGKAI_FEES = {**settings.GONGKAI_FEES, "piece_count_scope": "all"}  # type: ignore[attr-defined]
    assert pieces_before(app) == 3


def test_one_method_per_application(org: Organisation, officer: User):
    app = received(org, MARCH)
    notice(app, officer, "per_page", 100)
    app.refresh_from_db()
    with pytest.raises(InvalidTransition):  # awaiting the fee: no second notice
        notice(app, officer, "per_piece", 20)
    fee_payment_record(
        application=app, actor=officer, paid_on=D(2026, 3, 10), receipt_number="A-1"
    )
    with pytest.raises(DomainError):  # received again, still only one decision
        notice(app, officer, "per_piece", 20)
    assert FeeDecision.objects.filter(application=app).count() == 1


def test_payment_needs_a_receipt_number_and_time(org: Organisation, officer: User):
    app = received(org, MARCH)
    fee = notice(app, officer, "per_page", 100)
    with pytest.raises(DomainError):
        fee_payment_record(
            application=app, actor=officer, paid_on=D(2026, 3, 10), receipt_number=" "
        )
    with pytest.raises(DomainError):  # after the payment period
        fee_payment_record(
            application=app,
            actor=officer,
            paid_on=fee.payment_due_on + dt.timedelta(days=1),
            receipt_number="A-1",
        )
    app = fee_payment_record(
        application=app, actor=officer, paid_on=D(2026, 3, 10), receipt_number="A-1"
    )
    fee.refresh_from_db()
    assert (fee.paid_on, fee.receipt_number) == (D(2026, 3, 10), "A-1")
    assert app.status == ApplicationStatus.RECEIVED


def test_notice_only_within_the_handling_period(org: Organisation, officer: User):
    app = received(org, D(2026, 2, 10))  # due 03-16
    with pytest.raises(DomainError):
        fee_notice_issue(
            application=app,
            actor=officer,
            method="per_page",
            quantity=100,
            issued_on=D(2026, 3, 17),
            notice_received_on=D(2026, 3, 18),
        )


def test_fee_applies_to_any_decision(org: Organisation, officer: User):
    app = received(org, MARCH)
    notice(app, officer, "per_piece", 12)
    fee_payment_record(
        application=app, actor=officer, paid_on=D(2026, 3, 6), receipt_number="B-7"
    )
    application_reply(
        application=app,
        actor=officer,
        outcome="withheld_process_info",
        replied_on=D(2026, 3, 20),
    )
    assert ApplicationFactory._meta.model.objects.get(pk=app.pk).outcome == (
        "withheld_process_info"
    )
