"""Annual reports for the demo (to be called by the demo loader, after it has
loaded two years of applications).

For each organisation that has applications and a head: last year's report
(`year` - 1) is created, approved and published (dated 20 January, as a
department must publish by 31 January, 条例第四十九条), and this year's is
left as a draft, so its 上年结转 can be checked against a published 结转下年度.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from gongkai.applications.models import Application
from gongkai.core.models import Organisation, Role, User

from .models import AnnualReport
from .services import report_approve, report_create, report_publish


def _head(organisation: Organisation) -> User | None:
    return (
        User.objects.filter(
            role_assignments__organisation=organisation,
            role_assignments__role=Role.HEAD,
            is_active=True,
        )
        .order_by("pk")
        .first()
    )


def annual_reports_demo(*, year: int) -> int:
    """Publish `year` - 1 and draft `year` for each organisation; returns the
    number of reports created. Idempotent: existing reports are left alone."""
    created = 0
    with_applications = Application.objects.values("organisation_id").distinct()
    for organisation in Organisation.objects.filter(pk__in=with_applications):
        head = _head(organisation)
        if head is None:
            continue
        for report_year in (year - 1, year):
            if AnnualReport.objects.filter(
                organisation=organisation, year=report_year
            ).exists():
                continue
            report = report_create(
                actor=head, organisation=organisation, year=report_year
            )
            created += 1
            published_on = date(report_year + 1, 1, 20)
            if report_year < year and published_on <= timezone.localdate():
                report = report_approve(actor=head, report=report)
                report_publish(actor=head, report=report, published_on=published_on)
    return created
