"""The report as HTML: the public page body and the source of the PDF."""

from __future__ import annotations

from collections.abc import Mapping

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .content import NARRATIVE_SECTIONS, SECTION_HEADINGS, ReportContent
from .layout import report_grids


def report_html(
    content: ReportContent, *, links: Mapping[str, str] | None = None
) -> SafeString:
    """The six sections with the tables in the official layout.

    `links` maps a number's key (e.g. "table3.new.total") to the URL of the
    records it counts (staff drill-down); the public page passes none.
    """
    return SafeString(
        render_to_string(
            "reports/export/report.html",
            {
                "content": content,
                "sections": SECTION_HEADINGS,
                "grids": report_grids(content.tables),
                "paragraphs": {s: content.paragraphs(s) for s in NARRATIVE_SECTIONS},
                "links": links or {},
            },
        )
    )


def report_html_document(content: ReportContent) -> str:
    """A standalone HTML file (the `--format html` export and the PDF source)."""
    return render_to_string(
        "reports/export/document.html",
        {"content": content, "body": report_html(content)},
    )
