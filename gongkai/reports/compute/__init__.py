"""Computing the annual report from the records (spec §3; issue 5).

Everything is counted in the database with conditional aggregates; no
module here loads the rows it counts. `report_figures` is the one entry:
the three tables, the fees collected and the validation (spec §3.5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext

from gongkai.core.models import Organisation

from ..models import AnnualReport, ReportScope, ReportStatus
from ..tables import AnnualTables, Finding, ValidationResult, tables_validate
from .fees import FeesCollected, fees_collected
from .scope import Period
from .snapshot import tables_as_dict, tables_from_dict
from .table2 import table2_compute
from .table3 import table3_compute
from .table4 import table4_compute

__all__ = [
    "FeesCollected",
    "Period",
    "ReportFigures",
    "report_figures",
    "report_figures_for",
    "tables_compute",
]


@dataclass
class ReportFigures:
    organisation: Organisation
    year: int
    scope: str
    tables: AnnualTables
    fees: FeesCollected
    validation: ValidationResult = field(default_factory=ValidationResult)
    sources: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The shape of `GET /api/v1/reports/annual` (issue 5)."""
        data = tables_as_dict(self.tables)
        data["table2"]["sources"] = dict(self.sources)
        return {
            "org": self.organisation.credit_code,
            "year": self.year,
            "scope": self.scope,
            **data,
            "fees_collected": {"cases": self.fees.cases, "amount": self.fees.amount},
            "errors": [f.as_dict() for f in self.validation.errors],
            "warnings": [f.as_dict() for f in self.validation.warnings],
        }


def tables_compute(
    organisation: Organisation,
    year: int,
    scope: str = ReportScope.OWN,
    report: AnnualReport | None = None,
) -> AnnualTables:
    """The live tables; the hand-entered Table 2 cells come from `report`."""
    decisions = {}
    fee_amount = Decimal("0")
    if report is not None:
        decisions = {
            "licences": report.licences,
            "penalties": report.penalties,
            "coercions": report.coercions,
        }
        fee_amount = Decimal(report.charges)
    return AnnualTables(
        table2=table2_compute(
            organisation, scope, year, decisions=decisions, fee_amount=fee_amount
        ),
        table3=table3_compute(organisation, scope, year),
        table4=table4_compute(organisation, scope, year),
    )


def _current_report(
    organisation: Organisation, year: int, scope: str
) -> AnnualReport | None:
    return AnnualReport.objects.filter(
        organisation=organisation, year=year, scope=scope, is_current=True
    ).first()


def _previous_tables(
    organisation: Organisation, year: int, scope: str, tables: AnnualTables
) -> AnnualTables:
    """Last year's tables as published, else as the records give them now.

    From the same records last year's 结转下年度 is by definition this year's
    上年结转 (both: received before 1 January and open on it), so the live
    Table 3 is not counted a second time; Table 2 is (for the in-force check).
    """
    published = (
        AnnualReport.objects.filter(
            organisation=organisation,
            year=year - 1,
            scope=scope,
            status=ReportStatus.PUBLISHED,
        )
        .order_by("-version")
        .first()
    )
    if published is not None and published.snapshot:
        return tables_from_dict(published.snapshot)
    previous = AnnualTables(table2=table2_compute(organisation, scope, year - 1))
    for column, n in tables.table3.cells["carried_over"].items():
        previous.table3.cells["carried_forward"][column] = n
    return previous


def report_figures(
    *,
    organisation: Organisation,
    year: int,
    scope: str = ReportScope.OWN,
    report: AnnualReport | None = None,
) -> ReportFigures:
    """Live figures; `report` (default: the current one) gives manual cells."""
    scope = ReportScope(scope).value
    report = report or _current_report(organisation, year, scope)
    tables = tables_compute(organisation, year, scope, report)
    figures = ReportFigures(
        organisation=organisation,
        year=year,
        scope=scope,
        tables=tables,
        fees=fees_collected(organisation, scope, year),
        validation=tables_validate(
            tables, previous=_previous_tables(organisation, year, scope, tables)
        ),
        sources=_sources(report),
    )
    if report is not None:
        _check_section_six(report, figures)
    return figures


def report_figures_for(report: AnnualReport) -> ReportFigures:
    """A draft's live figures; an approved report's frozen ones."""
    if report.snapshot is None:
        return report_figures(
            organisation=report.organisation,
            year=report.year,
            scope=report.scope,
            report=report,
        )
    snap = report.snapshot
    result = ValidationResult()
    for item in [*snap.get("errors", []), *snap.get("warnings", [])]:
        result.add(Finding(item["level"], item["cell"], item["message"]))
    fees = snap.get("fees_collected", {})
    return ReportFigures(
        organisation=report.organisation,
        year=report.year,
        scope=report.scope,
        tables=tables_from_dict(snap),
        fees=FeesCollected(int(fees.get("cases", 0)), int(fees.get("amount", 0))),
        validation=result,
        sources=dict(snap.get("table2", {}).get("sources", {})),
    )


def _sources(report: AnnualReport | None) -> dict[str, str]:
    if report is None:
        return {}
    return {
        "licences": report.licences_source,
        "penalties": report.penalties_source,
        "coercions": report.coercions_source,
        "fees": report.charges_source,
    }


def _check_section_six(report: AnnualReport, figures: ReportFigures) -> None:
    """Soft check 10 (spec §3.5): section 六 states the fees actually collected."""
    amount = figures.fees.amount
    if amount and str(amount) not in report.other_matters:
        figures.validation.add(
            Finding(
                "warning",
                gettext("六、其他需要报告的事项"),
                gettext(
                    "本年实际收取信息处理费 %(cases)s 件、%(amount)s 元，"
                    "第六部分未写明该金额。"
                )
                % {"cases": figures.fees.cases, "amount": amount},
            )
        )
