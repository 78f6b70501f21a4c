"""Back-office queue: only one's own organisation, filters, sort by due date,
working days left, colours with text (never colour alone), pagination."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gongkai.applications.choices import ApplicantType, Channel, Outcome
from gongkai.applications.models import Application
from gongkai.applications.views.staff import queue as queue_view
from gongkai.core.models import Organisation, User
from gongkai.core.tests.factories import OrganisationFactory

from .factories import ApplicationFactory, closed_application, head_of, officer_of

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2026, 11, 23)  # a Monday
URL = reverse("staff:application_queue")


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    moment = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(10, 0)))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def org() -> Organisation:
    return OrganisationFactory.create()


@pytest.fixture
def officer(org: Organisation) -> User:
    return officer_of(org)


@pytest.fixture
def client(officer: User) -> Client:
    client = Client()
    client.force_login(officer)
    return client


@pytest.fixture
def cases(org: Organisation) -> dict[str, Application]:
    return {
        # due 2026-11-30: 5 WD left on 23 November → near due
        "near": ApplicationFactory.create(
            organisation=org, received_on=D(2026, 11, 2), tracking_code="NEAR0001"
        ),
        # due 2026-11-09 → overdue by 10 WD
        "overdue": ApplicationFactory.create(
            organisation=org, received_on=D(2026, 10, 12), tracking_code="LATE0001"
        ),
        # due in December → plenty of time
        "ok": ApplicationFactory.create(
            organisation=org,
            received_on=D(2026, 11, 20),
            tracking_code="OKAY0001",
            channel=Channel.REGISTERED_POST,
            signed_for_on=D(2026, 11, 20),
        ),
        "lodged": ApplicationFactory.create(
            organisation=org,
            lodged=True,
            tracking_code="LODG0001",
            organisation_applicant=True,
        ),
    }


def _codes(response: object) -> list[str]:
    body = response.content.decode()  # type: ignore[attr-defined]
    return re.findall(r">([A-Z]{4}\d{4})</a>", body)


def test_sorted_by_due_date_with_colours(
    client: Client, cases: dict[str, Application]
) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert _codes(response) == ["LATE0001", "NEAR0001", "OKAY0001", "LODG0001"]
    body = response.content.decode()
    assert 'class="due due-overdue">已逾期10个工作日' in body
    assert 'class="due due-near">剩余5个工作日' in body
    assert "due-ok" in body
    assert "待确认收到" in body
    assert 'class="row-overdue"' in body and 'class="row-near"' in body


def test_other_organisations_cases_are_not_listed(
    client: Client, cases: dict[str, Application]
) -> None:
    ApplicationFactory.create(tracking_code="XXXX0001")  # another organisation
    assert "XXXX0001" not in _codes(client.get(URL))


def test_supervisor_has_no_queue(org: Organisation) -> None:
    from gongkai.core.models import Role
    from gongkai.core.tests.factories import staff_user

    client = Client()
    client.force_login(staff_user(Role.SUPERVISOR, org))
    assert client.get(URL).status_code == 404


def test_head_sees_the_queue(org: Organisation, cases: dict[str, Application]) -> None:
    client = Client()
    client.force_login(head_of(org))
    assert len(_codes(client.get(URL))) == 4


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "lodged"}, ["LODG0001"]),
        ({"channel": "registered_post"}, ["OKAY0001"]),
        ({"applicant_type": ApplicantType.COMMERCIAL_ENTERPRISE}, ["LODG0001"]),
        ({"overdue": "on"}, ["LATE0001"]),
        ({"received_from": "2026-11-01", "received_to": "2026-11-19"}, ["NEAR0001"]),
        ({"assigned": "none"}, ["LATE0001", "NEAR0001", "OKAY0001", "LODG0001"]),
        ({"assigned": "me"}, []),
    ],
)
def test_filters(
    client: Client,
    cases: dict[str, Application],
    params: dict[str, str],
    expected: list[str],
) -> None:
    assert _codes(client.get(URL, params)) == expected


def test_closed_cases_only_on_request(
    org: Organisation, client: Client, cases: dict[str, Application]
) -> None:
    closed = closed_application(
        Outcome.DISCLOSED, organisation=org, tracking_code="DONE0001"
    )
    assert closed.tracking_code not in _codes(client.get(URL))
    assert closed.tracking_code in _codes(client.get(URL, {"status": "all"}))
    assert _codes(client.get(URL, {"status": "closed"})) == ["DONE0001"]


def test_assigned_filter(
    org: Organisation, officer: User, client: Client, cases: dict[str, Application]
) -> None:
    Application.objects.filter(pk=cases["ok"].pk).update(assigned_to=officer)
    assert _codes(client.get(URL, {"assigned": "me"})) == ["OKAY0001"]
    assert _codes(client.get(URL, {"assigned": str(officer.pk)})) == ["OKAY0001"]


def test_sort_by_received(client: Client, cases: dict[str, Application]) -> None:
    newest_first = ["OKAY0001", "NEAR0001", "LATE0001", "LODG0001"]
    assert _codes(client.get(URL, {"sort": "-received"})) == newest_first
    assert _codes(client.get(URL, {"sort": "received"}))[0] == "LATE0001"


def test_bad_filter_is_400_with_message(
    client: Client, cases: dict[str, Application]
) -> None:
    response = client.get(URL, {"received_from": "yesterday"})
    assert response.status_code == 400
    assert (
        "有效的日期" in response.content.decode() or "日期" in response.content.decode()
    )
    assert _codes(response) == []


def test_pagination(
    org: Organisation, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queue_view, "PAGE_SIZE", 2)
    for n in range(5):
        ApplicationFactory.create(
            organisation=org,
            received_on=D(2026, 11, 2 + n),
            tracking_code=f"PAGE000{n}",
        )
    first = client.get(URL)
    assert _codes(first) == ["PAGE0000", "PAGE0001"]
    assert "第 1 / 3 页" in first.content.decode()
    assert _codes(client.get(URL, {"page": 3})) == ["PAGE0004"]


def test_assign_from_the_queue(
    org: Organisation, client: Client, cases: dict[str, Application]
) -> None:
    colleague = officer_of(org, display_name="同事甲")
    body = client.get(URL).content.decode()
    assert 'name="assign-officer"' in body and "同事甲" in body
    target = cases["near"]
    assign = reverse("staff:application_assign", args=[target.pk])
    response = client.post(
        assign, {"assign-officer": colleague.pk, "next": f"{URL}?sort=due"}
    )
    assert response.status_code == 302 and response["Location"] == f"{URL}?sort=due"
    target.refresh_from_db()
    assert target.assigned_to == colleague
    elsewhere = client.post(
        assign, {"assign-officer": colleague.pk, "next": "https://evil.example/"}
    )
    assert elsewhere["Location"] == reverse(
        "staff:application_detail", args=[target.pk]
    )


def test_no_assign_control_for_editors_view(org: Organisation) -> None:
    # A head may assign too; an account without APPLICATION_VIEW has no queue.
    client = Client()
    client.force_login(head_of(org))
    ApplicationFactory.create(organisation=org, received_on=D(2026, 11, 2))
    assert 'name="assign-officer"' in client.get(URL).content.decode()
