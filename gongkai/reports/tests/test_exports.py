from __future__ import annotations

import csv
import io
from typing import Any

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from gongkai.reports.exports import (
    ReportContent,
    report_csv,
    report_docx,
    report_html,
    report_pdf,
    report_xlsx,
)
from gongkai.reports.exports.layout import report_grids

from .builders import consistent_tables


def _content() -> ReportContent:
    return ReportContent(
        "鹤城市人民政府",
        2025,
        consistent_tables(),
        {"overview": "2025年，本机关坚持以公开为常态。\n\n全年新收申请40件。"},
    )


def test_grids_hold_every_number_once():
    grids = report_grids(consistent_tables())
    numbers = {
        name: [c for *_, c in grid.positioned() if c.is_number]
        for name, grid in grids.items()
    }
    assert [len(v) for v in numbers.values()] == [10, 175, 15]
    assert all(
        grid.columns == max(c + cell.colspan for _, c, cell in grid.positioned())
        for grid in grids.values()
    )


def test_html_has_the_six_sections_and_official_spans():
    html = report_html(_content())
    for heading in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "六、其他需要报告的事项",
    ):
        assert heading in html
    assert 'rowspan="3" colspan="3"' in html  # the stub note cell
    assert "勾稽关系" in html
    assert 'rowspan="22"' in html  # 三、本年度办理结果 spans R3–R24
    assert 'data-key="table3.new.total">40<' in html


def test_html_links_numbers_when_given():
    html = report_html(_content(), links={"table3.new.total": "/x/"})
    assert '<a href="/x/">40</a>' in html


def test_docx_merges_header_cells_and_places_numbers():
    document = Document(io.BytesIO(report_docx(_content())))
    table3 = document.tables[1]
    stub = table3.cell(0, 0)
    assert "勾稽关系" in stub.text
    assert stub._tc is table3.cell(2, 2)._tc  # one merged 3×3 cell
    assert table3.cell(0, 3).text == "申请人情况"
    assert table3.cell(1, 4).text == "法人或其他组织"
    assert table3.cell(3, 0).text.startswith("一、本年新收")
    assert table3.cell(3, 9).text == "40"  # R1 总计
    assert table3.cell(5, 0).text == "三、本年度办理结果"
    texts = "\n".join(p.text for p in document.paragraphs)
    assert "全年新收申请40件。" in texts


def test_pdf_text_is_chinese_with_embedded_fonts():
    reader = PdfReader(io.BytesIO(report_pdf(_content())))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "三、收到和处理政府信息公开申请情况" in text
    assert "本年新收政府信息公开申请数量" in text
    fonts = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        fonts |= {str(f.get_object()["/BaseFont"]) for f in resources["/Font"].values()}
    assert any("CJK" in f for f in fonts)
    assert all("+" in f for f in fonts)  # subset-embedded, not referenced


def test_xlsx_keeps_merged_ranges_and_values():
    workbook = load_workbook(io.BytesIO(report_xlsx(_content())))
    sheet = workbook.active
    merged = {str(r) for r in sheet.merged_cells.ranges}
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    stub_row = next(
        i for i, row in enumerate(values) if row[0] and "勾稽" in str(row[0])
    )
    assert f"A{stub_row + 1}:C{stub_row + 3}" in merged
    new_row = values[stub_row + 3]
    assert new_row[3:10] == [30, 6, 0, 0, 4, 0, 40]


def test_csv_rows_follow_the_layout():
    rows = list(csv.reader(io.StringIO(report_csv(_content()))))
    new = next(r for r in rows if r and r[0].startswith("一、本年新收"))
    assert new[3:] == ["30", "6", "0", "0", "4", "0", "40"]
