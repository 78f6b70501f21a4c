"""Staff API of disclosure on application (token auth, role-checked).

`Authorization: Bearer <token>` from `manage.py api_token create USERNAME`;
without a valid token every endpoint answers 401. What the user may do is
the permission table's answer, as in the back office: a case outside the
user's APPLICATION_VIEW answers 404.

GET  /api/v1/staff/applications                       the queue
POST /api/v1/staff/applications                       record one (in person, post…)
GET  /api/v1/staff/applications/{code}                one case with its ledger
POST /api/v1/staff/applications/{code}/<action>       one transition each:
     confirm, assign, correction-notice, correction, correction-expire,
     consultations, consultations/{id}/answer, extension, fee-quote (no
     change), fee-notice, fee-payment, fee-expire, reply, referral, withdrawal

The JSON body of an action has the fields of the back office's form (same
validation, Chinese messages): bad input → 400 {"errors": {field: [...]}}
and nothing stored; a refusal by the rules → 400, 403 (permission) or 409
(not allowed in the case's status; a missing calendar year), same shape.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

from gongkai.core.api_auth import ApiTokenAuth, api_user
from gongkai.core.errors import DomainError
from gongkai.core.models import User
from gongkai.core.permissions import Permission
from gongkai.core.selectors import organisations_where

from . import services
from .api_staff_out import case_detail, case_summary, form_errors, form_schema
from .forms.staff.actions import ConsultationAnswerForm, FeeNoticeForm
from .forms.staff.fields import ActionForm
from .forms.staff.queue import QueueFilterForm
from .forms.staff.record import ApplicationRecordForm
from .models import Application
from .selectors import application_queue, applications_visible
from .services.intake import application_lodge, tracking_code_normalise
from .views.staff.access import may_act, recording_organisations
from .views.staff.action_table import ACTION_STEPS
from .views.staff.detail import safe_ledger
from .views.staff.files import FORMATS, attachment
from .views.staff.queue import queue_officers
from .workflow import Action

router = Router(tags=["applications (staff)"], auth=ApiTokenAuth())

NON_FIELD = "__all__"
PAGE_SIZE = 50
ERRORS = {400: dict, 403: dict, 404: dict, 409: dict}


class ErrorsOut(Schema):
    errors: dict[str, list[str]]


def _errors(status: int, message: str) -> Status[dict[str, Any]]:
    return Status(status, {"errors": {NON_FIELD: [message]}})


def _case(user: User, tracking_code: str) -> Application:
    code = tracking_code_normalise(tracking_code)
    application = (
        applications_visible(user=user)
        .select_related("organisation", "assigned_to")
        .filter(tracking_code=code)
        .first()
    )
    if application is None:
        raise Http404
    return application


def _body(request: HttpRequest) -> dict[str, Any]:
    if not request.body:
        return {}
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        raise DomainError(_("请求体不是有效的 JSON。")) from None
    if not isinstance(data, dict):
        raise DomainError(_("请求体应为 JSON 对象。"))
    return {key: "" if value is None else value for key, value in data.items()}


def _not_found() -> Status[dict[str, Any]]:
    return _errors(404, _("未找到该申请。"))


@router.get(
    "/staff/applications",
    response={200: dict, 400: ErrorsOut},
    summary="办理队列",
    description=(
        "参数同工作台队列：status（空=未办结，all=全部）、channel、applicant_type、"
        "assigned（me/none/用户ID）、received_from、received_to、overdue=1、"
        "sort（due、received、-received、-lodged）、page。"
    ),
)
def staff_queue(request: HttpRequest) -> Status[dict[str, Any]]:
    user = api_user(request)
    organisations = organisations_where(
        user=user, permission=Permission.APPLICATION_VIEW
    )
    form = QueueFilterForm(
        request.GET or None,
        organisations=organisations,
        officers=queue_officers(list(organisations.values_list("pk", flat=True))),
        user=user,
    )
    if form.is_bound and not form.is_valid():
        return Status(400, {"errors": form_errors(form)})
    sorts = {"due": "due_on", "received": "received_on", "-received": "-received_on"}
    order = sorts.get(request.GET.get("sort", "due"), "-lodged_at")
    queryset = form.apply(application_queue(user=user, order=order))
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return Status(
        200,
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "results": [case_summary(a) for a in page],
        },
    )


@router.post(
    "/staff/applications",
    response={201: dict, **ERRORS},
    summary="登记当面、邮寄、传真、电子邮件或口头申请",
    openapi_extra=form_schema(
        ApplicationRecordForm,
        {"organisation": {"type": "string", "title": "受理机关统一社会信用代码"}},
    ),
    description=(
        "字段同工作台“登记申请”：organisation 为受理机关的统一社会信用代码；"
        "channel 为 in_person、oral、registered_post（须 signed_for_on）、"
        "ordinary_post、fax、email（confirmed_on 可留空，确认后调用 confirm）。"
    ),
)
def staff_record(request: HttpRequest) -> Status[dict[str, Any]]:
    user = api_user(request)
    organisations = recording_organisations(user)
    try:
        data = _body(request)
    except DomainError as exc:
        return _errors(400, exc.message)
    by_code = {o.credit_code: o.pk for o in organisations}
    data["organisation"] = by_code.get(str(data.get("organisation", "")), "")
    data.setdefault("lodged_on", timezone.localdate().isoformat())
    form = ApplicationRecordForm(data, organisations=organisations)
    if not form.is_valid():
        return Status(400, {"errors": form_errors(form)})
    try:
        application = application_lodge(actor=user, **form.lodge_arguments())
    except DomainError as exc:
        return _errors(exc.status_code, exc.message)
    return Status(201, case_detail(application, user, safe_ledger(application)))


@router.get(
    "/staff/applications/{tracking_code}",
    response={200: dict, 404: ErrorsOut},
    summary="申请详情（含期限计算明细）",
)
def staff_case(request: HttpRequest, tracking_code: str) -> Status[dict[str, Any]]:
    user = api_user(request)
    try:
        application = _case(user, tracking_code)
    except Http404:
        return _not_found()
    return Status(200, case_detail(application, user, safe_ledger(application)))


def _run(
    request: HttpRequest,
    tracking_code: str,
    action: Action,
    consultation_id: int | None = None,
) -> Status[dict[str, Any]]:
    """Parse the body with the action's form and call its service."""
    user = api_user(request)
    try:
        application = _case(user, tracking_code)
        if (
            consultation_id is not None
            and not application.consultations.filter(
                pk=consultation_id, answered_on__isnull=True
            ).exists()
        ):
            raise Http404
        if not may_act(user, application, action):
            return _errors(403, _("您没有办理该事项的权限。"))
        step = ACTION_STEPS[action]
        form = _bound(step.form, _body(request), application)
        if not form.is_valid():
            return Status(400, {"errors": form_errors(form)})
        step.call(user, application, form.arguments())
    except Http404:
        return _not_found()
    except DomainError as exc:
        return _errors(exc.status_code, exc.message)
    except ValidationError as exc:
        return _errors(400, "；".join(exc.messages))
    application.refresh_from_db()
    return Status(200, case_detail(application, user, safe_ledger(application)))


