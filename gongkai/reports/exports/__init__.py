"""Exports of the annual report in the official layout: HTML, DOCX, PDF, XLSX, CSV."""

from __future__ import annotations

from collections.abc import Callable

from .content import NARRATIVE_SECTIONS, SECTION_HEADINGS, ReportContent
from .docx import report_docx
from .html import report_html, report_html_document
from .pdf import report_pdf
from .tabular import report_csv, report_xlsx

FORMATS: dict[str, tuple[str, Callable[[ReportContent], bytes]]] = {
    "html": ("text/html; charset=utf-8", lambda c: report_html_document(c).encode()),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        report_docx,
    ),
    "pdf": ("application/pdf", report_pdf),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        report_xlsx,
    ),
    "csv": ("text/csv; charset=utf-8", lambda c: ("\ufeff" + report_csv(c)).encode()),
}

__all__ = [
    "FORMATS",
    "NARRATIVE_SECTIONS",
    "SECTION_HEADINGS",
    "ReportContent",
    "report_csv",
    "report_docx",
    "report_html",
    "report_html_document",
    "report_pdf",
    "report_xlsx",
]
