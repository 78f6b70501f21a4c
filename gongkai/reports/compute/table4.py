"""Table 4 (政府信息公开行政复议、行政诉讼情况) counted in the database.

A case belongs to the year it was filed, with its result as it stood on
31 December: decided later (or not yet) means 尚未审结 (RemedyCase docstring).
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from gongkai.applications.models import RemedyCase, RemedyKind, RemedyResult
from gongkai.core.models import Organisation

from ..tables import TABLE4_COLUMNS, TABLE4_GROUPS, Table4
from .scope import Period, organisation_q


def column_q(column: str, period: Period) -> Q:
    """The cases counted in `column` of a Table 4 group."""
    decided_by_end = Q(decided_on__isnull=False, decided_on__lte=period.end)
    if column == "total":
        return Q()
    if column == "pending":
        return Q(result=RemedyResult.PENDING) | Q(decided_on__gt=period.end)
    if column in TABLE4_COLUMNS:
        return decided_by_end & Q(result=RemedyResult(column).value)
    raise ValueError(f"unknown Table 4 column {column!r}")


def group_q(group: str) -> Q:
    if group not in TABLE4_GROUPS:
        raise ValueError(f"unknown Table 4 group {group!r}")
    return Q(kind=RemedyKind(group).value)


def remedies_counted(
    organisation: Organisation, scope: str, period: Period
) -> QuerySet[RemedyCase]:
    return RemedyCase.objects.filter(
        organisation_q(organisation, scope),
        filed_on__gte=period.start,
        filed_on__lte=period.end,
    )


def table4_compute(organisation: Organisation, scope: str, year: int) -> Table4:
    period = Period(year)
    counted = [c for c in TABLE4_COLUMNS if c != "total"]
    grouped = (
        remedies_counted(organisation, scope, period)
        .order_by()
        .values("kind")
        .annotate(
            **{f"n_{c}": Count("pk", filter=column_q(c, period)) for c in counted}
        )
    )
    counts: dict[tuple[str, str], int] = {}
    for group in grouped:
        if group["kind"] in TABLE4_GROUPS:
            for column in counted:
                counts[(group["kind"], column)] = group[f"n_{column}"]
    return Table4.from_counts(counts)
