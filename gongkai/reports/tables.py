"""The three tables of the annual report and their identities (spec §3).

Pure: no ORM. `compute` fills these from the database, `checking` from an
uploaded report, `exports` renders them; `tables_validate` checks them the
same way whatever their source (国办公开办函〔2021〕30号, spec §3.5).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gongkai.applications.choices import ApplicantType, Outcome

# -- Table 2: 主动公开政府信息情况 ------------------------------------------------

TABLE2_DOCUMENT_ROWS = ("rules", "normative_documents")
TABLE2_DOCUMENT_COLUMNS = ("issued", "repealed", "in_force")
TABLE2_DECISION_ROWS = ("licences", "penalties", "coercions")

TABLE2_LABELS = {
    "rules": _("规章"),
    "normative_documents": _("行政规范性文件"),
    "licences": _("行政许可"),
    "penalties": _("行政处罚"),
    "coercions": _("行政强制"),
    "fees": _("行政事业性收费"),
    "issued": _("本年制发件数"),
    "repealed": _("本年废止件数"),
    "in_force": _("现行有效件数"),
    "decisions": _("本年处理决定数量"),
    "fee_amount": _("本年收费金额（单位：万元）"),
}


@dataclass
class Table2:
    """第二十条第（一）、（五）、（六）、（八）项: 10 numeric cells."""

    documents: dict[str, dict[str, int]] = field(
        default_factory=lambda: {
            row: dict.fromkeys(TABLE2_DOCUMENT_COLUMNS, 0)
            for row in TABLE2_DOCUMENT_ROWS
        }
    )
    decisions: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(TABLE2_DECISION_ROWS, 0)
    )
    fee_amount: Decimal = Decimal("0")  # 万元

    def as_dict(self) -> dict[str, object]:
        return {
            **{row: dict(cols) for row, cols in self.documents.items()},
            **{row: {"decisions": n} for row, n in self.decisions.items()},
            "fees": {"amount": str(self.fee_amount)},
        }


# -- Table 3: 收到和处理政府信息公开申请情况 ---------------------------------------

TABLE3_COLUMNS: tuple[str, ...] = (*(t.value for t in ApplicantType), "total")
TABLE3_ROWS: tuple[str, ...] = (
    "new",
    "carried_over",
    *(o.value for o in Outcome),
    "total",
    "carried_forward",
)
OUTCOME_ROWS: tuple[str, ...] = tuple(o.value for o in Outcome)

TABLE3_STUB_NOTE = _(
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
)


@dataclass(frozen=True)
class RowLabel:
    code: str  # R1..R25 (spec §3.3)
    label: str  # the official text of the row
    group: str = ""  # the （三）–（六） group it belongs to, if any


def table3_row_labels() -> dict[str, RowLabel]:
    """The official row texts, in order (spec §3.3)."""
    labels = {
        "new": RowLabel("R1", gettext("一、本年新收政府信息公开申请数量")),
        "carried_over": RowLabel("R2", gettext("二、上年结转政府信息公开申请数量")),
    }
    for outcome in Outcome:
        labels[outcome.value] = RowLabel(
            outcome.row, _outcome_row_text(outcome), str(outcome.group.label)
        )
    labels["total"] = RowLabel("R24", gettext("（七）总计"))
    labels["carried_forward"] = RowLabel("R25", gettext("四、结转下年度继续办理"))
    return labels


def _outcome_row_text(outcome: Outcome) -> str:
    if outcome is Outcome.DISCLOSED:
        return gettext("（一）予以公开")
    if outcome is Outcome.PARTLY_DISCLOSED:
        return gettext("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    siblings = [o for o in Outcome if o.group == outcome.group]
    return f"{siblings.index(outcome) + 1}.{outcome.label}"


TABLE3_GROUP_HEADINGS = {
    "withheld": _("（三）不予公开"),
    "unavailable": _("（四）无法提供"),
    "not_processed": _("（五）不予处理"),
    "other": _("（六）其他处理"),
}


@dataclass
class Table3:
    cells: dict[str, dict[str, int]] = field(
        default_factory=lambda: {
            row: dict.fromkeys(TABLE3_COLUMNS, 0) for row in TABLE3_ROWS
        }
    )

    @classmethod
    def from_counts(cls, counts: Mapping[tuple[str, str], int]) -> Table3:
        """Build from per-type counts; fills the 总计 row and column."""
        table = cls()
        for (row, column), n in counts.items():
            table.cells[row][column] += n
        table.fill_totals()
        return table

    def fill_totals(self) -> None:
        types = TABLE3_COLUMNS[:-1]
        for column in types:
            self.cells["total"][column] = sum(
                self.cells[row][column] for row in OUTCOME_ROWS
            )
        for row in TABLE3_ROWS:
            self.cells[row]["total"] = sum(self.cells[row][c] for c in types)

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {row: dict(cols) for row, cols in self.cells.items()}


# -- Table 4: 政府信息公开行政复议、行政诉讼情况 -----------------------------------

TABLE4_GROUPS = (
    "reconsideration",
    "litigation_direct",
    "litigation_after_reconsideration",
)
TABLE4_COLUMNS = ("maintained", "corrected", "other", "pending", "total")
TABLE4_LABELS = {
    "reconsideration": _("行政复议"),
    "litigation": _("行政诉讼"),
    "litigation_direct": _("未经复议直接起诉"),
    "litigation_after_reconsideration": _("复议后起诉"),
    "maintained": _("结果维持"),
    "corrected": _("结果纠正"),
    "other": _("其他结果"),
    "pending": _("尚未审结"),
    "total": _("总计"),
}


@dataclass
class Table4:
    cells: dict[str, dict[str, int]] = field(
        default_factory=lambda: {
            group: dict.fromkeys(TABLE4_COLUMNS, 0) for group in TABLE4_GROUPS
        }
    )

    @classmethod
    def from_counts(cls, counts: Mapping[tuple[str, str], int]) -> Table4:
        table = cls()
        for (group, column), n in counts.items():
            table.cells[group][column] += n
        for group in TABLE4_GROUPS:
            table.cells[group]["total"] = sum(
                table.cells[group][c] for c in TABLE4_COLUMNS[:-1]
            )
        return table

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {group: dict(cols) for group, cols in self.cells.items()}


@dataclass
class AnnualTables:
    table2: Table2 = field(default_factory=Table2)
    table3: Table3 = field(default_factory=Table3)
    table4: Table4 = field(default_factory=Table4)


# -- validation (spec §3.5) ---------------------------------------------------


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


def column_label(column: str) -> str:
    return str(gettext("总计") if column == "total" else ApplicantType(column).label)


# REPORT-CORE edit: the R-codes do not depend on the language, so they are
# taken once; rebuilding every row label for each of the 175 cells cost
# 0.27 s per validation (bench/annual_report.py, budget 2 s).
@functools.cache
def _table3_codes() -> dict[str, str]:
    codes = {"new": "R1", "carried_over": "R2", "total": "R24"}
    codes["carried_forward"] = "R25"
    codes.update({outcome.value: outcome.row for outcome in Outcome})
    return codes


def table3_cell(row: str, column: str) -> str:
    return f"{gettext('表三')} {_table3_codes()[row]} {column_label(column)}"


def table4_cell(group: str, column: str) -> str:
    return f"{gettext('表四')} {TABLE4_LABELS[group]} {TABLE4_LABELS[column]}"


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
        cells += [
            (f"{gettext('表二')} {TABLE2_LABELS[row]} {TABLE2_LABELS[c]}", v)
            for c, v in cols.items()
        ]
    for row, v in tables.table2.decisions.items():
        cells.append((f"{gettext('表二')} {TABLE2_LABELS[row]}", v))
    for cell, value in cells:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            result.add(_error(cell, gettext("数值必须是非负整数，现为“%s”。") % value))
    if tables.table2.fee_amount < 0:
        result.add(
            _error(
                f"{gettext('表二')} {TABLE2_LABELS['fees']}",
                gettext("收费金额不能为负数。"),
            )
        )


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


def _check_table3_rows(table: Table3, result: ValidationResult) -> None:
    for row in TABLE3_ROWS:
        cols = table.cells[row]
        parts = _sum(cols[c] for c in TABLE3_COLUMNS[:-1])
        if cols["total"] != parts:
            result.add(
                _error(
                    table3_cell(row, "total"),
                    gettext("总计列应等于各类申请人之和 %(sum)s，现为 %(value)s。")
                    % {"sum": parts, "value": cols["total"]},
                )
            )


def _check_table4(table: Table4, result: ValidationResult) -> None:
    for group in TABLE4_GROUPS:
        cols = table.cells[group]
        parts = _sum(cols[c] for c in TABLE4_COLUMNS[:-1])
        if cols["total"] != parts:
            result.add(
                _error(
                    table4_cell(group, "total"),
                    gettext(
                        "总计应等于结果维持、结果纠正、其他结果、尚未审结之和 "
                        "%(sum)s，现为 %(value)s。"
                    )
                    % {"sum": parts, "value": cols["total"]},
                )
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
                    f"{gettext('表二')} {TABLE2_LABELS[row]} {TABLE2_LABELS['in_force']}",
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
