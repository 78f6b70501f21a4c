"""The three tables as XLSX (official layout, merged cells) and CSV."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

from .content import ReportContent
from .layout import Grid, report_grids

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _number(text: str) -> object:
    try:
        return int(text)
    except ValueError:
        return float(text)


def _write_grid(sheet: Worksheet, grid: Grid, top: int) -> int:
    """Write `grid` with its caption at row `top`; return the next free row."""
    sheet.cell(row=top, column=1, value=grid.caption).font = Font(bold=True)
    first = top + 1
    for r, c, cell in grid.positioned():
        target = sheet.cell(row=first + r, column=1 + c)
        target.value = _number(cell.text) if cell.is_number else cell.text
        target.alignment = Alignment(wrap_text=True, vertical="center")
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge_cells(
                start_row=first + r,
                start_column=1 + c,
                end_row=first + r + cell.rowspan - 1,
                end_column=c + cell.colspan,
            )
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                sheet.cell(row=first + r + dr, column=1 + c + dc).border = _BORDER
    return first + len(grid.rows) + 1


def report_xlsx(content: ReportContent) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = str(content.year)
    sheet.cell(row=1, column=1, value=content.title).font = Font(bold=True, size=14)
    row = 3
    for grid in report_grids(content.tables).values():
        row = _write_grid(sheet, grid, row)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 16
    sheet.column_dimensions["C"].width = 36
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def report_csv(content: ReportContent) -> str:
    """The three tables laid out as in the template (merged text top-left)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([content.title])
    for grid in report_grids(content.tables).values():
        writer.writerow([])
        writer.writerow([grid.caption])
        writer.writerows(grid.matrix())
    return out.getvalue()
