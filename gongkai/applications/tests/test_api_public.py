"""POST /api/v1/applications and GET /api/v1/applications/{code} (public)."""

# Tests are exempt from annotations.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    ApplicationEventKind,
)
from gongkai.applications.services.intake import application_validate
from gongkai.core.tests.factories import OrganisationFactory

from .intake_helpers import (
    INVALID_CASES,
    ORGANISATION_CASES,
    enterprise,
    flat,
    person,
    request_fields,
)

URL = "/api/v1/applications"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def org():
    return OrganisationFactory.create()


def _body(org, applicant=None, **request):
    return {
        "organisation": org.credit_code,
        "applicant": applicant if applicant is not None else person(),
        "request": request_fields(**request),
    }


def _post(client, body, **headers):
    raw = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, raw, content_type="application/json", headers=headers)


def test_lodging_answers_201_with_code_status_and_receipt(client, org):
    response = _post(client, _body(org))
    assert response.status_code == 201, response.content
    data = response.json()
    application = Application.objects.get()
    assert data["tracking_code"] == application.tracking_code
    assert data["status"] == "lodged"
    assert data["receipt_url"].startswith("http://testserver/apply/receipt/")
    receipt = client.get(data["receipt_url"])
    assert receipt.status_code == 200
    assert application.organisation == org


def test_an_organisation_applicant(client, org):
    response = _post(client, _body(org, enterprise()))
    assert response.status_code == 201
    application = Application.objects.get()
    assert application.applicant_type == "commercial_enterprise"
    assert application.legal_representative == "王五"
    assert application.id_number == ""


def _service_messages(data):
    with pytest.raises(ValidationError) as info:
        application_validate(data)
    return info.value.message_dict


@pytest.mark.parametrize(("field", "applicant", "request_", "expected"), INVALID_CASES)
def test_invalid_fields_are_400_with_the_form_messages(
    client, org, field, applicant, request_, expected
):
    body = _body(org, person(**applicant), **request_)
    response = _post(client, body)
    assert response.status_code == 400
    errors = response.json()["errors"]
    part = "request" if field in request_fields() else "applicant"
    expected_messages = _service_messages(flat(person(**applicant), **request_))[field]
    assert errors[f"{part}.{field}"] == expected_messages
    assert any(expected in m for m in errors[f"{part}.{field}"])
    assert Application.objects.count() == 0


@pytest.mark.parametrize(("field", "applicant", "expected"), ORGANISATION_CASES)
def test_invalid_organisation_applicants_are_400(
    client, org, field, applicant, expected
):
    response = _post(client, _body(org, enterprise(**applicant)))
    assert response.status_code == 400
    assert any(expected in m for m in response.json()["errors"][f"applicant.{field}"])
    assert Application.objects.count() == 0


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("not json", "__all__"),
        ("[1, 2]", "__all__"),
        (
            json.dumps({"organisation": "x", "applicant": "张三", "request": {}}),
            "applicant",
        ),
        (
            json.dumps({"organisation": "x", "applicant": {}, "request": None}),
            "request",
        ),
    ],
)
def test_malformed_bodies_are_400_not_422(client, org, raw, key):
    response = _post(client, raw)
    assert response.status_code == 400
    assert key in response.json()["errors"]
    assert Application.objects.count() == 0


def test_unknown_or_missing_organisation_is_400(client, org):
    inactive = OrganisationFactory.create(is_active=False)
    for code, message in (
        ("", "请填写受理机关"),
        ("91350100M000100Y4X", "未找到受理申请的机关"),
        (inactive.credit_code, "未找到受理申请的机关"),
    ):
        response = _post(client, {**_body(org), "organisation": code})
        assert response.status_code == 400
        assert message in response.json()["errors"]["organisation"][0]
    assert Application.objects.count() == 0


