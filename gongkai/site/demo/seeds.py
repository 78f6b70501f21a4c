"""Turning the seed texts (real public texts saved from download sites) into
documents: strip the sites' boilerplate, find the title, 发文字号, dates and
issuer where the text gives them, and split the body into paragraphs.

The texts are kept as they are (traditional characters stay traditional);
only what a download site added is removed. Known sites and what they add:

- 汇文网: a 温馨提示 block and 网站客服 line before the text, a tag cloud of
  two-character words, and 第N页 共N页 at the end.
- 九九文秘网: site header, 热门搜索/当前位置, 来源:网友投稿, a 小编 teaser, the
  compilation's 篇一/篇二/篇三 headings (each part is a separate document with
  a 文章属性 block), and 推荐访问/Top at the end.
- 天天文库: ID/大小/页数/时间, one "…_第N页" line per page preview, 资源描述,
  page numbers ("2、") glued to the start of each page, and the 温馨提示 block.
- A traditional-character site that annotates characters with pinyin
  ("公開(kāi)"), with 時間/導語 before the text.
- A site that signs 责任编辑:admin after the text.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# Lines a download site adds; matched after stripping whitespace.
BOILERPLATE_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"^温馨提示[:：]?$",
        r"^\d+\.\s*(部分包含数学公式|本文档由用户上传|下载前请仔细阅读|下载文档时可能)",
        r"^网站客服[:：]",
        r"^第\s*\d+\s*页\s*共\s*\d+\s*页$",
        r"^(责任编辑|責任編輯)[:：]",
        r"九九文秘网",
        r"^•?\s*热门搜索",
        r"^•?\s*当前位置",
        r"^来源[:：]网友投稿",
        r"下面是小编为大家整理的",
        r"^推荐访问[:：]",
        r"^Top$",
        r"^(时间|時間|時\(shí\)間)[:：]\s*\d{4}-\d{2}-\d{2}",
        r"^(导语|導語|導\(dǎo\)語\(yǔ\))[:：]",
        r"^ID[:：]\d+$",
        r"^大小[:：]",
        r"^页数[:：]",
        r"_第\d+页$",
        r"^资源描述[:：]?$",
        r"由会员上传分享",
        r"^当前文档最多预览",
        r"^此文档下载收益归作者所有",
    )
)

# Markers that must never survive into a document (tests check them).
BOILERPLATE_MARKERS: tuple[str, ...] = (
    "温馨提示",
    "汇文网",
    "网站客服",
    "九九文秘网",
    "热门搜索",
    "当前位置",
    "网友投稿",
    "小编",
    "推荐访问",
    "天天文库",
    "资源描述",
    "会员上传",
    "最多预览",
    "下载收益",
    "责任编辑",
    "責任編輯",
    "导语",
    "導語",
    "歡迎參考",
    "文章属性",
    "_第1页",
    "页 共",
)

# Pinyin a site glued after characters: 公開(kāi). "(市)" or "(事)" stay.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(
    rf"\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)"  # toned: after anything
    rf"|(?<=[\u3400-\u9fff])\([a-zü{_TONED}]{{1,7}}\)"  # toneless: after a hanzi
)
_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fa5]{1,10}[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d{1,4}\s*号"
)
_CN_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_DOT_DATE = re.compile(r"(\d{4})[.\-](\d{1,2})[.\-](\d{1,2})")
_PART_HEADING = re.compile(r"^篇[一二三四五六七八九十]+[:：]")
_ATTRIBUTE = re.compile(r"【([^】]+)】([^•【]*)")
_TERMINAL = tuple("。：:；;！!？?”」』）)】]〞")
_HEADING_START = re.compile(
    r"^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、]|第[一二三四五六七八九十]+)"
)
_GLUED_HEADING = re.compile(
    r"^([一二三四五六七八九十]+、[^。，,；;(（]{2,40}?)([(（][一二三四五六七八九十]+[)）].+)$"
)
# An item or section glued to the end of the previous one: "…。(二)…",
# "…管委)(三)…", "…支持。二、…", "…。1.将…".
_GLUED_ITEM = re.compile(
    r"(?<=[。)）])(?=[(（][一二三四五六七八九十]+[)）])"
    r"|(?<=。)(?=[一二三四五六七八九十]+、)"
    r"|(?<=。)(?=\d{1,2}[.．][\u4e00-\u9fa5])"
)
_TRADITIONAL_HINTS = set("開務關於經區縣機構領導為們這與電網頁")

# Titles for seeds whose text carries none. The file is named after its
# content; the title is descriptive and written in the text's own script.
EDITORIAL_TITLES: dict[str, str] = {
    "001_def3cf4a9a1f6b41": "我市推行政務公開工作情況",
}


@dataclass
class SeedDocument:
    """One real document found in a seed file."""

    source: str  # file stem, plus "#n" for the n-th part of a compilation
    title: str
    paragraphs: list[str]
    doc_number: str = ""
    written_on: date | None = None
    published_on: date | None = None
    effective_on: date | None = None
    issuer: str = ""
    legal_level: str = ""  # 效力等级, e.g. 地方规范性文件
    validity_text: str = ""  # 时效性, e.g. 现行有效
    site_date: date | None = None  # the download site's own date, if any
    traditional: bool = False
    title_from_text: bool = True
    attributes: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def body_html(self) -> str:
        return "\n".join(f"<p>{html.escape(p)}</p>" for p in self.paragraphs)

    def summary(self, limit: int = 120) -> str:
        for paragraph in self.paragraphs:
            if len(paragraph) >= 30:
                return paragraph if len(paragraph) <= limit else paragraph[:limit] + "…"
        return self.paragraphs[0][:limit] if self.paragraphs else ""


def seed_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.txt") if p.is_file())


def parse_seed_folder(folder: Path) -> list[SeedDocument]:
    documents: list[SeedDocument] = []
    for path in seed_files(folder):
        documents.extend(parse_seed_file(path))
    return documents


def parse_seed_file(path: Path) -> list[SeedDocument]:
    return parse_seed_text(path.read_text(encoding="utf-8"), source=path.stem)


def parse_seed_text(raw: str, *, source: str) -> list[SeedDocument]:
    text = _PINYIN.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_clean_line(line) for line in text.split("\n")]
    site_date = _site_date(lines)
    paged = any(re.search(r"_第\d+页$", line) for line in lines)
    lines = [line for line in lines if line and not _is_boilerplate(line)]
    parts = _split_compilation(lines)
    if parts:
        docs = [
            _parse_attributed_part(part, source=f"{source}#{n}")
            for n, part in enumerate(parts, start=1)
        ]
    else:
        docs = [_parse_plain(lines, source=source, paged=paged)]
    for doc in docs:
        doc.site_date = site_date
        doc.traditional = _looks_traditional(doc.text)
    return docs


def _clean_line(line: str) -> str:
    return line.replace("\xa0", " ").replace("\u3000", "  ").strip()


def _is_boilerplate(line: str) -> bool:
    return any(p.search(line) for p in BOILERPLATE_LINES)


def _site_date(lines: Iterable[str]) -> date | None:
    for line in lines:
        m = re.match(r"^(?:时间|時間)[:：]\s*(\d{4})-(\d{2})-(\d{2})", line)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
    return None


def _looks_traditional(text: str) -> bool:
    return sum(ch in _TRADITIONAL_HINTS for ch in text) >= 5


# --- 九九文秘网: a compilation of parts, each with a 文章属性 block --------------


def _split_compilation(lines: list[str]) -> list[list[str]]:
    starts = [i for i, line in enumerate(lines) if _PART_HEADING.match(line)]
    if not starts:
        return []
    bounds = [*starts, len(lines)]
    return [lines[a + 1 : b] for a, b in itertools.pairwise(bounds)]


def _parse_attributed_part(lines: list[str], *, source: str) -> SeedDocument:
    attributes: dict[str, str] = {}
    body_start = 0
    for i, line in enumerate(lines):
        if line.startswith("•") or line.startswith("文章属性"):
            attributes.update(
                {k.strip(): v.strip() for k, v in _ATTRIBUTE.findall(line)}
            )
        if line == "正文":
            body_start = i + 1
            break
    rest = lines[body_start:]
    number_at = next(
        (i for i, line in enumerate(rest) if _DOC_NUMBER.fullmatch(line)), None
    )
    if number_at is not None:
        title = "".join(rest[:number_at])
        body = rest[number_at + 1 :]
        doc_number = rest[number_at]
    else:
        title, body, doc_number = rest[0], rest[1:], attributes.get("字号", "")
    paragraphs = _paragraphs(body)
    return SeedDocument(
        source=source,
        title=title,
        paragraphs=paragraphs,
        doc_number=attributes.get("字号", doc_number),
        written_on=_first_date_line(paragraphs)
        or _dot_date(attributes.get("公布日期")),
        published_on=_dot_date(attributes.get("公布日期")),
        effective_on=_dot_date(attributes.get("施行日期")),
        issuer=attributes.get("制定机关", ""),
        legal_level=attributes.get("效力等级", ""),
        validity_text=attributes.get("时效性", ""),
        attributes=attributes,
    )


def _dot_date(value: str | None) -> date | None:
    m = _DOT_DATE.search(value or "")
    return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _first_date_line(paragraphs: list[str]) -> date | None:
    for paragraph in paragraphs:
        m = _CN_DATE.match(paragraph)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
    return None


# --- Everything else: title, optional date line, body ----------------------


def _parse_plain(lines: list[str], *, source: str, paged: bool) -> SeedDocument:
    lines = _drop_tag_cloud(lines)
    if paged:
        lines = _join_numbered_pages(lines)
    title = ""
    if lines and _is_title(lines[0]):
        title = lines[0]
        lines = lines[1:]
        # Sites repeat the title: as a heading, or at the start of page 1.
        while lines and lines[0] == title:
            lines = lines[1:]
        if lines and lines[0].startswith(title):
            lines[0] = lines[0][len(title) :].strip()
    written_on = None
    if lines and _CN_DATE.match(lines[0]):
        m = _CN_DATE.match(lines[0])
        assert m is not None
        written_on = date(int(m[1]), int(m[2]), int(m[3]))
        lines = lines[1:]
    paragraphs = _paragraphs(lines, join=not paged)
    # Only a number on its own line near the top is the document's own; one
    # inside a sentence is a document it cites.
    doc_number = next((p for p in paragraphs[:3] if _DOC_NUMBER.fullmatch(p)), "")
    title_from_text = bool(title)
    if not title:
        title = EDITORIAL_TITLES.get(source, "")
    return SeedDocument(
        source=source,
        title=title,
        paragraphs=paragraphs,
        doc_number=doc_number,
        written_on=written_on or _first_date_line(paragraphs[-3:]),
        title_from_text=title_from_text,
    )


def _is_title(line: str) -> bool:
    """A title is short and unpunctuated; a body's first line is neither."""
    return 4 <= len(line) <= 60 and not any(ch in line for ch in "。，,；;：:")


