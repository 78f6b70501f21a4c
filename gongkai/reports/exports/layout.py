"""The official layout of the three tables as one grid (国办公开办函〔2021〕30号).

HTML, DOCX, XLSX and PDF all render these grids, so the merged header cells
and row groups exist once. A `Cell` spans like an HTML cell; `key` names the
number it shows (e.g. "table3.new.natural_person").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext

from gongkai.applications.choices import ApplicantType, Outcome

from ..tables import (
    TABLE2_LABELS,
    TABLE3_COLUMNS,
    TABLE3_GROUP_HEADINGS,
    TABLE3_STUB_NOTE,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    TABLE4_LABELS,
    AnnualTables,
    table3_row_labels,
)


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    key: str = ""  # set on number cells

    @property
    def is_number(self) -> bool:
        return bool(self.key)


Row = list[Cell]


@dataclass(frozen=True)
class Grid:
    caption: str
    columns: int
    rows: list[Row]

    def positioned(self) -> Iterator[tuple[int, int, Cell]]:
        """(row, column, cell) as an HTML table lays them out."""
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                yield r, c, cell
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        taken.add((r + dr, c + dc))
                c += cell.colspan

    def matrix(self) -> list[list[str]]:
        """The grid as plain rows; a merged cell's text sits in its top-left."""
        out = [[""] * self.columns for _ in self.rows]
        for r, c, cell in self.positioned():
            out[r][c] = cell.text
        return out


def _h(text: object, rowspan: int = 1, colspan: int = 1) -> Cell:
    return Cell(str(text), rowspan, colspan, header=True)


def _n(value: object, key: str, colspan: int = 1) -> Cell:
    return Cell(str(value), 1, colspan, key=key)


def table2_grid(tables: AnnualTables) -> Grid:
    t2 = tables.table2
    art = gettext("第二十条第（%s）项")
    content = gettext("信息内容")
    rows: list[Row] = [
        [_h(art % "一", colspan=4)],
        [
            _h(content),
            *(_h(TABLE2_LABELS[c]) for c in ("issued", "repealed", "in_force")),
        ],
    ]
    for row in ("rules", "normative_documents"):
        rows.append(
            [
                _h(TABLE2_LABELS[row]),
                *(
                    _n(t2.documents[row][c], f"table2.{row}.{c}")
                    for c in ("issued", "repealed", "in_force")
                ),
            ]
        )
    for item, members in (("五", ("licences",)), ("六", ("penalties", "coercions"))):
        rows.append([_h(art % item, colspan=4)])
        rows.append([_h(content), _h(TABLE2_LABELS["decisions"], colspan=3)])
        for row in members:
            rows.append(
                [
                    _h(TABLE2_LABELS[row]),
                    _n(t2.decisions[row], f"table2.{row}.decisions", 3),
                ]
            )
    rows.append([_h(art % "八", colspan=4)])
    rows.append([_h(content), _h(TABLE2_LABELS["fee_amount"], colspan=3)])
    rows.append([_h(TABLE2_LABELS["fees"]), _n(t2.fee_amount, "table2.fees.amount", 3)])
    return Grid(gettext("主动公开政府信息情况"), 4, rows)


def _table3_numbers(tables: AnnualTables, row: str) -> list[Cell]:
    cells = tables.table3.cells[row]
    return [_n(cells[c], f"table3.{row}.{c}") for c in TABLE3_COLUMNS]


def _table3_header() -> list[Row]:
    org_types = [t for t in ApplicantType if t is not ApplicantType.NATURAL_PERSON]
    return [
        [_h(TABLE3_STUB_NOTE, 3, 3), _h(gettext("申请人情况"), colspan=7)],
        [
            _h(ApplicantType.NATURAL_PERSON.label, rowspan=2),
            _h(gettext("法人或其他组织"), colspan=5),
            _h(gettext("总计"), rowspan=2),
        ],
        [_h(t.label) for t in org_types],
    ]


def table3_grid(tables: AnnualTables) -> Grid:
    labels = table3_row_labels()
    rows = _table3_header()
    for row in ("new", "carried_over"):
        rows.append([_h(labels[row].label, colspan=3), *_table3_numbers(tables, row)])
    results_span = len(Outcome) + 1  # 21 result rows and （七）总计
    first = True
    for outcome in Outcome:
        lead = (
            [_h(gettext("三、本年度办理结果"), rowspan=results_span)] if first else []
        )
        first = False
        label = labels[outcome.value].label
        group = outcome.group.value
        if group in TABLE3_GROUP_HEADINGS:
            siblings = [o for o in Outcome if o.group == outcome.group]
            if outcome is siblings[0]:
                lead.append(_h(TABLE3_GROUP_HEADINGS[group], rowspan=len(siblings)))
            rows.append([*lead, _h(label), *_table3_numbers(tables, outcome.value)])
        else:
            rows.append(
                [*lead, _h(label, colspan=2), *_table3_numbers(tables, outcome.value)]
            )
    rows.append(
        [_h(labels["total"].label, colspan=2), *_table3_numbers(tables, "total")]
    )
    rows.append(
        [
            _h(labels["carried_forward"].label, colspan=3),
            *_table3_numbers(tables, "carried_forward"),
        ]
    )
    return Grid(gettext("收到和处理政府信息公开申请情况"), 10, rows)


def table4_grid(tables: AnnualTables) -> Grid:
    results = [TABLE4_LABELS[c] for c in TABLE4_COLUMNS]
    rows: list[Row] = [
        [
            _h(TABLE4_LABELS["reconsideration"], colspan=5),
            _h(TABLE4_LABELS["litigation"], colspan=10),
        ],
        [
            *(_h(label, rowspan=2) for label in results),
            _h(TABLE4_LABELS["litigation_direct"], colspan=5),
            _h(TABLE4_LABELS["litigation_after_reconsideration"], colspan=5),
        ],
        [_h(label) for label in results * 2],
        [
            _n(tables.table4.cells[group][c], f"table4.{group}.{c}")
            for group in TABLE4_GROUPS
            for c in TABLE4_COLUMNS
        ],
    ]
    return Grid(gettext("政府信息公开行政复议、行政诉讼情况"), 15, rows)


def report_grids(tables: AnnualTables) -> dict[str, Grid]:
    return {
        "table2": table2_grid(tables),
        "table3": table3_grid(tables),
        "table4": table4_grid(tables),
    }
