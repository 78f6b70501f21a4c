"""Uploaded report tables → rows of cell texts (XLSX, CSV, pasted HTML).

Each reader returns the cells of every table as plain rows; a merged or
spanned cell keeps its text in its first position only, so a number that
spans three columns is read once.
"""

from __future__ import annotations

import csv
import io
import zipfile

from django.utils.translation import gettext
from lxml import etree
from lxml import html as lxml_html
from openpyxl import load_workbook

from gongkai.core.errors import DomainError

Rows = list[list[str]]
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def xlsx_rows(content: bytes) -> Rows:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise DomainError(
            gettext("无法读取该 Excel 文件，请上传 .xlsx 格式的报表。")
        ) from error
    rows: Rows = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            rows.append([_text(v) for v in row])
    workbook.close()
    return rows


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DomainError(gettext("无法识别该 CSV 文件的编码，请使用 UTF-8 或 GB18030。"))


def csv_rows(content: bytes) -> Rows:
    try:
        return [
            [_text(v) for v in row] for row in csv.reader(io.StringIO(_decode(content)))
        ]
    except csv.Error as error:
        raise DomainError(gettext("CSV 文件格式有误：%s") % error) from error


def _span(cell: lxml_html.HtmlElement, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 100))
    except ValueError:
        return 1


def _table_rows(table: lxml_html.HtmlElement) -> Rows:
    grid: dict[tuple[int, int], str] = {}
    width = 0
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.xpath("./td|./th"):
            while (r, c) in grid:
                c += 1
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = ""
            grid[(r, c)] = _text(cell.text_content())
            c += colspan
            width = max(width, c)
    return [[grid.get((r, c), "") for c in range(width)] for r in range(len(rows))]


def html_rows(source: str) -> Rows:
    if not source.strip():
        raise DomainError(gettext("请粘贴包含报表表格的网页 HTML。"))
    try:
        document = lxml_html.fromstring(source)
    except (etree.ParserError, ValueError) as error:
        raise DomainError(gettext("无法解析粘贴的 HTML。")) from error
    tables = document.xpath("//table")
    if not tables:
        raise DomainError(gettext("粘贴的 HTML 中没有表格。"))
    rows: Rows = []
    for table in tables:
        rows += _table_rows(table)
    return rows


def upload_rows(filename: str, content: bytes) -> Rows:
    if len(content) > MAX_UPLOAD_BYTES:
        raise DomainError(gettext("文件过大（上限 5 MB）。"))
    name = filename.lower()
    if name.endswith(".xlsx"):
        return xlsx_rows(content)
    if name.endswith(".csv"):
        return csv_rows(content)
    if name.endswith((".html", ".htm")):
        return html_rows(_decode(content))
    raise DomainError(gettext("只支持 .xlsx、.csv 或 .html 文件。"))