def _bound(
    form_class: type[ActionForm], data: dict[str, Any], application: Application
) -> ActionForm:
    if form_class is FeeNoticeForm:
        data = {**data, "confirmed": "True"}  # the API has no preview step
    return form_class(data, application=application)


def _register(action: Action, path: str) -> None:
    def endpoint(request: HttpRequest, tracking_code: str) -> Status[dict[str, Any]]:
        return _run(request, tracking_code, action)

    endpoint.__name__ = f"staff_{action.value}"
    router.post(
        f"/staff/applications/{{tracking_code}}/{path}",
        response={200: dict, **ERRORS},
        summary=str(action.label),
        operation_id=f"staff_application_{action.value}",
        openapi_extra=form_schema(ACTION_STEPS[action].form),
    )(endpoint)


for _action, _path in (
    (Action.CONFIRM, "confirm"),
    (Action.ASSIGN, "assign"),
    (Action.CORRECTION_NOTICE, "correction-notice"),
    (Action.CORRECTION_RECEIVE, "correction"),
    (Action.CORRECTION_EXPIRE, "correction-expire"),
    (Action.CONSULTATION_START, "consultations"),
    (Action.EXTEND, "extension"),
    (Action.FEE_NOTICE, "fee-notice"),
    (Action.FEE_PAY, "fee-payment"),
    (Action.FEE_EXPIRE, "fee-expire"),
    (Action.REPLY, "reply"),
    (Action.REFER, "referral"),
    (Action.WITHDRAW, "withdrawal"),
):
    _register(_action, _path)


@router.post(
    "/staff/applications/{tracking_code}/consultations/{consultation_id}/answer",
    response={200: dict, **ERRORS},
    summary=str(Action.CONSULTATION_ANSWER.label),
    openapi_extra=form_schema(ConsultationAnswerForm),
)
def staff_consultation_answer(
    request: HttpRequest, tracking_code: str, consultation_id: int
) -> Status[dict[str, Any]]:
    return _run(request, tracking_code, Action.CONSULTATION_ANSWER, consultation_id)


@router.post(
    "/staff/applications/{tracking_code}/fee-quote",
    response={200: dict, **ERRORS},
    summary="计算信息处理费（不发出通知）",
    openapi_extra=form_schema(FeeNoticeForm),
)
def staff_fee_quote(request: HttpRequest, tracking_code: str) -> Status[dict[str, Any]]:
    user = api_user(request)
    try:
        application = _case(user, tracking_code)
        data = _body(request)
        form = FeeNoticeForm(
            {
                "issued_on": timezone.localdate(),
                "notice_received_on": timezone.localdate(),
                **data,
            },
            application=application,
        )
        if not form.is_valid():
            return Status(400, {"errors": form_errors(form)})
        quote = services.fee_application_quote(
            application=application,
            method=form.cleaned_data["method"],
            quantity=form.cleaned_data["quantity"],
        )
    except Http404:
        return _not_found()
    except DomainError as exc:
        return _errors(exc.status_code, exc.message)
    bands = [
        {"first": b.first, "last": b.last, "rate": b.rate, "subtotal": b.subtotal}
        for b in quote.bands
    ]
    return Status(
        200,
        {
            "method": quote.method.value,
            "quantity": quote.quantity,
            "amount": quote.amount,
            "bands": bands,
        },
    )


@router.get(
    "/staff/applications/{tracking_code}/letters/{letter_id}.{fmt}",
    response={200: None, 404: ErrorsOut},
    summary="下载文书（PDF 或 DOCX）",
    url_name="staff_letter",
)
def staff_letter(
    request: HttpRequest, tracking_code: str, letter_id: int, fmt: str
) -> Any:
    user = api_user(request)
    try:
        application = _case(user, tracking_code)
        letter = application.letters.filter(pk=letter_id).first()
        stored = (
            None if letter is None else (letter.pdf if fmt == "pdf" else letter.docx)
        )
        if letter is None or fmt not in FORMATS or not stored:
            raise Http404
        return attachment(stored, f"{application.tracking_code}-{letter.kind}.{fmt}")
    except Http404:
        return _not_found()
