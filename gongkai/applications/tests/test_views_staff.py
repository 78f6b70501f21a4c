"""Back office: who sees a case (404 otherwise), the case page, the ledger."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.applications.workflow import Action
from gongkai.core.models import Organisation, Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user

from .factories import ApplicationFactory, head_of, officer_of
from .services_helpers import fast_letters  # noqa: F401
from .staff_helpers import RECEIVED, detail_url, post_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def org() -> Organisation:
    return OrganisationFactory.create()


@pytest.fixture
def case(org: Organisation) -> Application:
    return ApplicationFactory.create(organisation=org, received_on=RECEIVED)


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_officer_sees_applicant_data(org: Organisation, case: Application) -> None:
    response = _client(officer_of(org)).get(detail_url(case))
    assert response.status_code == 200
    body = response.content.decode()
    assert case.id_number in body and case.phone in body
    assert "可执行的操作" in body
    assert reverse("staff:application_reply", args=[case.pk]) in body


@pytest.mark.parametrize(
    "who",
    ["other_officer", "other_head", "supervisor", "admin", "editor", "anonymous"],
)
def test_others_get_404(org: Organisation, case: Application, who: str) -> None:
    other = OrganisationFactory.create()
    users = {
        "other_officer": lambda: staff_user(Role.OFFICER, other),
        "other_head": lambda: staff_user(Role.HEAD, other),
        # Supervisors and administrators above the organisation: statistics only.
        "supervisor": lambda: staff_user(Role.SUPERVISOR, org),
        "admin": lambda: staff_user(Role.ADMIN, org),
        "editor": lambda: staff_user(Role.EDITOR, org),
    }
    client = Client() if who == "anonymous" else _client(users[who]())
    urls = [
        detail_url(case),
        reverse("staff:application_ledger", args=[case.pk]),
    ]
    for url in urls:
        response = client.get(url)
        if who == "anonymous":
            assert response.status_code == 302  # to the login page
        else:
            assert response.status_code == 404, (who, url)
    response = post_action(client, case, Action.REPLY, {"outcome": "disclosed"})
    assert response.status_code in (302, 404) if who == "anonymous" else 404
    case.refresh_from_db()
    assert case.status == "received"
    assert case.id_number.encode() not in response.content


def test_head_sees_but_may_not_handle(org: Organisation, case: Application) -> None:
    client = _client(head_of(org))
    body = client.get(detail_url(case)).content.decode()
    assert case.id_number in body
    assert reverse("staff:application_extend", args=[case.pk]) in body
    assert reverse("staff:application_reply", args=[case.pk]) not in body
    response = post_action(
        client, case, Action.REPLY, {"outcome": "disclosed", "replied_on": RECEIVED}
    )
    assert response.status_code == 403
    assert "您没有办理该事项的权限" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "received"


def test_unknown_case_is_404(org: Organisation) -> None:
    client = _client(officer_of(org))
    assert (
        client.get(reverse("staff:application_detail", args=[999999])).status_code
        == 404
    )


def test_ledger_page(org: Organisation, case: Application) -> None:
    body = (
        _client(officer_of(org))
        .get(reverse("staff:application_ledger", args=[case.pk]))
        .content.decode()
    )
    assert "收到申请（当日不计入期限）" in body
    assert "第20个工作日" in body
    assert "2026-11-30" in body  # 20 WD after Monday 2 November
    assert "日历版本" in body


def test_ledger_lodged_case(org: Organisation) -> None:
    lodged = ApplicationFactory.create(organisation=org, lodged=True)
    body = (
        _client(officer_of(org))
        .get(reverse("staff:application_ledger", args=[lodged.pk]))
        .content.decode()
    )
    assert "尚未确认收到申请" in body


def test_ledger_provisional_warning(org: Organisation) -> None:
    # Received mid-December 2026: 20 WD run into 2027, whose schedule is absent.
    late = ApplicationFactory.create(
        organisation=org, received_on=RECEIVED.replace(month=12, day=14)
    )
    client = _client(officer_of(org))
    body = client.get(
        reverse("staff:application_ledger", args=[late.pk])
    ).content.decode()
    assert "临时" in body and "2027" in body
    assert "尚未录入" in client.get(detail_url(late)).content.decode()


def test_letter_download_only_for_the_case(
    org: Organisation,
    case: Application,
    fast_letters: None,  # noqa: F811
) -> None:
    client = _client(officer_of(org))
    response = post_action(
        client,
        case,
        Action.REPLY,
        {"outcome": "disclosed", "replied_on": RECEIVED.replace(day=20)},
    )
    assert response.status_code == 302
    letter = case.letters.get(kind="reply")
    url = reverse("staff:application_letter", args=[case.pk, letter.pk, "docx"])
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    other = ApplicationFactory.create(organisation=org)
    wrong = reverse("staff:application_letter", args=[other.pk, letter.pk, "pdf"])
    assert client.get(wrong).status_code == 404


def test_navigation_and_dashboard_link_to_the_queue(
    org: Organisation, case: Application
) -> None:
    ApplicationFactory.create(organisation=org, lodged=True)
    client = _client(officer_of(org))
    body = client.get(reverse("staff:dashboard")).content.decode()
    queue = reverse("staff:application_queue")
    assert f'<a href="{queue}"' in body  # navigation
    assert "网上申请待确认 1 件" in body
    assert "办理中 2 件" in body
    editor = _client(staff_user(Role.EDITOR, org))
    assert queue not in editor.get(reverse("staff:dashboard")).content.decode()
