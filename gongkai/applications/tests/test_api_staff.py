"""Staff API: token auth (401), 404 for others' cases, each transition,
400 {"errors": ...} on bad input with nothing stored, 409 on invalid ones."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from gongkai.applications.models import Application, ApplicationStatus
from gongkai.core.models import Organisation, Role, User
from gongkai.core.services.tokens import api_token_create, api_token_revoke
from gongkai.core.tests.factories import OrganisationFactory, staff_user

from .factories import ApplicationFactory, head_of, officer_of
from .services_helpers import fast_letters  # noqa: F401
from .staff_helpers import RECEIVED

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_letters")]

D = dt.date
BASE = "/api/v1/staff/applications"


class Api:
    def __init__(self, user: User) -> None:
        self.token = api_token_create(actor=None, user=user)[1]
        self.client = Client()

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(BASE + path, params, headers=self._auth())

    def post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        data = json.dumps(body or {}, default=str)
        return self.client.post(
            BASE + path, data, content_type="application/json", headers=self._auth()
        )


@pytest.fixture
def org() -> Organisation:
    return OrganisationFactory.create()


@pytest.fixture
def case(org: Organisation) -> Application:
    return ApplicationFactory.create(organisation=org, received_on=RECEIVED)


@pytest.fixture
def officer(org: Organisation) -> Api:
    return Api(officer_of(org))


def _code(case: Application) -> str:
    return f"/{case.tracking_code}"


def test_no_token_is_401(case: Application) -> None:
    client = Client()
    assert client.get(BASE).status_code == 401
    assert "接口令牌" in client.get(BASE).json()["detail"]
    assert client.get(BASE + _code(case)).status_code == 401
    response = client.post(
        BASE + _code(case) + "/reply", "{}", content_type="application/json"
    )
    assert response.status_code == 401
    wrong = client.get(BASE, HTTP_AUTHORIZATION="Bearer gk_not-a-token")
    assert wrong.status_code == 401


def test_revoked_token_is_401(org: Organisation, case: Application) -> None:
    user = officer_of(org)
    token, raw = api_token_create(actor=None, user=user)
    client = Client()
    assert client.get(BASE, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    api_token_revoke(actor=None, token=token)
    assert client.get(BASE, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_queue_and_detail(case: Application, officer: Api) -> None:
    queue = officer.get("")
    assert queue.status_code == 200
    data = queue.json()
    assert data["count"] == 1
    row = data["results"][0]
    assert row["tracking_code"] == case.tracking_code
    assert row["due_on"] == "2026-11-30"
    detail = officer.get(_code(case)).json()
    assert detail["applicant"]["id_number"] == case.id_number
    assert detail["ledger"]["due_on"] == "2026-11-30"
    assert detail["ledger"]["entries"][0]["kind"] == "event"
    assert "reply" in detail["allowed_actions"]


def test_queue_filters(org: Organisation, case: Application, officer: Api) -> None:
    ApplicationFactory.create(organisation=org, lodged=True)
    assert officer.get("", status="lodged").json()["count"] == 1
    assert officer.get("", channel="in_person").json()["count"] == 1
    assert officer.get("", channel="fax").json()["count"] == 0
    bad = officer.get("", received_from="not-a-date")
    assert bad.status_code == 400 and "received_from" in bad.json()["errors"]


@pytest.mark.parametrize("who", ["other_officer", "supervisor", "admin"])
def test_others_get_404(org: Organisation, case: Application, who: str) -> None:
    other = OrganisationFactory.create()
    user = {
        "other_officer": lambda: staff_user(Role.OFFICER, other),
        "supervisor": lambda: staff_user(Role.SUPERVISOR, org),
        "admin": lambda: staff_user(Role.ADMIN, org),
    }[who]()
    api = Api(user)
    assert api.get(_code(case)).status_code == 404
    response = api.post(
        _code(case) + "/reply", {"outcome": "disclosed", "replied_on": "2026-11-20"}
    )
    assert response.status_code == 404
    assert case.id_number not in response.content.decode()
    assert api.get("").json()["count"] == 0
    case.refresh_from_db()
    assert case.status == ApplicationStatus.RECEIVED


def test_confirm(org: Organisation, officer: Api) -> None:
    lodged = ApplicationFactory.create(organisation=org, lodged=True)
    response = officer.post(_code(lodged) + "/confirm", {"confirmed_on": "2026-11-03"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "received"
    assert response.json()["received_on"] == "2026-11-03"


def test_invalid_transition_is_409(case: Application, officer: Api) -> None:
    response = officer.post(_code(case) + "/confirm", {"confirmed_on": "2026-11-03"})
    assert response.status_code == 409
    assert response.json()["errors"]["__all__"]


def test_bad_input_is_400_and_nothing_stored(case: Application, officer: Api) -> None:
    response = officer.post(
        _code(case) + "/correction-notice",
        {"issued_on": "2026-11-04", "deadline": "soon"},
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) >= {"items", "deadline"}
    assert case.events.count() == 2
    bad_json = officer.client.post(
        BASE + _code(case) + "/reply",
        "{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {officer.token}",
    )
    assert bad_json.status_code == 400
    assert "JSON" in bad_json.json()["errors"]["__all__"][0]


def test_correction_notice_and_correction(case: Application, officer: Api) -> None:
    response = officer.post(
        _code(case) + "/correction-notice",
        {
            "issued_on": "2026-11-04",
            "items": "请写明文件名称",
            "deadline": "2026-11-18",
        },
    )
    assert response.status_code == 200
    assert response.json()["status"] == "correction_requested"
    response = officer.post(_code(case) + "/correction", {"corrected_on": "2026-11-10"})
    assert response.json()["due_on"] == "2026-12-08"


def test_consultation_start_and_answer(case: Application, officer: Api) -> None:
    response = officer.post(
        _code(case) + "/consultations",
        {"kind": "co_producer", "party": "市财政局", "sent_on": "2026-11-05"},
    )
    assert response.status_code == 200
    consultation = response.json()["consultations"][0]["id"]
    assert (
        officer.post(_code(case) + "/consultations/999999/answer", {}).status_code
        == 404
    )
    response = officer.post(
        _code(case) + f"/consultations/{consultation}/answer",
        {"answered_on": "2026-11-12", "answer": "consents"},
    )
    assert response.status_code == 200
    assert response.json()["status"] == "received"


def test_extension_head_only(
    org: Organisation, case: Application, officer: Api
) -> None:
    body = {"on": "2026-11-20", "days": 20, "reason": "需要调取档案"}
    assert officer.post(_code(case) + "/extension", body).status_code == 403
    head = Api(head_of(org))
    response = head.post(_code(case) + "/extension", body)
    assert response.status_code == 200
    assert response.json()["extension_days"] == 20
    assert head.post(_code(case) + "/extension", {**body, "days": 5}).status_code == 400


def test_fee_quote_notice_and_payment(case: Application, officer: Api) -> None:
    quote = officer.post(
        _code(case) + "/fee-quote", {"method": "per_page", "quantity": 120}
    )
    assert quote.status_code == 200 and quote.json()["amount"] == 1100
    assert case.events.count() == 2  # a quote changes nothing
    response = officer.post(
        _code(case) + "/fee-notice",
        {
            "method": "per_page",
            "quantity": 120,
            "issued_on": "2026-11-05",
            "notice_received_on": "2026-11-06",
        },
    )
    assert response.status_code == 200
    assert response.json()["status"] == "awaiting_fee"
    response = officer.post(_code(case) + "/fee-payment", {"paid_on": "2026-11-09"})
    assert response.status_code == 400 and "receipt_number" in response.json()["errors"]
    response = officer.post(
        _code(case) + "/fee-payment",
        {"paid_on": "2026-11-09", "receipt_number": "A001"},
    )
    assert response.json()["status"] == "received"


def test_reply(case: Application, officer: Api) -> None:
    response = officer.post(
        _code(case) + "/reply",
        {
            "outcome": "withheld_state_secret",
            "replied_on": "2026-11-20",
            "reasons": "涉密",
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "closed" and data["outcome"] == "withheld_state_secret"
    assert "第十四条" in data["reply"]["basis"]
    reply = next(letter for letter in data["letters"] if letter["kind"] == "reply")
    download = officer.client.get(
        reply["pdf_url"], headers={"Authorization": f"Bearer {officer.token}"}
    )
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF")
    assert Client().get(reply["pdf_url"]).status_code == 401
    other = Api(officer_of(OrganisationFactory.create()))
    assert (
        other.client.get(
            reply["docx_url"], headers={"Authorization": f"Bearer {other.token}"}
        ).status_code
        == 404
    )


def test_referral_and_withdrawal(org: Organisation, officer: Api) -> None:
    first = ApplicationFactory.create(organisation=org, received_on=RECEIVED)
    response = officer.post(
        _code(first) + "/referral", {"on": "2026-11-09", "referred_to_name": "某省某厅"}
    )
    assert response.status_code == 200 and response.json()["status"] == "closed"
    second = ApplicationFactory.create(organisation=org, received_on=RECEIVED)
    response = officer.post(_code(second) + "/withdrawal", {"on": "2026-11-09"})
    assert response.status_code == 200 and response.json()["outcome"]


def test_openapi_lists_the_staff_endpoints() -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert "/api/v1/staff/applications/{tracking_code}/reply" in paths
    body = paths["/api/v1/staff/applications/{tracking_code}/reply"]["post"][
        "requestBody"
    ]
    props = body["content"]["application/json"]["schema"]["properties"]
    assert props["replied_on"]["format"] == "date"
    assert "disclosed" in props["outcome"]["enum"]


def test_record_by_registered_post(org: Organisation, officer: Api) -> None:
    body = {
        "organisation": org.credit_code,
        "channel": "registered_post",
        "lodged_on": "2026-11-02",
        "signed_for_on": "2026-11-04",
        "type": "natural_person",
        "name": "李四",
        "id_type": "resident_id",
        "id_number": "11010519491231002X",
        "phone": "13900139000",
        "address": "鹤城市南湖路1号",
        "description": "某项目环评批复",
        "form": "paper",
        "delivery": "post",
    }
    response = officer.post("", body)
    assert response.status_code == 201, response.content
    assert response.json()["received_on"] == "2026-11-04"
    assert response.json()["channel"] == "registered_post"
    missing = officer.post("", {**body, "signed_for_on": None})
    assert missing.status_code == 400
    assert "signed_for_on" in missing.json()["errors"]
    other = officer.post(
        "", {**body, "organisation": OrganisationFactory.create().credit_code}
    )
    assert other.status_code == 400 and "organisation" in other.json()["errors"]
    assert Application.objects.count() == 1
