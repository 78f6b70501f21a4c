"""Rows of cell texts → AnnualTables, by the official row labels.

Real reports move tables around, add title rows and vary punctuation, so
rows are found by their label text in the official order, not by cell
address; the numbers are the last cells of the row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext

from ..tables import (
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    AnnualTables,
    Finding,
    table3_cell,
    table3_row_labels,
    table4_cell,
)
from .readers import Rows

# A distinctive piece of each Table 3 row's official text (spec §3.3).
TABLE3_KEYWORDS: dict[str, str] = {
    "new": "本年新收",
    "carried_over": "上年结转",
    "disclosed": "予以公开",
    "partly_disclosed": "部分公开",
    "withheld_state_secret": "国家秘密",
    "withheld_prohibited_by_law": "禁止公开",
    "withheld_security_stability": "三安全一稳定",
    "withheld_third_party": "第三方",
    "withheld_internal_affairs": "内部事务",
    "withheld_process_info": "过程性",
    "withheld_enforcement_file": "执法案卷",
    "withheld_query_matter": "查询事项",
    "unavailable_not_held": "不掌握",
    "unavailable_needs_creation": "另行制作",
    "unavailable_unclear_after_correction": "仍不明确",
    "not_processed_petition": "信访",
    "not_processed_duplicate": "重复申请",
    "not_processed_publication": "出版物",
    "not_processed_excessive": "反复申请",
    "not_processed_confirmation": "重新出具",
    "other_correction_overdue": "补正",
    "other_fee_unpaid": "缴纳费用",
    "other": "其他",
    "total": "总计",
    "carried_forward": "结转下年度",
}
TABLE2_ROWS = {
    "rules": ("规章", 3),
    "normative_documents": ("规范性文件", 3),
    "licences": ("行政许可", 1),
    "penalties": ("行政处罚", 1),
    "coercions": ("行政强制", 1),
    "fees": ("行政事业性收费", 1),
}
_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")
_EMPTY_AS_ZERO = {"/", "-", "—", "－", "无"}


@dataclass
class Extraction:
    tables: AnnualTables = field(default_factory=AnnualTables)
    problems: list[Finding] = field(default_factory=list)

    def problem(self, cell: str, message: str) -> None:
        self.problems.append(Finding("error", cell, message))


@dataclass(frozen=True)
class DataRow:
    label: str
    values: list[str]  # the trailing value cells, left to right


def _is_value(text: str) -> bool:
    return bool(_NUMBER.match(text.replace(",", ""))) or text in _EMPTY_AS_ZERO


def _data_row(row: Sequence[str]) -> DataRow | None:
    cells = [c for c in row if c]
    values: list[str] = []
    while cells and _is_value(cells[-1]):
        values.insert(0, cells.pop())
    if not values or not cells:
        return None
    return DataRow(cells[-1], values)


def _count(text: str, cell: str, out: Extraction, *, slash_is_zero: bool) -> int:
    if text in _EMPTY_AS_ZERO and slash_is_zero:
        return 0
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        out.problem(cell, gettext("无法识别的数值“%s”。") % text)
        return 0
    if value != value.to_integral_value():
        out.problem(cell, gettext("件数必须是整数，现为“%s”。") % text)
    return int(value)


def _fill_table2(rows: list[DataRow], out: Extraction) -> None:
    t2 = out.tables.table2
    for key, (keyword, width) in TABLE2_ROWS.items():
        found = next(
            (r for r in rows if r.label.endswith(keyword) and len(r.values) >= width),
            None,
        )
        cell = f"{gettext('表二')} {keyword}"
        if found is None:
            out.problem(cell, gettext("未找到表二的“%s”行。") % keyword)
            continue
        values = found.values[-width:]
        if key == "fees":
            text = values[0].replace(",", "")
            t2.fee_amount = Decimal("0") if text in _EMPTY_AS_ZERO else Decimal(text)
        elif key in t2.decisions:
            t2.decisions[key] = _count(values[0], cell, out, slash_is_zero=True)
        else:
            for column, text in zip(
                ("issued", "repealed", "in_force"), values, strict=True
            ):
                t2.documents[key][column] = _count(text, cell, out, slash_is_zero=True)


def _fill_table3(rows: list[DataRow], out: Extraction) -> None:
    candidates = [r for r in rows if len(r.values) >= len(TABLE3_COLUMNS)]
    labels = table3_row_labels()
    position = 0
    for key in TABLE3_ROWS:
        keyword = TABLE3_KEYWORDS[key]
        match = next(
            (
                i
                for i in range(position, len(candidates))
                if keyword in candidates[i].label
            ),
            None,
        )
        if match is None:
            out.problem(
                table3_cell(key, "total"),
                gettext("未找到表三的“%s”行。") % labels[key].label,
            )
            continue
        position = match + 1
        values = candidates[match].values[-len(TABLE3_COLUMNS) :]
        for column, text in zip(TABLE3_COLUMNS, values, strict=True):
            out.tables.table3.cells[key][column] = _count(
                text, table3_cell(key, column), out, slash_is_zero=False
            )


def _fill_table4(rows: list[DataRow], out: Extraction) -> None:
    width = len(TABLE4_GROUPS) * len(TABLE4_COLUMNS)
    found = next((r for r in rows if len(r.values) >= width), None)
    if found is None:
        # The data row of Table 4 has no label: it is the first row of 15 values.
        out.problem(gettext("表四"), gettext("未找到表四的数据行（15 个数值）。"))
        return
    values = iter(found.values[-width:])
    for group in TABLE4_GROUPS:
        for column in TABLE4_COLUMNS:
            out.tables.table4.cells[group][column] = _count(
                next(values), table4_cell(group, column), out, slash_is_zero=False
            )


def _table4_rows(rows: Rows) -> list[DataRow]:
    """Rows after the 行政复议 heading, the label-less data row included."""
    start = next(
        (i for i, row in enumerate(rows) if any("行政复议" in c for c in row)), None
    )
    if start is None:
        return []
    out = []
    for row in rows[start:]:
        values = [c for c in row if c]
        if values and all(_is_value(v) for v in values):
            out.append(DataRow("", values))
    return out


def tables_extract(rows: Rows) -> Extraction:
    out = Extraction()
    data = [d for d in (_data_row(r) for r in rows) if d is not None]
    _fill_table2(data, out)
    _fill_table3(data, out)
    _fill_table4(_table4_rows(rows), out)
    return out
