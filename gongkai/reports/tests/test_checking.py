"""Checking another unit's report: real-format tables with planted errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from gongkai.core.errors import DomainError
from gongkai.reports.checking import (
    CheckResult,
    report_check_html,
    report_check_upload,
)
from gongkai.reports.exports import ReportContent, report_csv, report_xlsx

from .builders import consistent_tables

DATA = Path(__file__).parent / "data"


def _errors(check: CheckResult) -> set[str]:
    return {f.cell for f in check.result.errors}


def _upload(name: str) -> CheckResult:
    return report_check_upload(filename=name, content=(DATA / name).read_bytes())


def test_own_exports_read_back_without_errors():
    content = ReportContent("鹤城市人民政府", 2025, consistent_tables())
    for name, data in (
        ("r.xlsx", report_xlsx(content)),
        ("r.csv", report_csv(content).encode()),
    ):
        check = report_check_upload(filename=name, content=data)
        assert check.result.errors == []
        assert check.tables.table3.as_dict() == consistent_tables().table3.as_dict()
        assert check.tables.table4.as_dict() == consistent_tables().table4.as_dict()
        assert check.tables.table2.fee_amount == consistent_tables().table2.fee_amount


def test_planted_xlsx_errors_are_found_by_cell():
    # R1 自然人 raised from 30 to 31; 行政复议 总计 raised from 3 to 4; the
    # tables sit two rows lower than in the template.
    check = _upload("planted.xlsx")
    assert _errors(check) == {
        "表三 R1 总计",  # row sum 41 ≠ 40
        "表三 R25 自然人",  # 31 + 5 ≠ 32 + 3
        "表四 行政复议 总计",
    }


def test_planted_csv_error_in_gb18030_is_found():
    check = _upload("planted.csv")
    assert _errors(check) == {"表三 R24 总计", "表三 R25 总计"}


def test_planted_errors_in_a_published_html_page():
    html = (DATA / "published.html").read_text(encoding="utf-8")
    check = report_check_html(html=html)
    # 予以公开 商业企业 says 1 while neither its row total nor the 总计 row
    # was raised: the row sum and the column sum break, 勾稽关系 still holds.
    assert _errors(check) == {"表三 R3 总计", "表三 R24 商业企业"}
    assert check.tables.table2.documents["rules"]["issued"] == 0  # "/" = none


def test_a_missing_row_is_reported():
    content = ReportContent("x", 2025, consistent_tables())
    text = report_csv(content).replace("（二）部分公开", "（二）删去")
    check = report_check_upload(filename="x.csv", content=text.encode())
    assert any("部分公开" in f.message for f in check.result.errors)


def test_text_in_a_number_cell_is_reported():
    content = ReportContent("x", 2025, consistent_tables())
    text = report_csv(content).replace(
        "结转下年度继续办理,,,3,", "结转下年度继续办理,,,三件,"
    )
    check = report_check_upload(filename="x.csv", content=text.encode())
    assert check.result.errors


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("report.xlsx", b"not a zip"),
        ("report.pdf", b"%PDF-1.4"),
        ("report.csv", b"\xff\xfe\x00garbage\x81"),
    ],
)
def test_unreadable_uploads_give_a_clear_error(filename, content):
    with pytest.raises(DomainError) as error:
        report_check_upload(filename=filename, content=content)
    assert error.value.message


def test_html_without_tables_is_an_error():
    with pytest.raises(DomainError, match="没有表格"):
        report_check_html(html="<p>无</p>")


def test_an_empty_workbook_reports_every_table_missing():
    buffer = io.BytesIO()
    Workbook().save(buffer)
    check = report_check_upload(filename="empty.xlsx", content=buffer.getvalue())
    messages = " ".join(f.message for f in check.result.errors)
    assert "表二" in messages and "表三" in messages and "表四" in messages
