"""Tables to and from the JSON kept on an approved report (and the API)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..tables import (
    TABLE2_DECISION_ROWS,
    TABLE2_DOCUMENT_COLUMNS,
    TABLE2_DOCUMENT_ROWS,
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    AnnualTables,
    Table2,
    Table3,
    Table4,
)


def tables_as_dict(tables: AnnualTables) -> dict[str, Any]:
    return {
        "table2": tables.table2.as_dict(),
        "table3": {"rows": tables.table3.as_dict()},
        "table4": tables.table4.as_dict(),
    }


def tables_from_dict(data: dict[str, Any]) -> AnnualTables:
    """The inverse of `tables_as_dict` (missing cells read as 0)."""
    t2, t3, t4 = data.get("table2", {}), data.get("table3", {}), data.get("table4", {})
    table2 = Table2(fee_amount=Decimal(str(t2.get("fees", {}).get("amount", "0"))))
    for row in TABLE2_DOCUMENT_ROWS:
        for column in TABLE2_DOCUMENT_COLUMNS:
            table2.documents[row][column] = int(t2.get(row, {}).get(column, 0))
    for row in TABLE2_DECISION_ROWS:
        table2.decisions[row] = int(t2.get(row, {}).get("decisions", 0))
    table3 = Table3()
    rows = t3.get("rows", {})
    for row in TABLE3_ROWS:
        for column in TABLE3_COLUMNS:
            table3.cells[row][column] = int(rows.get(row, {}).get(column, 0))
    table4 = Table4()
    for group in TABLE4_GROUPS:
        for column in TABLE4_COLUMNS:
            table4.cells[group][column] = int(t4.get(group, {}).get(column, 0))
    return AnnualTables(table2=table2, table3=table3, table4=table4)
