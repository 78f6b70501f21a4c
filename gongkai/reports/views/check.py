"""Staff page: check another unit's published report table by table."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.core.access import staff_required
from gongkai.core.errors import DomainError
from gongkai.core.permissions import Permission, has_permission_anywhere

from ..checking import CheckResult, report_check_html, report_check_upload
from ..forms_check import ReportCheckForm


def _run(form: ReportCheckForm) -> CheckResult:
    upload = form.cleaned_data.get("file")
    if upload:
        return report_check_upload(filename=upload.name or "", content=upload.read())
    return report_check_html(html=form.cleaned_data["html"])


@staff_required
def report_check(request: HttpRequest) -> HttpResponse:
    if not has_permission_anywhere(request.user, Permission.ANNUAL_REPORT_VIEW):
        raise Http404
    check, status = None, 200
    if request.method != "POST":
        form = ReportCheckForm()
    else:
        form = ReportCheckForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                check = _run(form)
            except DomainError as error:
                form.add_error(None, error.message)
        if form.errors:
            status = 400
    return render(
        request,
        "reports/staff/check.html",
        {"form": form, "check": check},
        status=status,
    )
