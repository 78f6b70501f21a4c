"""Table 2 (主动公开政府信息情况): the document rows from the library.

条例第二十条第（一）项 rows count the public documents whose 文件性质 is
规章 or 行政规范性文件, issued by an organisation in scope (the lead issuer;
joint documents count once, for the organisation that published them):
- issued (本年制发): published in the year;
- repealed (本年废止): ceased (invalid or repealed) with `expires_on` in the year;
- in_force (现行有效): published by 31 December, already effective then and
  not ceased by then.
Withdrawn documents (taken off the site) count nowhere. The decision rows and
the fee amount are entered by hand on the report (`models.MANUAL_CELLS`).
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from gongkai.core.models import Organisation
from gongkai.documents.models import Document, LegalForm, Validity
from gongkai.documents.workflow import PUBLIC_STATUSES

from ..tables import TABLE2_DOCUMENT_COLUMNS, TABLE2_DOCUMENT_ROWS, Table2
from .scope import Period, organisation_q

ROW_LEGAL_FORMS = {
    "rules": LegalForm.RULE,
    "normative_documents": LegalForm.NORMATIVE_DOCUMENT,
}
ENDED = (Validity.INVALID, Validity.REPEALED)


def column_q(column: str, period: Period) -> Q:
    start, end = period.start, period.end
    if column == "issued":
        return Q(published_on__gte=start, published_on__lte=end)
    if column == "repealed":
        return Q(validity__in=ENDED, expires_on__gte=start, expires_on__lte=end)
    if column == "in_force":
        not_ended = Q(expires_on__gt=end) | (
            Q(expires_on__isnull=True) & ~Q(validity__in=ENDED)
        )
        effective = Q(effective_on__isnull=True) | Q(effective_on__lte=end)
        return Q(published_on__lte=end) & effective & not_ended
    raise ValueError(f"unknown Table 2 column {column!r}")


def row_q(row: str) -> Q:
    if row not in ROW_LEGAL_FORMS:
        raise ValueError(f"unknown Table 2 row {row!r}")
    return Q(legal_form=ROW_LEGAL_FORMS[row].value)


def documents_counted(organisation: Organisation, scope: str) -> QuerySet[Document]:
    return Document.objects.filter(
        organisation_q(organisation, scope),
        status__in=list(PUBLIC_STATUSES),
        legal_form__in=[form.value for form in ROW_LEGAL_FORMS.values()],
    )


def table2_compute(
    organisation: Organisation,
    scope: str,
    year: int,
    *,
    decisions: dict[str, int] | None = None,
    fee_amount: Decimal = Decimal("0"),
) -> Table2:
    period = Period(year)
    grouped = (
        documents_counted(organisation, scope)
        .order_by()
        .values("legal_form")
        .annotate(
            **{
                f"n_{c}": Count("pk", filter=column_q(c, period))
                for c in TABLE2_DOCUMENT_COLUMNS
            }
        )
    )
    table = Table2(fee_amount=fee_amount)
    by_form = {group["legal_form"]: group for group in grouped}
    for row in TABLE2_DOCUMENT_ROWS:
        group = by_form.get(ROW_LEGAL_FORMS[row].value)
        for column in TABLE2_DOCUMENT_COLUMNS:
            table.documents[row][column] = group[f"n_{column}"] if group else 0
    table.decisions.update(decisions or {})
    return table
