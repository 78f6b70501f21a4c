"""letter_issue: a Letter row with its text, DOCX and PDF (embedded fonts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from gongkai.applications.letters import letter_issue
from gongkai.applications.models import Letter, LetterKind, LetterTemplate
from gongkai.applications.tests.letters_helpers import (
    RESIDENT_ID,
    application_make,
    city_department,
    docx_text,
    pdf_reader,
    pdf_text,
    squash,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def test_issue_stores_the_letter_and_both_files() -> None:
    application = application_make(city_department())
    letter = letter_issue(
        application=application, kind=LetterKind.RECEIPT, issued_on=dt.date(2026, 11, 2)
    )
    assert Letter.objects.get() == letter
    assert letter.title == "政府信息公开申请受理回执"
    assert letter.docx.name.startswith("applications/letters/2026/receipt-")
    assert letter.pdf.name.endswith(".pdf")
    assert application.tracking_code in docx_text(letter)
    assert application.tracking_code in squash(pdf_text(letter))
    assert "二〇二六年十一月二日" in letter.text


def test_pdf_embeds_the_cjk_font_it_uses() -> None:
    letter = letter_issue(
        application=application_make(city_department()),
        kind=LetterKind.RECEIPT,
        issued_on=dt.date(2026, 11, 2),
    )
    resources: Any = pdf_reader(letter).pages[0]["/Resources"]
    fonts: Any = resources["/Font"]
    names = []
    for ref in fonts.values():
        font: Any = ref.get_object()
        names.append(str(font["/BaseFont"]))
        descendant = font["/DescendantFonts"].get_object()[0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert any("CJK" in name for name in names)
    assert "政府信息公开申请受理回执" in squash(pdf_text(letter))


def test_the_id_number_is_masked_everywhere() -> None:
    letter = letter_issue(
        application=application_make(city_department(), outcome="", status="received"),
        kind=LetterKind.REPLY,
        issued_on=dt.date(2026, 11, 20),
        extra={"outcome": "disclosed"},
    )
    for text in (letter.text, docx_text(letter), squash(pdf_text(letter))):
        assert RESIDENT_ID not in text
        assert "110***********002X" in text


def test_seeded_templates_cover_every_kind_and_outcome() -> None:
    from gongkai.applications.choices import Outcome

    assert LetterTemplate.objects.filter(kind=LetterKind.REPLY).count() == len(Outcome)
    assert LetterTemplate.objects.exclude(kind=LetterKind.REPLY).count() == 5
