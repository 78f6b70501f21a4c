"""The three tables as data (spec §3): filled by `compute` from the database,
by `checking` from an uploaded report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .layout import (
    OUTCOME_ROWS,
    TABLE2_DECISION_ROWS,
    TABLE2_DOCUMENT_COLUMNS,
    TABLE2_DOCUMENT_ROWS,
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
)

Grid = dict[str, dict[str, int]]


def _grid(rows: tuple[str, ...], columns: tuple[str, ...]) -> Grid:
    return {row: dict.fromkeys(columns, 0) for row in rows}


@dataclass
class Table2:
    """第二十条第（一）、（五）、（六）、（八）项: 10 numeric cells."""

    documents: Grid = field(
        default_factory=lambda: _grid(TABLE2_DOCUMENT_ROWS, TABLE2_DOCUMENT_COLUMNS)
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


def _add(cells: Grid, counts: Mapping[tuple[str, str], int]) -> None:
    for (row, column), n in counts.items():
        cells[row][column] += n


def _fill_total_column(
    cells: Grid, rows: tuple[str, ...], columns: tuple[str, ...]
) -> None:
    """The last column ("total") of each row is the sum of the others."""
    for row in rows:
        cells[row]["total"] = sum(cells[row][c] for c in columns[:-1])


@dataclass
class Table3:
    cells: Grid = field(default_factory=lambda: _grid(TABLE3_ROWS, TABLE3_COLUMNS))

    @classmethod
    def from_counts(cls, counts: Mapping[tuple[str, str], int]) -> Table3:
        """Build from per-type counts; fills the 总计 row and column."""
        table = cls()
        _add(table.cells, counts)
        table.fill_totals()
        return table

    def fill_totals(self) -> None:
        for column in TABLE3_COLUMNS[:-1]:
            self.cells["total"][column] = sum(
                self.cells[row][column] for row in OUTCOME_ROWS
            )
        _fill_total_column(self.cells, TABLE3_ROWS, TABLE3_COLUMNS)

    def as_dict(self) -> Grid:
        return {row: dict(cols) for row, cols in self.cells.items()}


@dataclass
class Table4:
    cells: Grid = field(default_factory=lambda: _grid(TABLE4_GROUPS, TABLE4_COLUMNS))

    @classmethod
    def from_counts(cls, counts: Mapping[tuple[str, str], int]) -> Table4:
        table = cls()
        _add(table.cells, counts)
        _fill_total_column(table.cells, TABLE4_GROUPS, TABLE4_COLUMNS)
        return table

    def as_dict(self) -> Grid:
        return {group: dict(cols) for group, cols in self.cells.items()}


@dataclass
class AnnualTables:
    table2: Table2 = field(default_factory=Table2)
    table3: Table3 = field(default_factory=Table3)
    table4: Table4 = field(default_factory=Table4)
