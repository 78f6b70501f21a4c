"""`tables_validate`: the hard identities (errors) and the table checks among
the warnings of spec §3.5, the same whatever the tables' source."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from django.utils.translation import gettext

from .data import AnnualTables, Grid, Table3, Table4
from .layout import (
    OUTCOME_ROWS,
    TABLE2_DOCUMENT_ROWS,
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    table2_cell,
    table3_cell,
    table4_cell,
)


@dataclass(frozen=True)
class Finding:
    level: Literal["error", "warning"]
    cell: str  # where, as a person reads the table: "表三 R24 自然人"
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"level": self.level, "cell": self.cell, "message": self.message}


@dataclass
class ValidationResult:
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, finding: Finding) -> None:
        (self.errors if finding.level == "error" else self.warnings).append(finding)


def _error(cell: str, message: str) -> Finding:
    return Finding("error", cell, message)


def _check_values(tables: AnnualTables, result: ValidationResult) -> None:
    """Hard identity 5: counts are non-negative integers."""
    cells: list[tuple[str, object]] = []
    for row, cols in tables.table3.cells.items():
        cells += [(table3_cell(row, c), v) for c, v in cols.items()]
    for group, cols in tables.table4.cells.items():
        cells += [(table4_cell(group, c), v) for c, v in cols.items()]
    for row, cols in tables.table2.documents.items():
        cells += [(table2_cell(row, c), v) for c, v in cols.items()]
    for row, v in tables.table2.decisions.items():
        cells.append((table2_cell(row), v))
    for cell, value in cells:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            result.add(_error(cell, gettext("数值必须是非负整数，现为“%s”。") % value))
    if tables.table2.fee_amount < 0:
        result.add(_error(table2_cell("fees"), gettext("收费金额不能为负数。")))


def _sum(values: Iterable[object]) -> int:
    return sum(v for v in values if isinstance(v, int))


def _check_table3_columns(table: Table3, result: ValidationResult) -> None:
    cells = table.cells
    for column in TABLE3_COLUMNS:
        results = _sum(cells[row][column] for row in OUTCOME_ROWS)
        if cells["total"][column] != results:
            result.add(
                _error(
                    table3_cell("total", column),
                    gettext("总计应等于第三项各办理结果之和 %(sum)s，现为 %(value)s。")
                    % {"sum": results, "value": cells["total"][column]},
                )
            )
        left = _sum((cells["new"][column], cells["carried_over"][column]))
        right = _sum((cells["total"][column], cells["carried_forward"][column]))
        if left != right:
            result.add(
                _error(
                    table3_cell("carried_forward", column),
                    gettext(
                        "勾稽关系不成立：第一项加第二项之和为 %(left)s，"
                        "第三项加第四项之和为 %(right)s。"
                    )
                    % {"left": left, "right": right},
                )
            )


def _check_total_column(
    cells: Grid,
    rows: tuple[str, ...],
    columns: tuple[str, ...],
    cell: Callable[[str, str], str],
    message: str,
    result: ValidationResult,
) -> None:
    """Each row's last column ("total") is the sum of the others."""
    for row in rows:
        cols = cells[row]
        parts = _sum(cols[c] for c in columns[:-1])
        if cols["total"] != parts:
            result.add(
                _error(
                    cell(row, "total"), message % {"sum": parts, "value": cols["total"]}
                )
            )


def _check_table3_rows(table: Table3, result: ValidationResult) -> None:
    message = gettext("总计列应等于各类申请人之和 %(sum)s，现为 %(value)s。")
    _check_total_column(
        table.cells, TABLE3_ROWS, TABLE3_COLUMNS, table3_cell, message, result
    )


def _check_table4(table: Table4, result: ValidationResult) -> None:
    message = gettext(
        "总计应等于结果维持、结果纠正、其他结果、尚未审结之和 %(sum)s，现为 %(value)s。"
    )
    _check_total_column(
        table.cells, TABLE4_GROUPS, TABLE4_COLUMNS, table4_cell, message, result
    )


def _warn_carry_over(
    tables: AnnualTables, previous: AnnualTables, result: ValidationResult
) -> None:
    """Soft check 7: this year's 上年结转 equals last year's 结转下年度."""
    now, before = tables.table3.cells, previous.table3.cells
    for column in TABLE3_COLUMNS:
        if now["carried_over"][column] != before["carried_forward"][column]:
            result.add(
                Finding(
                    "warning",
                    table3_cell("carried_over", column),
                    gettext(
                        "上年结转 %(now)s 与上年报告的结转下年度 %(before)s 不一致。"
                    )
                    % {
                        "now": now["carried_over"][column],
                        "before": before["carried_forward"][column],
                    },
                )
            )


def _warn_in_force(
    tables: AnnualTables, previous: AnnualTables, result: ValidationResult
) -> None:
    """Soft check 8: in force ≈ last year's in force + issued − repealed."""
    for row in TABLE2_DOCUMENT_ROWS:
        now = tables.table2.documents[row]
        expected = (
            previous.table2.documents[row]["in_force"] + now["issued"] - now["repealed"]
        )
        if now["in_force"] != expected:
            result.add(
                Finding(
                    "warning",
                    table2_cell(row, "in_force"),
                    gettext(
                        "现行有效件数 %(now)s 不等于上年现行有效件数加本年制发减本年废止"
                        "（%(expected)s）；修订按新制发计算时可能合理。"
                    )
                    % {"now": now["in_force"], "expected": expected},
                )
            )


def _warn_remedies(tables: AnnualTables, result: ValidationResult) -> None:
    """Soft check 9: litigation after reconsideration needs reconsiderations."""
    cells = tables.table4.cells
    after = cells["litigation_after_reconsideration"]["total"]
    if after > cells["reconsideration"]["total"]:
        result.add(
            Finding(
                "warning",
                table4_cell("litigation_after_reconsideration", "total"),
                gettext("复议后起诉数多于本年行政复议数，请核实是否包含往年复议案件。"),
            )
        )


def tables_validate(
    tables: AnnualTables,
    *,
    previous: AnnualTables | None = None,
) -> ValidationResult:
    """Every hard identity (errors) and the table checks among the warnings of
    spec §3.5; check 10 (fees stated in section 六 = fees collected) concerns
    the narrative and is made by `compute`."""
    result = ValidationResult()
    _check_values(tables, result)
    _check_table3_columns(tables.table3, result)
    _check_table3_rows(tables.table3, result)
    _check_table4(tables.table4, result)
    _warn_remedies(tables, result)
    if previous is not None:
        _warn_carry_over(tables, previous, result)
        _warn_in_force(tables, previous, result)
    return result
