"""The staff report pages under /staff/reports/ (thin: one service per POST)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from gongkai.core.access import actor, staff_required
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import Organisation, User
from gongkai.core.permissions import Permission
from gongkai.core.selectors import organisations_where

from ..content import report_content
from ..exports import FORMATS
from ..forms import ReportCreateForm, ReportTextForm
from ..models import AnnualReport
from ..selectors import report_get_for_staff, reports_visible
from ..services import (
    report_approve,
    report_correct,
    report_create,
    report_publish,
    report_reopen,
    report_save,
)
from .context import report_page_context


def _creatable(request: HttpRequest) -> QuerySet[Organisation]:
    """The organisations this user may start a report for."""
    return organisations_where(
        user=actor(request), permission=Permission.ANNUAL_REPORT_EDIT
    )


@require_GET
@staff_required
def report_list(request: HttpRequest) -> HttpResponse:
    reports = reports_visible(user=actor(request)).order_by(
        "-year", "organisation__path", "scope", "-version"
    )
    allowed = _creatable(request)
    form = ReportCreateForm(organisations=allowed)
    return render(
        request,
        "reports/staff/report_list.html",
        {"reports": reports, "form": form, "may_create": allowed.exists()},
    )


@require_POST
@staff_required
def report_new(request: HttpRequest) -> HttpResponse:
    form = ReportCreateForm(request.POST or None, organisations=_creatable(request))
    if not form.is_valid():
        for message in form.errors.values():
            messages.error(request, "；".join(str(m) for m in message))
        return redirect("staff:report_list")
    return _run(
        request,
        reverse("staff:report_list"),
        lambda: report_create(actor=actor(request), **form.cleaned_data),
        _("已新建报告草稿。"),
    )


@require_GET
@staff_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_get_for_staff(user=actor(request), pk=pk)
    context = report_page_context(actor(request), report)
    return render(request, "reports/staff/report_detail.html", context)


@require_POST
@staff_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor(request)
    report = report_get_for_staff(user=user, pk=pk)
    form = ReportTextForm(request.POST, instance=AnnualReport.objects.get(pk=pk))
    if form.is_valid():
        return _run(
            request,
            _detail_url(report),
            lambda: report_save(actor=user, report=report, text=form.text()),
            _("已保存。"),
        )
    context = report_page_context(user, report, form=form)
    return render(request, "reports/staff/report_detail.html", context, status=400)


def _detail_url(report: AnnualReport) -> str:
    return reverse("staff:report_detail", kwargs={"pk": report.pk})


def _run(
    request: HttpRequest,
    back: str,
    call: Callable[[], AnnualReport],
    success: str,
) -> HttpResponseRedirect:
    """Call one service: its report's page with `success`, or `back` with the
    refusal; an unseen object is 404."""
    try:
        result = call()
    except PermissionDenied as exc:
        raise Http404(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(back)
    messages.success(request, success)
    return redirect(_detail_url(result))


class _Transition(Protocol):
    def __call__(self, *, actor: User, report: AnnualReport) -> AnnualReport: ...


def _transition_view(
    name: str, service: _Transition, success: Promise
) -> Callable[[HttpRequest, int], HttpResponse]:
    """A POST that calls `service(actor=…, report=…)` and goes back to the
    report page with `success` or the service's refusal."""

    @require_POST
    @staff_required
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        user = actor(request)
        report = report_get_for_staff(user=user, pk=pk)
        return _run(
            request,
            _detail_url(report),
            lambda: service(actor=user, report=report),
            str(success),
        )

    view.__name__ = view.__qualname__ = name
    return view


report_approve_view = _transition_view(
    "report_approve_view", report_approve, gettext_lazy("报告已审定，数据已锁定。")
)
report_publish_view = _transition_view(
    "report_publish_view",
    report_publish,
    gettext_lazy("报告已发布到“政府信息公开年报”栏目。"),
)
report_reopen_view = _transition_view(
    "report_reopen_view", report_reopen, gettext_lazy("已退回草稿，可以继续修改。")
)
report_correct_view = _transition_view(
    "report_correct_view",
    report_correct,
    gettext_lazy("已新建更正版本草稿，原版本保留。"),
)


@require_GET
@staff_required
def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = report_get_for_staff(user=actor(request), pk=pk)
    if fmt not in FORMATS:
        raise Http404
    mime, render_bytes = FORMATS[fmt]
    response = HttpResponse(render_bytes(report_content(report)), content_type=mime)
    filename = f"annual-report-{report.organisation.credit_code}-{report.year}"
    response["Content-Disposition"] = (
        f'attachment; filename="{filename}-v{report.version}.{fmt}"'
    )
    return response
