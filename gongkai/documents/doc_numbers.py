"""发文字号: parsing, validation and the canonical form (spec §5.4).

GB/T 9704-2012 §7.2.5: 发文机关代字 + 年份 + 发文顺序号 + "号", the year in
full inside 六角括号 〔〕 (U+3014/U+3015), the serial without "第" and without
leading zeros. People type the year in whatever brackets their keyboard offers,
so every common bracket pair (half- and full-width) is accepted on input and the
canonical 〔〕 form is stored.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

CANONICAL_OPEN = "〔"
CANONICAL_CLOSE = "〕"

# Accepted (open, close) pairs. Full-width ［］（） become [] () under NFKC,
# but are listed so that `doc_number_variants` offers them to search.
BRACKET_PAIRS: tuple[tuple[str, str], ...] = (
    ("〔", "〕"),
    ("[", "]"),
    ("(", ")"),
    ("（", "）"),
    ("【", "】"),
    ("［", "］"),
    ("﹝", "﹞"),
    ("〖", "〗"),
)
_OPENERS = "".join(re.escape(o) for o, _ in BRACKET_PAIRS)
_CLOSERS = "".join(re.escape(c) for _, c in BRACKET_PAIRS)

_PATTERN = re.compile(
    rf"^(?P<code>[\u4e00-\u9fa5A-Za-z]+)"
    rf"(?P<open>[{_OPENERS}])(?P<year>\d{{4}})(?P<close>[{_CLOSERS}])"
    r"第?(?P<serial>\d+)号$"
)

FIRST_YEAR = 1949


class DocNumber(NamedTuple):
    code: str
    year: int
    serial: int

    @property
    def canonical(self) -> str:
        return f"{self.code}{CANONICAL_OPEN}{self.year}{CANONICAL_CLOSE}{self.serial}号"


def _prepare(raw: str) -> str:
    # NFKC turns full-width digits, letters, ［］ and （） into ASCII; 〔〕【】
    # have no compatibility mapping and survive unchanged.
    text = unicodedata.normalize("NFKC", raw)
    return re.sub(r"\s+", "", text)


def parse_doc_number(raw: str) -> DocNumber:
    """Split a 发文字号 into its parts; ValidationError (Chinese) if malformed."""
    text = _prepare(raw)
    if not text:
        raise ValidationError(gettext("发文字号不能为空。"), code="empty")
    match = _PATTERN.match(text)
    if match is None:
        raise ValidationError(
            gettext(
                "发文字号格式不正确，应为“机关代字〔年份〕序号号”，"
                "例如：鹤政办〔2019〕20号。"
            ),
            code="invalid",
        )
    pair = (match["open"], match["close"])
    if pair not in {_prepare_pair(o, c) for o, c in BRACKET_PAIRS}:
        raise ValidationError(
            gettext("发文字号中年份两侧的括号不配对。"), code="unbalanced_brackets"
        )
    year = int(match["year"])
    latest = timezone.localdate().year + 1
    if not FIRST_YEAR <= year <= latest:
        raise ValidationError(
            gettext("发文字号中的年份 %(year)s 不在 %(first)s–%(latest)s 之间。")
            % {"year": year, "first": FIRST_YEAR, "latest": latest},
            code="invalid_year",
        )
    serial = int(match["serial"])
    if serial == 0:
        raise ValidationError(
            gettext("发文字号的序号不能为 0。"), code="invalid_serial"
        )
    return DocNumber(code=match["code"], year=year, serial=serial)


def _prepare_pair(open_: str, close: str) -> tuple[str, str]:
    return _prepare(open_), _prepare(close)


def normalise_doc_number(raw: str) -> str:
    """The canonical form `鹤政办〔2019〕20号`; raises ValidationError."""
    return parse_doc_number(raw).canonical


def validate_doc_number(value: str) -> None:
    """Model/form field validator: the value must parse (blank is allowed)."""
    if value:
        parse_doc_number(value)


def doc_number_variants(canonical: str) -> list[str]:
    """Every accepted bracket spelling of a canonical number, canonical first.

    Search matches source texts that print the number with other brackets.
    """
    number = parse_doc_number(canonical)
    variants = [number.canonical]
    for open_, close in BRACKET_PAIRS:
        variant = f"{number.code}{open_}{number.year}{close}{number.serial}号"
        if variant not in variants:
            variants.append(variant)
    return variants
