"""The public page of a published report: /reports/<credit_code>/<year>/."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.core.models import Organisation

from ..content import report_content
from ..exports import report_html
from ..selectors import report_published, report_versions


@require_GET
def report_public(request: HttpRequest, org: str, year: int) -> HttpResponse:
    organisation = Organisation.objects.filter(credit_code=org, is_active=True).first()
    if organisation is None:
        raise Http404
    report = report_published(organisation=organisation, year=year)
    if report is None:
        raise Http404
    versions = report_versions(report).filter(status="published")
    return render(
        request,
        "reports/public/report.html",
        {
            "report": report,
            "organisation": organisation,
            "body": report_html(report_content(report)),
            "versions": versions,
        },
    )
