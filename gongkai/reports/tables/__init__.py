"""The three tables of the annual report and their identities (spec §3).

Pure: no ORM. `compute` fills these from the database, `checking` from an
uploaded report, `exports` renders them; `tables_validate` checks them the
same way whatever their source (国办公开办函〔2021〕30号, spec §3.5).

layout      rows, columns, official labels, how a cell is named in a finding
data        Table2, Table3, Table4, AnnualTables
validation  Finding, ValidationResult, tables_validate
"""

from .data import AnnualTables, Table2, Table3, Table4
from .layout import (
    OUTCOME_ROWS,
    TABLE2_DECISION_ROWS,
    TABLE2_DOCUMENT_COLUMNS,
    TABLE2_DOCUMENT_ROWS,
    TABLE2_LABELS,
    TABLE3_COLUMNS,
    TABLE3_GROUP_HEADINGS,
    TABLE3_ROWS,
    TABLE3_STUB_NOTE,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    TABLE4_LABELS,
    RowLabel,
    column_label,
    table2_cell,
    table3_cell,
    table3_row_labels,
    table4_cell,
)
from .validation import Finding, ValidationResult, tables_validate

__all__ = [
    "OUTCOME_ROWS",
    "TABLE2_DECISION_ROWS",
    "TABLE2_DOCUMENT_COLUMNS",
    "TABLE2_DOCUMENT_ROWS",
    "TABLE2_LABELS",
    "TABLE3_COLUMNS",
    "TABLE3_GROUP_HEADINGS",
    "TABLE3_ROWS",
    "TABLE3_STUB_NOTE",
    "TABLE4_COLUMNS",
    "TABLE4_GROUPS",
    "TABLE4_LABELS",
    "AnnualTables",
    "Finding",
    "RowLabel",
    "Table2",
    "Table3",
    "Table4",
    "ValidationResult",
    "column_label",
    "table2_cell",
    "table3_cell",
    "table3_row_labels",
    "table4_cell",
    "tables_validate",
]