def test_idempotency_key_makes_retries_safe(client, org, settings):
    settings.GONGKAI_INTAKE = {**settings.GONGKAI_INTAKE, "duplicate_window_minutes": 0}
    first = _post(client, _body(org), **{"Idempotency-Key": "retry-1"})
    again = _post(client, _body(org), **{"Idempotency-Key": "retry-1"})
    assert first.status_code == again.status_code == 201
    assert first.json()["tracking_code"] == again.json()["tracking_code"]
    assert Application.objects.count() == 1
    # The same key from another applicant is another application.
    other = person(id_type="passport", id_number="E12345678")
    third = _post(client, _body(org, other), **{"Idempotency-Key": "retry-1"})
    assert third.json()["tracking_code"] != first.json()["tracking_code"]
    assert Application.objects.count() == 2


def test_without_a_key_the_duplicate_guard_still_gives_one(client, org):
    first = _post(client, _body(org))
    again = _post(client, _body(org))
    assert first.json()["tracking_code"] == again.json()["tracking_code"]
    assert Application.objects.count() == 1


def test_rate_limit_is_429(client, org, settings):
    settings.GONGKAI_INTAKE = {**settings.GONGKAI_INTAKE, "per_identity_per_day": 1}
    assert _post(client, _body(org)).status_code == 201
    response = _post(client, _body(org, description="另一项"))
    assert response.status_code == 429
    assert "上限" in response.json()["errors"]["__all__"][0]
    assert Application.objects.count() == 1


def test_openapi_documents_the_body(client):
    schema = client.get("/api/v1/openapi.json").json()
    post = schema["paths"]["/api/v1/applications"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]
    assert (
        "natural_person"
        in body["properties"]["applicant"]["properties"]["type"]["enum"]
    )
    assert {"201", "400", "429"} <= set(post["responses"])


# ---- tracking ---------------------------------------------------------------


def _lodged(client, org):
    code = _post(client, _body(org)).json()["tracking_code"]
    return Application.objects.get(tracking_code=code)


def test_tracking_shows_status_due_date_and_visible_events(client, org):
    application = _lodged(client, org)
    ApplicationEvent.objects.create(
        application=application,
        kind=ApplicationEventKind.NOTE,
        on=dt.date(2026, 3, 3),
        visible_to_applicant=False,
        note="内部备注",
    )
    response = client.get(f"{URL}/{application.tracking_code}", {"phone_last4": "8000"})
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "lodged"
    assert data["due_on"] is None
    assert [e["kind"] for e in data["events"]] == ["lodged"]
    assert "内部备注" not in response.content.decode()
    assert "张三" not in response.content.decode()
    assert "id_number" not in data and "phone" not in data


def test_tracking_accepts_the_code_as_printed(client, org):
    application = _lodged(client, org)
    code = application.tracking_code
    printed = f"{code[:4]}-{code[4:8]}-{code[8:12]}-{code[12:]}".lower()
    response = client.get(f"{URL}/{printed}", {"phone_last4": "8000"})
    assert response.status_code == 200


def test_wrong_code_and_wrong_digits_are_the_same_404(client, org):
    application = _lodged(client, org)
    wrong_digits = client.get(
        f"{URL}/{application.tracking_code}", {"phone_last4": "0000"}
    )
    wrong_code = client.get(f"{URL}/ABCDEFGHJKMNPQRS", {"phone_last4": "8000"})
    no_digits = client.get(f"{URL}/{application.tracking_code}")
    assert (
        wrong_digits.status_code
        == wrong_code.status_code
        == no_digits.status_code
        == 404
    )
    assert wrong_digits.content == wrong_code.content == no_digits.content


def test_failed_lookups_are_limited(client, org, settings):
    settings.GONGKAI_INTAKE = {**settings.GONGKAI_INTAKE, "track_failures_per_hour": 2}
    application = _lodged(client, org)
    for digits in ("0000", "1111"):
        assert (
            client.get(
                f"{URL}/{application.tracking_code}", {"phone_last4": digits}
            ).status_code
            == 404
        )
    response = client.get(f"{URL}/{application.tracking_code}", {"phone_last4": "8000"})
    assert response.status_code == 429
    assert response.json()["error"] == "rate_limited"


def test_no_csrf_token_is_needed(org):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert _post(client, _body(org)).status_code == 201
