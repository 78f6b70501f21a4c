"""Public API of disclosure on application (no account needed).

POST /api/v1/applications lodges an application (same validation as the web
form: `services.intake.application_validate`); GET
/api/v1/applications/{tracking_code}?phone_last4=NNNN is the tracking look-up.

The JSON body is parsed here, not by ninja's schema binding, so every bad
input answers 400 `{"errors": {"field": ["message"]}}` with Chinese messages
(ninja's default would be a 422 with pydantic's English details). The
schema is still published in the OpenAPI document.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

from gongkai.core.errors import DomainError
from gongkai.core.identity import IdType
from gongkai.core.models import Organisation
from gongkai.core.schemas import ErrorOut

from .choices import ApplicantType
from .models import Application, Delivery, RequestForm
from .public_access import receipt_path
from .receipt import lodged_on
from .selectors import applicant_events, application_track
from .services.intake import (
    application_for_submission,
    application_lodge,
    application_validate,
    organisations_accepting,
    submission_key_for,
    tracking_code_normalise,
)
from .services.intake_limits import (
    RateLimited,
    client_address,
    intake_throttle,
    track_attempt_check,
    track_failure_record,
)
from .services.intake_validation import (
    APPLICANT_FIELDS,
    REQUEST_FIELDS,
    ApplicantData,
    RequestData,
)

router = Router(tags=["applications"])

MAX_IDEMPOTENCY_KEY = 255
Checked = tuple[ApplicantData, RequestData]
NON_FIELD = "__all__"


class ErrorsOut(Schema):
    errors: dict[str, list[str]]


class LodgedOut(Schema):
    tracking_code: str
    status: str
    receipt_url: str


class EventOut(Schema):
    kind: str
    label: str
    on: date
    note: str


class TrackOut(Schema):
    tracking_code: str
    organisation: str
    status: str
    status_label: str
    outcome: str
    outcome_label: str
    lodged_on: date
    received_on: date | None
    due_on: date | None
    due_provisional: bool
    closed_on: date | None
    events: list[EventOut]


def _string(enum: list[str] | None = None) -> dict[str, Any]:
    return {"type": "string", **({"enum": enum} if enum else {})}


def _body_schema() -> dict[str, Any]:
    enums = {
        "type": list(ApplicantType.values),
        "id_type": list(IdType.values),
        "form": list(RequestForm.values),
        "delivery": list(Delivery.values),
    }
    applicant = {f: _string(enums.get(f)) for f in APPLICANT_FIELDS}
    request = {f: _string(enums.get(f)) for f in REQUEST_FIELDS}
    return {
        "type": "object",
        "required": ["organisation", "applicant", "request"],
        "properties": {
            "organisation": {
                **_string(),
                "description": "受理机关的统一社会信用代码",
            },
            "applicant": {"type": "object", "properties": applicant},
            "request": {"type": "object", "properties": request},
        },
    }


def _errors(errors: dict[str, list[str]], status: int = 400) -> Status[dict[str, Any]]:
    return Status(status, {"errors": errors})


def _payload(request: HttpRequest) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The flat field mapping of the body, or errors about its shape."""
    try:
        body = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return {}, {NON_FIELD: [_("请求体应为 JSON 对象。")]}
    if not isinstance(body, dict):
        return {}, {NON_FIELD: [_("请求体应为 JSON 对象。")]}
    flat: dict[str, Any] = {"organisation": body.get("organisation")}
    errors: dict[str, list[str]] = {}
    for part in ("applicant", "request"):
        value = body.get(part)
        if not isinstance(value, dict):
            errors[part] = [_("应为 JSON 对象。")]
            continue
        flat.update({f"{part}.{k}": v for k, v in value.items()})
    return flat, errors


def _organisation(code: Any, errors: dict[str, list[str]]) -> Organisation | None:
    if not isinstance(code, str) or not code.strip():
        errors["organisation"] = [_("请填写受理机关的统一社会信用代码。")]
        return None
    org = organisations_accepting().filter(credit_code=code.strip().upper()).first()
    if org is None:
        errors["organisation"] = [_("未找到受理申请的机关，请核对统一社会信用代码。")]
    return org


