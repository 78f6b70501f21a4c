"""Table 3 (收到和处理政府信息公开申请情况) counted in the database.

One grouped query: per applicant type and outcome, one conditional COUNT
per period condition. The same `row_q`/`column_q` filters give the
drill-down lists, so a number and the list behind it can never disagree.

Rows (spec §3.3, §3.5):
- new: `received_on` in the year (R1);
- carried_over: received before 1 January and still open on 1 January, i.e.
  open now or closed on/after 1 January (R2);
- each outcome: closed in the year with that outcome (R3–R23), and their
  total (R24);
- carried_forward: received by 31 December and open on 31 December, i.e.
  open now or closed after 31 December (R25).
An application lodged but not yet received (no `received_on`) is counted
nowhere. Then R1 + R2 = R24 + R25 holds per column whenever
closed_on ≥ received_on.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from gongkai.applications.choices import Outcome
from gongkai.applications.models import Application
from gongkai.core.models import Organisation

from ..tables import OUTCOME_ROWS, TABLE3_COLUMNS, Table3
from .scope import Period, organisation_q


def row_q(row: str, period: Period) -> Q:
    """The applications counted in `row` of Table 3."""
    start, end = period.start, period.end
    closed_in_year = Q(closed_on__gte=start, closed_on__lte=end, received_on__lte=end)
    if row == "new":
        return Q(received_on__gte=start, received_on__lte=end)
    if row == "carried_over":
        return Q(received_on__lt=start) & (
            Q(closed_on__isnull=True) | Q(closed_on__gte=start)
        )
    if row == "total":
        return closed_in_year
    if row == "carried_forward":
        return Q(received_on__lte=end) & (
            Q(closed_on__isnull=True) | Q(closed_on__gt=end)
        )
    if row in OUTCOME_ROWS:
        return closed_in_year & Q(outcome=Outcome(row).value)
    raise ValueError(f"unknown Table 3 row {row!r}")


def column_q(column: str) -> Q:
    if column == "total":
        return Q()
    if column not in TABLE3_COLUMNS:
        raise ValueError(f"unknown Table 3 column {column!r}")
    return Q(applicant_type=column)


def applications_counted(
    organisation: Organisation, scope: str, period: Period
) -> QuerySet[Application]:
    """Every application that appears in some row of the year's Table 3."""
    return Application.objects.filter(
        organisation_q(organisation, scope),
        received_on__isnull=False,
        received_on__lte=period.end,
    ).filter(
        # A row closed before it was received (bad data) still counts in R1,
        # so that the identity R1 + R2 = R24 + R25 exposes it.
        Q(closed_on__isnull=True)
        | Q(closed_on__gte=period.start)
        | Q(received_on__gte=period.start)
    )


# The four period conditions; the outcome rows are "closed" split by outcome.
_BUCKETS = ("new", "carried_over", "total", "carried_forward")


def table3_compute(organisation: Organisation, scope: str, year: int) -> Table3:
    """One GROUP BY (applicant type, outcome) query with four conditional
    counts; at most 6 × 22 small rows come back. The 总计 row and column are
    sums of those counts."""
    period = Period(year)
    grouped = (
        applications_counted(organisation, scope, period)
        .order_by()
        .values("applicant_type", "outcome")
        .annotate(**{f"n_{b}": Count("pk", filter=row_q(b, period)) for b in _BUCKETS})
    )
    counts: dict[tuple[str, str], int] = {}
    for group in grouped:
        column = group["applicant_type"]
        if column not in TABLE3_COLUMNS:
            continue  # not an applicant type of the format: never counted
        for row in ("new", "carried_over", "carried_forward"):
            counts[(row, column)] = counts.get((row, column), 0) + group[f"n_{row}"]
        if group["outcome"] in OUTCOME_ROWS and group["n_total"]:
            key = (group["outcome"], column)
            counts[key] = counts.get(key, 0) + group["n_total"]
    return Table3.from_counts(counts)
