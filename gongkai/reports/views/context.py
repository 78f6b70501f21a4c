"""What the staff report page shows: tables with links, findings, charts."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from gongkai.core.models import User
from gongkai.core.permissions import Permission, has_permission

from .. import charts
from ..compute import report_figures_for, tables_compute
from ..compute.monthly import received_by_month
from ..content import report_content
from ..exports import FORMATS, report_html
from ..forms import ReportTextForm
from ..models import AnnualReport, ReportStatus
from ..selectors import drill_down_keys, report_versions, statistics_visible


def cell_links(report: AnnualReport) -> dict[str, str]:
    org, year, scope = report.organisation, report.year, report.scope
    return {
        key: reverse("staff:report_cell", args=[org.credit_code, year, scope, key])
        for key in drill_down_keys()
    }


def _charts(report: AnnualReport, tables: Any) -> dict[str, Any]:
    org, year, scope = report.organisation, report.year, report.scope
    previous = tables_compute(org, year - 1, scope)
    this_months = received_by_month(org, scope, year)
    last_months = received_by_month(org, scope, year - 1)
    comparison = charts.comparison_rows(tables, previous)
    return {
        "months": charts.months_chart(year, this_months, last_months),
        "months_rows": list(zip(range(1, 13), last_months, this_months, strict=True)),
        "outcomes": charts.outcomes_chart(tables),
        "outcome_rows": charts.outcome_groups(tables),
        "comparison": charts.comparison_chart(year, comparison),
        "comparison_rows": comparison,
    }


def _may(user: User, report: AnnualReport) -> dict[str, bool]:
    org = report.organisation
    edit = has_permission(user, Permission.ANNUAL_REPORT_EDIT, org)
    status = report.status
    return {
        "edit": edit and status == ReportStatus.DRAFT,
        "approve": has_permission(user, Permission.ANNUAL_REPORT_APPROVE, org)
        and status == ReportStatus.DRAFT,
        "publish": has_permission(user, Permission.DOCUMENT_PUBLISH, org)
        and status == ReportStatus.APPROVED,
        "reopen": has_permission(user, Permission.ANNUAL_REPORT_APPROVE, org)
        and status == ReportStatus.APPROVED,
        "correct": edit and status == ReportStatus.PUBLISHED and report.is_current,
    }


def report_page_context(
    user: User, report: AnnualReport, form: ReportTextForm | None = None
) -> dict[str, Any]:
    figures = report_figures_for(report)
    drill = statistics_visible(
        user=user, organisation=report.organisation, scope=report.scope
    )
    links = cell_links(report) if drill else None
    may = _may(user, report)
    if may["edit"] and form is None:
        form = ReportTextForm(instance=report)
    return {
        "report": report,
        "figures": figures,
        "body": report_html(report_content(report, figures), links=links),
        "findings": figures.validation,
        "may": may,
        "form": form if may["edit"] else None,
        "versions": report_versions(report),
        "formats": list(FORMATS),
        "charts": _charts(report, figures.tables),
    }
