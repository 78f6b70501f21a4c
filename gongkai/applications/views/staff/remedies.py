"""行政复议 and 行政诉讼 about a case: record one, record its result."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from gongkai.core.access import actor, staff_required

from ... import services
from ...forms.staff.remedies import RemedyDecideForm, RemedyRecordForm
from ...models import RemedyCase, RemedyResult
from .access import case_get, may_handle
from .responses import attempt, refusal, to_case


@require_POST
@staff_required
def remedy_record(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor(request)
    application = case_get(user, pk)
    if not may_handle(user, application):
        raise Http404
    form = RemedyRecordForm(request.POST, prefix="remedy", application=application)
    key = "remedy_record_form"
    if not form.is_valid():
        message = gettext("提交的内容有误，请按提示修改。")
        return refusal(
            request, user, application, message, status=400, bound={key: form}
        )
    args = form.arguments()
    _result, refused = attempt(
        request,
        user,
        application,
        form,
        key,
        lambda: services.remedy_record(
            actor=user,
            organisation=application.organisation,
            application=application,
            **args,
        ),
    )
    if refused is not None:
        return refused
    messages.success(request, gettext("已登记行政复议/行政诉讼。"))
    return to_case(application)


@require_POST
@staff_required
def remedy_decide(request: HttpRequest, pk: int, remedy_pk: int) -> HttpResponse:
    user = actor(request)
    application = case_get(user, pk)
    if not may_handle(user, application):
        raise Http404
    remedy = get_object_or_404(
        RemedyCase, pk=remedy_pk, application=application, result=RemedyResult.PENDING
    )
    prefix = f"remedy-{remedy.pk}"
    form = RemedyDecideForm(request.POST, prefix=prefix, application=application)
    key = f"remedy_decide_{remedy.pk}"
    if not form.is_valid():
        message = gettext("提交的内容有误，请按提示修改。")
        return refusal(
            request, user, application, message, status=400, bound={key: form}
        )
    args = form.arguments()
    _result, refused = attempt(
        request,
        user,
        application,
        form,
        key,
        lambda: services.remedy_decide(actor=user, remedy=remedy, **args),
    )
    if refused is not None:
        return refused
    messages.success(request, gettext("已登记复议/诉讼结果。"))
    return to_case(application)