def _validated(flat: dict[str, Any], errors: dict[str, list[str]]) -> Checked | None:
    data = {f: flat.get(f"applicant.{f}") for f in APPLICANT_FIELDS}
    data.update({f: flat.get(f"request.{f}") for f in REQUEST_FIELDS})
    try:
        return application_validate(data)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            part = "request" if field in REQUEST_FIELDS else "applicant"
            errors[f"{part}.{field}"] = [str(m) for m in messages]
        return None


def _submission_key(
    request: HttpRequest, organisation: Organisation, checked: Checked
) -> str | None:
    raw = request.headers.get("Idempotency-Key", "").strip()
    if not raw:
        return None
    applicant, req = checked
    return submission_key_for(
        raw_key=raw, organisation=organisation, applicant=applicant, request=req
    )


def _lodged(request: HttpRequest, application: Application) -> dict[str, Any]:
    return {
        "tracking_code": application.tracking_code,
        "status": application.status,
        "receipt_url": request.build_absolute_uri(receipt_path(application)),
    }


@router.post(
    "/applications",
    response={201: LodgedOut, 400: ErrorsOut, 429: ErrorsOut},
    summary="提交政府信息公开申请",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _body_schema()}},
        }
    },
)
def application_create(request: HttpRequest) -> Status[dict[str, Any]]:
    """Lodge an application online (status `lodged`).

    An optional `Idempotency-Key` header makes retries safe: the same key from
    the same applicant returns the application already created. Invalid input
    answers 400 and stores nothing; too many submissions answer 429.
    """
    flat, errors = _payload(request)
    if NON_FIELD in errors:
        return _errors(errors)
    organisation = _organisation(flat.get("organisation"), errors)
    checked = _validated(flat, errors)
    raw_key = request.headers.get("Idempotency-Key", "")
    if len(raw_key) > MAX_IDEMPOTENCY_KEY:
        errors["Idempotency-Key"] = [_("Idempotency-Key 不能超过255个字符。")]
    if errors or checked is None or organisation is None:
        return _errors(errors)
    applicant, req = checked
    key = _submission_key(request, organisation, checked)
    if key and (existing := application_for_submission(submission_key=key)):
        return Status(201, _lodged(request, existing))
    try:
        intake_throttle(
            address=client_address(request.META), identity_key=applicant.identity_key
        )
        application = application_lodge(
            organisation=organisation,
            applicant=applicant,
            request=req,
            submission_key=key,
        )
    except DomainError as error:
        return _errors({NON_FIELD: [error.message]}, error.status_code)
    return Status(201, _lodged(request, application))


def _track_out(application: Application) -> dict[str, Any]:
    return {
        "tracking_code": application.tracking_code,
        "organisation": application.organisation.name,
        "status": application.status,
        "status_label": application.get_status_display(),
        "outcome": application.outcome,
        "outcome_label": application.get_outcome_display()
        if application.outcome
        else "",
        "lodged_on": lodged_on(application.lodged_at),
        "received_on": application.received_on,
        "due_on": application.due_on if application.is_open else None,
        "due_provisional": application.due_provisional and application.is_open,
        "closed_on": application.closed_on,
        "events": [
            {"kind": e.kind, "label": e.get_kind_display(), "on": e.on, "note": e.note}
            for e in applicant_events(application)
        ],
    }


@router.get(
    "/applications/{tracking_code}",
    response={200: TrackOut, 404: ErrorOut, 429: ErrorOut},
    summary="查询申请办理进度",
)
def application_status(
    request: HttpRequest, tracking_code: str, phone_last4: str | None = None
) -> Status[dict[str, Any]]:
    """Status, due date and the case-file entries meant for the applicant.

    A wrong tracking code and wrong digits give the same 404.
    """
    address = client_address(request.META)
    try:
        track_attempt_check(address=address)
    except RateLimited as error:
        return Status(429, {"error": "rate_limited", "message": error.message})
    application = application_track(
        tracking_code=tracking_code_normalise(tracking_code),
        phone_last4=(phone_last4 or "").strip(),
    )
    if application is None:
        track_failure_record(address=address)
        return Status(
            404,
            {
                "error": "not_found",
                "message": _("未找到与该查询码和手机号码后四位相符的申请。"),
            },
        )
    return Status(200, _track_out(application))