def _drop_tag_cloud(lines: list[str]) -> list[str]:
    """汇文网 lists the title's words one per line before the title."""
    i = 0
    while i < len(lines) and len(lines[i]) <= 4 and not _CN_DATE.match(lines[i]):
        i += 1
    return lines[i:] if i >= 3 else lines


def _join_numbered_pages(lines: list[str]) -> list[str]:
    """天天文库 prefixes each page with its number ("2、") mid-sentence.

    Pages are recognised as a run of lines numbered 1、2、3、… in order; they
    are glued back together and split into paragraphs at the double spaces
    the site kept between paragraphs.
    """
    numbered = [
        (i, int(m[1]))
        for i, line in enumerate(lines)
        if (m := re.match(r"^(\d{1,2})、", line))
    ]
    pages = [i for n, (i, number) in enumerate(numbered) if number == n + 1]
    if len(pages) < 2:
        return lines
    first, last = pages[0], pages[-1]
    text = ""
    for i in range(first, last + 1):
        line = lines[i]
        text += re.sub(r"^\d{1,2}、", "", line) if i in pages else line
    chunks = [c.strip() for c in re.split(r"\s{2,}", text) if c.strip()]
    return lines[:first] + chunks + lines[last + 1 :]


def _paragraphs(lines: list[str], *, join: bool = True) -> list[str]:
    """Rejoin lines a page break cut mid-sentence; split glued headings."""
    result: list[str] = []
    for i, line in enumerate(lines):
        if join and result and _continues(result[-1], line, lines[i + 1 : i + 2]):
            result[-1] += line
        else:
            result.append(line)
    split: list[str] = []
    for paragraph in result:
        for piece in _GLUED_ITEM.split(paragraph):
            m = _GLUED_HEADING.match(piece)
            split.extend([m[1], m[2]] if m else [piece])
    return [p for p in split if p]


def _continues(previous: str, line: str, following: list[str]) -> bool:
    """Whether `line` is the rest of `previous`, cut by a page break."""
    if len(previous) < 20 or previous.endswith(_TERMINAL):
        return False
    if _HEADING_START.match(line) or _CN_DATE.match(line):
        return False
    # A short unpunctuated line right before a date is the signature.
    signature = (
        bool(following)
        and bool(_CN_DATE.match(following[0]))
        and len(line) <= 30
        and not line.endswith(_TERMINAL)
    )
    return not signature
