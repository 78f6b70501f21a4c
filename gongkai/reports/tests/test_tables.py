from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from gongkai.reports.tables import (
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    Table3,
    ValidationResult,
    table3_row_labels,
    tables_validate,
)

from .builders import consistent_tables


def _cells(result: ValidationResult) -> list[tuple[str, str]]:
    return [(f.cell, f.level) for f in result.errors + result.warnings]


def test_a_consistent_year_has_no_errors():
    result = tables_validate(consistent_tables())
    assert result.ok
    assert result.errors == []


def test_totals_are_filled_from_the_counts():
    table = consistent_tables().table3
    assert table.cells["new"]["total"] == 40
    assert table.cells["total"]["natural_person"] == 32
    assert table.cells["total"]["total"] == 42
    assert table.cells["carried_forward"]["total"] == 3


def test_layout_has_25_rows_of_7_columns_with_official_codes():
    labels = table3_row_labels()
    assert len(TABLE3_ROWS) == 25 and len(TABLE3_COLUMNS) == 7
    assert [labels[r].code for r in TABLE3_ROWS] == [f"R{i}" for i in range(1, 26)]
    assert labels["withheld_security_stability"].label == "3.危及“三安全一稳定”"
    assert labels["other"].label == "3.其他"


def test_identity_1_new_plus_carried_over_equals_closed_plus_open():
    tables = consistent_tables()
    tables.table3.cells["carried_forward"]["natural_person"] = 4
    tables.table3.cells["carried_forward"]["total"] = 4
    result = tables_validate(tables)
    assert ("表三 R25 自然人", "error") in _cells(result)
    assert ("表三 R25 总计", "error") in _cells(result)
    assert "勾稽关系不成立" in result.errors[0].message


def test_identity_2_total_row_is_the_sum_of_the_result_rows():
    tables = consistent_tables()
    tables.table3.cells["total"]["commercial_enterprise"] = 7
    cells = _cells(tables_validate(tables))
    assert ("表三 R24 商业企业", "error") in cells


def test_identity_3_total_column_is_the_sum_of_the_applicant_types():
    tables = consistent_tables()
    tables.table3.cells["disclosed"]["total"] = 21
    cells = _cells(tables_validate(tables))
    assert ("表三 R3 总计", "error") in cells


def test_identity_4_table4_totals():
    tables = consistent_tables()
    tables.table4.cells["reconsideration"]["total"] = 4
    result = tables_validate(tables)
    assert ("表四 行政复议 总计", "error") in _cells(result)


@pytest.mark.parametrize("value", [-1, "3件", 2.5])
def test_identity_5_counts_are_non_negative_integers(value):
    tables = consistent_tables()
    tables.table3.cells["new"]["research_institution"] = value
    cells = _cells(tables_validate(tables))
    assert ("表三 R1 科研机构", "error") in cells


def test_identity_5_fee_may_be_decimal_but_not_negative():
    tables = consistent_tables()
    assert tables_validate(tables).ok
    tables.table2.fee_amount = Decimal("-0.1")
    assert not tables_validate(tables).ok


def test_warning_carry_over_differs_from_last_year():
    previous = consistent_tables()
    tables = consistent_tables()
    result = tables_validate(tables, previous=previous)
    # Last year left 3 open, this year says 5 came over.
    assert ("表三 R2 自然人", "warning") in _cells(result)
    assert result.ok  # a warning never blocks


def test_warning_in_force_arithmetic():
    previous = consistent_tables()
    tables = consistent_tables()
    cells = _cells(tables_validate(tables, previous=previous))
    assert ("表二 行政规范性文件 现行有效件数", "warning") in cells


def test_warning_more_suits_after_reconsideration_than_reconsiderations():
    tables = consistent_tables()
    tables.table4 = copy.deepcopy(tables.table4)
    tables.table4.cells["litigation_after_reconsideration"].update(
        maintained=9, total=9
    )
    assert ("表四 复议后起诉 总计", "warning") in _cells(tables_validate(tables))


def test_from_counts_adds_up_repeated_keys():
    table = Table3.from_counts({("new", "natural_person"): 1})
    assert table.cells["new"]["total"] == 1
