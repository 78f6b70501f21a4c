"""The two file formats of a letter: DOCX (python-docx) and PDF (WeasyPrint).

The PDF embeds (subsets) the Noto CJK fonts through fontconfig, so it reads
the same everywhere and its text extracts; the DOCX names the fonts only
(宋体/黑体, which every Chinese Word installation has).
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any

from django.template.loader import render_to_string

from .render import LetterText

BODY_FONT_DOCX = "宋体"
TITLE_FONT_DOCX = "黑体"


def _east_asian(run: Any, name: str) -> None:
    from docx.oxml.ns import qn

    run.font.name = name
    r_pr = run._element.get_or_add_rPr()
    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = r_pr.makeelement(qn("w:rFonts"), {})
        r_pr.append(r_fonts)
    r_fonts.set(qn("w:eastAsia"), name)


def letter_docx(letter: LetterText) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(letter.title)
    run.bold = True
    run.font.size = Pt(18)
    _east_asian(run, TITLE_FONT_DOCX)
    for text in letter.paragraphs:
        _east_asian(document.add_paragraph().add_run(text), BODY_FONT_DOCX)
    document.add_paragraph()
    for text in letter.seal:
        seal = document.add_paragraph()
        seal.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _east_asian(seal.add_run(text), BODY_FONT_DOCX)
    if letter.footer:
        _east_asian(document.add_paragraph().add_run(letter.footer), BODY_FONT_DOCX)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def letter_html(letter: LetterText) -> str:
    """The HTML the PDF is printed from (autoescaped Django template)."""
    return render_to_string("applications/letters/letter.html", {"letter": letter})


@cache
def _font_config() -> Any:
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def letter_pdf(letter: LetterText) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=letter_html(letter)).write_pdf(font_config=_font_config())
    return pdf
