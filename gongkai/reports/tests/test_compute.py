"""The tables computed from a hand-built ledger (spec §3.3–§3.5)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.applications.choices import ApplicantType
from gongkai.applications.models import RemedyKind, RemedyResult
from gongkai.core.models import Organisation
from gongkai.core.tests.factories import OrganisationFactory
from gongkai.documents.models import LegalForm, Validity
from gongkai.documents.tests.factories import DocumentFactory
from gongkai.reports.compute import report_figures, tables_compute
from gongkai.reports.compute.narrative import fees_paragraph, overview_paragraph
from gongkai.reports.compute.table3 import table3_compute
from gongkai.reports.models import AnnualReport
from gongkai.reports.tables import TABLE3_COLUMNS

from .ledger import NP, D, Row, fee_create, fixture_rows, ledger_create, remedy_create

pytestmark = pytest.mark.django_db

COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
           "social_welfare_org", "legal_service_org", "other_org", "total")  # fmt: skip

# Hand-computed from ledger.fixture_rows() for 2025.
# Columns:      NP CE RI SW LS OO total
EXPECTED = {
    "new":                                  (5, 4, 4, 3, 4, 4, 24),
    "carried_over":                         (2, 1, 1, 0, 0, 0, 4),
    "disclosed":                            (3, 0, 0, 0, 0, 0, 3),
    "partly_disclosed":                     (0, 1, 1, 0, 0, 0, 2),
    "withheld_state_secret":                (0, 0, 1, 0, 0, 0, 1),
    "withheld_prohibited_by_law":           (0, 0, 0, 1, 0, 0, 1),
    "withheld_security_stability":          (0, 0, 0, 0, 1, 0, 1),
    "withheld_third_party":                 (0, 0, 0, 0, 0, 1, 1),
    "withheld_internal_affairs":            (1, 0, 0, 0, 0, 0, 1),
    "withheld_process_info":                (0, 1, 0, 0, 0, 0, 1),
    "withheld_enforcement_file":            (0, 0, 1, 0, 0, 0, 1),
    "withheld_query_matter":                (0, 0, 0, 1, 0, 0, 1),
    "unavailable_not_held":                 (0, 0, 0, 0, 1, 0, 1),
    "unavailable_needs_creation":           (0, 0, 0, 0, 0, 1, 1),
    "unavailable_unclear_after_correction": (1, 0, 0, 0, 0, 0, 1),
    "not_processed_petition":               (0, 1, 0, 0, 0, 0, 1),
    "not_processed_duplicate":              (0, 0, 1, 0, 0, 0, 1),
    "not_processed_publication":            (0, 0, 0, 1, 0, 0, 1),
    "not_processed_excessive":              (0, 0, 0, 0, 1, 0, 1),
    "not_processed_confirmation":           (0, 0, 0, 0, 0, 1, 1),
    "other_correction_overdue":             (1, 0, 0, 0, 0, 0, 1),
    "other_fee_unpaid":                     (0, 1, 0, 0, 0, 0, 1),
    "other":                                (0, 0, 1, 0, 0, 0, 1),
    "total":                                (6, 4, 5, 3, 3, 3, 24),
    "carried_forward":                      (1, 1, 0, 0, 1, 1, 4),
}  # fmt: skip


def _expected() -> dict[str, dict[str, int]]:
    return {
        row: dict(zip(COLUMNS, values, strict=True)) for row, values in EXPECTED.items()
    }


@pytest.fixture
def org() -> Organisation:
    return OrganisationFactory.create()


def test_columns_are_the_applicant_types_plus_total() -> None:
    assert (*(t.value for t in ApplicantType), "total") == TABLE3_COLUMNS
    assert COLUMNS == TABLE3_COLUMNS


def test_table3_matches_the_hand_computed_ledger(org: Organisation) -> None:
    ledger_create(org, fixture_rows())
    ledger_create(OrganisationFactory.create(), fixture_rows())  # someone else's
    table = table3_compute(org, "own", 2025)
    assert table.as_dict() == _expected()


def test_table3_is_one_query(org: Organisation) -> None:
    ledger_create(org, fixture_rows())
    with CaptureQueriesContext(connection) as queries:
        table3_compute(org, "own", 2025)
    assert len(queries) == 1
    assert "GROUP BY" in queries[0]["sql"].upper()


def test_hard_identities_hold_for_the_ledger(org: Organisation) -> None:
    ledger_create(org, fixture_rows())
    figures = report_figures(organisation=org, year=2025)
    assert figures.validation.errors == []


def test_next_year_carries_over_what_this_year_carries_forward(
    org: Organisation,
) -> None:
    ledger_create(org, fixture_rows())
    this_year = table3_compute(org, "own", 2025).cells
    next_year = table3_compute(org, "own", 2026).cells
    assert next_year["carried_over"] == this_year["carried_forward"]
    # The one received on 2 January 2026 is new there.
    assert next_year["new"]["natural_person"] == 1
    figures = report_figures(organisation=org, year=2026)
    assert not [w for w in figures.validation.warnings if "上年结转" in w.message]


def test_subtree_sums_the_organisation_and_everything_below(org: Organisation) -> None:
    child = OrganisationFactory.create(parent=org)
    grandchild = OrganisationFactory.create(parent=child)
    sibling = OrganisationFactory.create()
    ledger_create(org, fixture_rows())
    ledger_create(child, [Row(NP, D(2025, 2, 2), D(2025, 2, 20), "disclosed")])
    ledger_create(grandchild, fixture_rows())
    ledger_create(sibling, fixture_rows())
    subtree = table3_compute(org, "subtree", 2025).cells
    own = table3_compute(org, "own", 2025).cells
    expected = _expected()
    for row, cols in expected.items():
        for column, n in cols.items():
            extra = 1 if row in {"new", "disclosed", "total"} and column in {
                "natural_person", "total"} else 0  # fmt: skip
            assert subtree[row][column] == 2 * n + extra, (row, column)
    assert own == expected
    child_only = table3_compute(child, "subtree", 2025).cells
    assert child_only["new"]["total"] == 1 + 24


def test_table4_counts_results_as_of_31_december(org: Organisation) -> None:
    K, R = RemedyKind, RemedyResult
    remedy_create(org, K.RECONSIDERATION, D(2025, 3, 1), R.MAINTAINED, D(2025, 5, 1))
    remedy_create(org, K.RECONSIDERATION, D(2025, 11, 1), R.CORRECTED, D(2026, 2, 1))
    remedy_create(org, K.RECONSIDERATION, D(2024, 11, 1), R.CORRECTED, D(2025, 2, 1))
    remedy_create(org, K.LITIGATION_DIRECT, D(2025, 4, 1), R.OTHER, D(2025, 9, 1))
    remedy_create(org, K.LITIGATION_AFTER_RECONSIDERATION, D(2025, 7, 1))
    remedy_create(OrganisationFactory.create(), K.RECONSIDERATION, D(2025, 3, 1))
    t4 = tables_compute(org, 2025).table4.as_dict()
    assert t4 == {
        "reconsideration": {"maintained": 1, "corrected": 0, "other": 0,
                            "pending": 1, "total": 2},
        "litigation_direct": {"maintained": 0, "corrected": 0, "other": 1,
                              "pending": 0, "total": 1},
        "litigation_after_reconsideration": {"maintained": 0, "corrected": 0,
                                             "other": 0, "pending": 1, "total": 1},
    }  # fmt: skip


def test_table2_counts_rules_and_normative_documents(org: Organisation) -> None:
    def doc(form: str, published: dt.date, **kw: object) -> None:
        DocumentFactory.create(
            organisation=org, legal_form=form, published=True,
            written_on=published, published_on=published, **kw)  # fmt: skip

    N, R = LegalForm.NORMATIVE_DOCUMENT, LegalForm.RULE
    doc(N, D(2025, 3, 1))  # issued and in force
    doc(N, D(2023, 3, 1))  # in force from earlier
    doc(N, D(2022, 3, 1), validity=Validity.REPEALED, expires_on=D(2025, 6, 30))
    doc(N, D(2022, 3, 1), validity=Validity.REPEALED, expires_on=D(2026, 1, 31))
    doc(N, D(2025, 12, 1), effective_on=D(2026, 1, 1))  # issued, not yet in force
    doc(R, D(2025, 5, 1))
    doc("", D(2025, 5, 1))  # an ordinary document: not in Table 2
    DocumentFactory.create(organisation=org, legal_form=N, written_on=D(2025, 1, 1))
    report = AnnualReport.objects.create(
        organisation=org, year=2025, licences=7, penalties=3, coercions=1,
        charges=Decimal("1.2500"))  # fmt: skip
    t2 = tables_compute(org, 2025, report=report).table2
    assert t2.documents == {
        "rules": {"issued": 1, "repealed": 0, "in_force": 1},
        "normative_documents": {"issued": 2, "repealed": 1, "in_force": 3},
    }
    assert t2.decisions == {"licences": 7, "penalties": 3, "coercions": 1}
    assert t2.fee_amount == Decimal("1.25")


def test_fees_collected_and_the_generated_paragraphs(org: Organisation) -> None:
    apps = ledger_create(org, fixture_rows())
    fee_create(apps[0], 100, D(2025, 1, 5))
    fee_create(apps[1], 50, D(2025, 12, 31))
    fee_create(apps[2], 70, D(2024, 12, 31))  # paid last year
    fee_create(apps[3], 30, None)  # never paid
    figures = report_figures(organisation=org, year=2025)
    assert (figures.fees.cases, figures.fees.amount) == (2, 150)
    assert "收取信息处理费2件，共计150元" in fees_paragraph(figures)
    overview = overview_paragraph(figures)
    assert "2025年1月1日起至2025年12月31日止" in overview
    assert "新收政府信息公开申请24件" in overview
    assert "结转下年度继续办理4件" in overview


def test_section_six_must_state_the_fees(org: Organisation) -> None:
    apps = ledger_create(org, fixture_rows())
    fee_create(apps[0], 100, D(2025, 1, 5))
    report = AnnualReport.objects.create(organisation=org, year=2025)
    figures = report_figures(organisation=org, year=2025, report=report)
    assert any(w.cell.startswith("六") for w in figures.validation.warnings)
    report.other_matters = "收取信息处理费1件，共计100元。"
    figures = report_figures(organisation=org, year=2025, report=report)
    assert not any(w.cell.startswith("六") for w in figures.validation.warnings)
