"""The report as DOCX (python-docx), tables merged as in the template."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from .content import NARRATIVE_SECTIONS, SECTION_HEADINGS, ReportContent
from .layout import Grid, report_grids

_FONT = "宋体"


def _use_chinese_font(document: object) -> None:
    style = document.styles["Normal"]  # type: ignore[attr-defined]
    style.font.name = _FONT
    style.font.size = Pt(11)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), _FONT)


def _add_grid(document: object, grid: Grid) -> None:
    caption = document.add_paragraph(grid.caption)  # type: ignore[attr-defined]
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = document.add_table(rows=len(grid.rows), cols=grid.columns)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, c, cell in grid.positioned():
        target = table.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(
                table.cell(r + cell.rowspan - 1, c + cell.colspan - 1)
            )
        target.text = cell.text
        if cell.is_number:
            target.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def report_docx(content: ReportContent) -> bytes:
    document = Document()
    _use_chinese_font(document)
    title = document.add_heading(content.title, level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    grids = report_grids(content.tables)
    for key, heading in SECTION_HEADINGS:
        document.add_heading(str(heading), level=2)
        if key in grids:
            _add_grid(document, grids[key])
        elif key in NARRATIVE_SECTIONS:
            for paragraph in content.paragraphs(key) or ["无。"]:
                document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
