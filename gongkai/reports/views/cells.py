"""The drill-down: the list of records behind one number (staff only)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.applications.choices import ApplicantType, Channel, Outcome
from gongkai.applications.models import ApplicationStatus, RemedyKind, RemedyResult
from gongkai.core.access import actor, staff_required
from gongkai.core.models import Organisation
from gongkai.documents.models import Validity

from ..selectors import cell_parse, cell_records

PAGE_SIZE = 50
LABELS = {
    "applicant_type": dict(ApplicantType.choices),
    "channel": dict(Channel.choices),
    "status": dict(ApplicationStatus.choices),
    "outcome": dict(Outcome.choices),
    "kind": dict(RemedyKind.choices),
    "result": dict(RemedyResult.choices),
    "validity": dict(Validity.choices),
}


@require_GET
@staff_required
def report_cell(
    request: HttpRequest, org: str, year: int, scope: str, key: str
) -> HttpResponse:
    organisation = Organisation.objects.filter(credit_code=org).first()
    if organisation is None:
        raise Http404
    records = cell_records(
        user=actor(request), organisation=organisation, year=year, scope=scope, key=key
    )
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {name: LABELS[name].get(v, v) if name in LABELS else v for name, v in r.items()}
        for r in page.object_list
    ]
    return render(
        request,
        "reports/staff/cell_list.html",
        {
            "organisation": organisation,
            "year": year,
            "scope": scope,
            "cell": cell_parse(key),
            "page": page,
            "rows": rows,
            "columns": list(rows[0]) if rows else [],
        },
    )
