"""Consistent example tables for the report tests."""

from __future__ import annotations

from decimal import Decimal

from gongkai.reports.tables import AnnualTables, Table2, Table3, Table4


def consistent_tables() -> AnnualTables:
    """A year that adds up: 40 new + 5 carried over = 42 closed + 3 open."""
    counts = {
        ("new", "natural_person"): 30,
        ("new", "commercial_enterprise"): 6,
        ("new", "legal_service_org"): 4,
        ("carried_over", "natural_person"): 5,
        ("disclosed", "natural_person"): 20,
        ("partly_disclosed", "natural_person"): 4,
        ("withheld_third_party", "commercial_enterprise"): 2,
        ("unavailable_not_held", "natural_person"): 8,
        ("not_processed_duplicate", "legal_service_org"): 3,
        ("other", "commercial_enterprise"): 4,
        ("other_fee_unpaid", "legal_service_org"): 1,
        ("carried_forward", "natural_person"): 3,
    }
    table2 = Table2()
    table2.documents["normative_documents"].update(issued=5, repealed=2, in_force=40)
    table2.decisions.update(licences=120, penalties=33, coercions=2)
    table2.fee_amount = Decimal("0.02")
    table4 = Table4.from_counts(
        {
            ("reconsideration", "maintained"): 2,
            ("reconsideration", "corrected"): 1,
            ("litigation_direct", "pending"): 1,
            ("litigation_after_reconsideration", "maintained"): 1,
        }
    )
    return AnnualTables(table2, Table3.from_counts(counts), table4)
