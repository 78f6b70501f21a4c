"""A report as the exporters' `ReportContent` (tables + narrative)."""

from __future__ import annotations

from .compute import ReportFigures, report_figures_for
from .exports import ReportContent
from .models import AnnualReport, ReportScope


def report_content(
    report: AnnualReport, figures: ReportFigures | None = None
) -> ReportContent:
    figures = figures or report_figures_for(report)
    name = report.organisation.name
    if report.scope == ReportScope.SUBTREE:
        name = f"{name}（含下级机关）"
    return ReportContent(
        organisation_name=name,
        year=report.year,
        tables=figures.tables,
        narrative={
            "overview": report.overview,
            "problems": report.problems,
            "other": report.other_matters,
        },
    )
