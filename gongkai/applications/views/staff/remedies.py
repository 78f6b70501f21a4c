"""行政复议 and 行政诉讼 about a case: record one, record its result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from gongkai.core.access import actor, staff_required
from gongkai.core.models import User

from ... import services
from ...forms.staff.fields import ActionForm
from ...forms.staff.remedies import RemedyDecideForm, RemedyRecordForm
from ...models import Application, RemedyCase, RemedyResult
from .access import case_get, may_handle
from .responses import attempt, form_refusal, to_case


@require_POST
@staff_required
def remedy_record(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor(request)
    application = case_get(user, pk)
    if not may_handle(user, application):
        raise Http404
    form = RemedyRecordForm(request.POST, prefix="remedy", application=application)
    return _submit(
        request,
        user,
        application,
        (form, "remedy_record_form"),
        lambda args: services.remedy_record(
            actor=user,
            organisation=application.organisation,
            application=application,
            **args,
        ),
        gettext("已登记行政复议/行政诉讼。"),
    )


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
    return _submit(
        request,
        user,
        application,
        (form, f"remedy_decide_{remedy.pk}"),
        lambda args: services.remedy_decide(actor=user, remedy=remedy, **args),
        gettext("已登记复议/诉讼结果。"),
    )


def _submit(
    request: HttpRequest,
    user: User,
    application: Application,
    bound: tuple[ActionForm, str],
    call: Callable[[dict[str, Any]], object],
    success: str,
) -> HttpResponse:
    """Validate the form (its page key), run the service, back to the case."""
    form, key = bound
    if not form.is_valid():
        return form_refusal(request, user, application, form, key)
    args = form.arguments()
    _result, refused = attempt(
        request, user, application, form, key, lambda: call(args)
    )
    if refused is not None:
        return refused
    messages.success(request, success)
    return to_case(application)
