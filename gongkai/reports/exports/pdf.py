"""The report as PDF, from its HTML (WeasyPrint; Debian's Noto CJK fonts are
embedded, so the text stays Chinese text that can be searched and copied)."""

from __future__ import annotations

from weasyprint import HTML

from .content import ReportContent
from .html import report_html_document


def report_pdf(content: ReportContent) -> bytes:
    pdf: bytes = HTML(string=report_html_document(content)).write_pdf()
    return pdf
