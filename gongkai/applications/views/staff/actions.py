"""The workflow actions: one generic view, one POST URL per row of the table."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from gongkai.core.access import View, actor, staff_required
from gongkai.core.errors import DomainError
from gongkai.core.models import User

from ... import services
from ...forms.staff.actions import FeeNoticeForm
from ...models import Application, CorrectionNotice
from ...workflow import Action
from .access import case_get, may_act
from .action_table import ACTION_STEPS, form_key
from .detail import render_case
from .responses import attempt, form_refusal, refusal, to_case


def action_view(action: Action) -> View[[int]]:
    """Load the visible case, check the action's permission, parse its form
    (invalid: the page again with 400), call the service, redirect."""
    step = ACTION_STEPS[action]
    key = form_key(action)

    @require_POST
    @staff_required
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        user = actor(request)
        application = case_get(user, pk)
        if not may_act(user, application, action):
            message = gettext("您没有办理该事项的权限。")
            return refusal(request, user, application, message, status=403)
        form = step.form(
            request.POST, request.FILES, prefix=step.slug, application=application
        )
        if not form.is_valid():
            return form_refusal(request, user, application, form, key)
        if isinstance(form, FeeNoticeForm) and not form.cleaned_data["confirmed"]:
            return fee_preview(request, user, application, form)
        args = form.arguments()
        result, refused = attempt(
            request,
            user,
            application,
            form,
            key,
            lambda: step.call(user, application, args),
        )
        if refused is not None:
            return refused
        _success_tell(request, str(step.success), result)
        return back_to(request, application)

    view.__name__ = view.__qualname__ = f"application_{action.value}"
    return view


def _success_tell(request: HttpRequest, success: str, result: object) -> None:
    messages.success(request, success)
    if isinstance(result, CorrectionNotice) and result.late:
        messages.warning(
            request, gettext("注意：该补正通知超过收到申请后7个工作日发出。")
        )


def back_to(request: HttpRequest, application: Application) -> HttpResponse:
    """The case, or the back-office page that posted the form (`next`)."""
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if safe and target.startswith("/staff/"):
        return redirect(target)
    return to_case(application)


def fee_preview(
    request: HttpRequest, user: User, application: Application, form: FeeNoticeForm
) -> HttpResponse:
    """Show the computed fee (109号) and ask to confirm before the notice."""
    data = form.cleaned_data
    try:
        quote = services.fee_application_quote(
            application=application, method=data["method"], quantity=data["quantity"]
        )
    except DomainError as exc:
        form.add_error(None, exc.message)
        return refusal(
            request,
            user,
            application,
            exc.message,
            status=400,
            bound={form_key(Action.FEE_NOTICE): form},
        )
    posted = request.POST.copy()
    posted[f"{form.prefix}-confirmed"] = "True"
    confirm = FeeNoticeForm(posted, prefix=form.prefix, application=application)
    confirm.is_valid()
    return render_case(
        request,
        user,
        application,
        bound={form_key(Action.FEE_NOTICE): confirm},
        extra={"fee_quote": quote},
    )


ACTION_VIEWS: dict[Action, View[[int]]] = {
    action: action_view(action) for action in ACTION_STEPS
}
