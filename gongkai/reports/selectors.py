"""Reads for the report pages: which reports a user sees, and the drill-down.

The drill-down is the list of records behind one number of the tables. It
is built from the very filters the computation counts with (compute.table2/3/4
`row_q`/`column_q`), so a list always has as many rows as its number says.
It is for staff holding APPLICATION_STATISTICS_VIEW over every organisation
the number covers (officers and heads their own, supervisors their subtree);
anyone else gets 404. The lists carry no personal data of applicants: no
names, identity numbers, contact details or request texts (architecture rule 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import Http404

from gongkai.core.models import Organisation
from gongkai.core.permissions import Permission, has_permission
from gongkai.core.selectors import organisations_where, subtree

from .compute import table2, table3, table4
from .compute.scope import Period
from .models import AnnualReport, ReportScope, ReportStatus
from .tables import (
    TABLE2_DOCUMENT_COLUMNS,
    TABLE2_DOCUMENT_ROWS,
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from gongkai.core.models import User

# What a drill-down list shows of each kind of record (never personal data).
APPLICATION_COLUMNS = (
    "id", "organisation__name", "applicant_type", "channel", "received_on",
    "closed_on", "status", "outcome",
)  # fmt: skip
REMEDY_COLUMNS = (
    "id", "organisation__name", "kind", "case_number", "body", "filed_on",
    "result", "decided_on", "application_id",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "id", "organisation__name", "title", "index_number", "doc_number",
    "published_on", "effective_on", "expires_on", "validity",
)  # fmt: skip


@dataclass(frozen=True)
class Cell:
    """One number of the tables, keyed as the exporters key it."""

    table: str
    row: str
    column: str

    @property
    def key(self) -> str:
        return f"{self.table}.{self.row}.{self.column}"


_CELLS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "table2": (TABLE2_DOCUMENT_ROWS, TABLE2_DOCUMENT_COLUMNS),
    "table3": (TABLE3_ROWS, TABLE3_COLUMNS),
    "table4": (TABLE4_GROUPS, TABLE4_COLUMNS),
}


def cell_parse(key: str) -> Cell:
    """A drill-down key (e.g. "table3.new.total"); 404 if it names no list."""
    parts = key.split(".")
    if len(parts) != 3 or parts[0] not in _CELLS:
        raise Http404
    rows, columns = _CELLS[parts[0]]
    if parts[1] not in rows or parts[2] not in columns:
        raise Http404
    return Cell(*parts)


def drill_down_keys() -> list[str]:
    """Every number that has a list behind it (hand-entered cells have none)."""
    return [
        Cell(table, row, column).key
        for table, (rows, columns) in _CELLS.items()
        for row in rows
        for column in columns
    ]


def statistics_visible(
    *, user: User | AnonymousUser, organisation: Organisation, scope: str
) -> bool:
    """May see counts and case lists for every organisation the scope covers."""
    if not has_permission(user, Permission.APPLICATION_STATISTICS_VIEW, organisation):
        return False
    if ReportScope(scope) is ReportScope.OWN:
        return True
    allowed = organisations_where(
        user=user, permission=Permission.APPLICATION_STATISTICS_VIEW
    )
    return not subtree(organisation).exclude(pk__in=allowed).exists()


def cell_records(
    *,
    user: User | AnonymousUser,
    organisation: Organisation,
    year: int,
    scope: str,
    key: str,
) -> QuerySet[Any, dict[str, Any]]:
    """The records behind one number, as rows of the safe columns above."""
    if scope not in ReportScope.values:
        raise Http404
    if not statistics_visible(user=user, organisation=organisation, scope=scope):
        raise Http404
    cell, period = cell_parse(key), Period(year)
    if cell.table == "table3":
        apps = table3.applications_counted(organisation, scope, period).filter(
            table3.row_q(cell.row, period), table3.column_q(cell.column)
        )
        return apps.order_by("received_on", "id").values(*APPLICATION_COLUMNS)
    if cell.table == "table4":
        remedies = table4.remedies_counted(organisation, scope, period).filter(
            table4.group_q(cell.row), table4.column_q(cell.column, period)
        )
        return remedies.order_by("filed_on", "id").values(*REMEDY_COLUMNS)
    documents = table2.documents_counted(organisation, scope).filter(
        table2.row_q(cell.row), table2.column_q(cell.column, period)
    )
    return documents.order_by("published_on", "id").values(*DOCUMENT_COLUMNS)


def reports_visible(*, user: User | AnonymousUser) -> QuerySet[AnnualReport]:
    """The reports of every organisation where the user holds ANNUAL_REPORT_VIEW."""
    allowed = organisations_where(user=user, permission=Permission.ANNUAL_REPORT_VIEW)
    return AnnualReport.objects.filter(organisation__in=allowed).select_related(
        "organisation"
    )


def report_get_for_staff(*, user: User | AnonymousUser, pk: int) -> AnnualReport:
    report = reports_visible(user=user).filter(pk=pk).first()
    if report is None:
        raise Http404
    return report


def report_published(*, organisation: Organisation, year: int) -> AnnualReport | None:
    """The latest published version (the public page)."""
    return (
        AnnualReport.objects.filter(
            organisation=organisation, year=year, status=ReportStatus.PUBLISHED
        )
        .select_related("organisation", "document")
        .order_by("-published_at", "-version")
        .first()
    )


def report_versions(report: AnnualReport) -> QuerySet[AnnualReport]:
    """Every version of the same organisation, year and scope, newest first."""
    return AnnualReport.objects.filter(
        organisation=report.organisation, year=report.year, scope=report.scope
    ).order_by("-version")
