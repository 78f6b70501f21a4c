"""Dates as written in letters: 2026年12月1日 and, for the seal block,
二〇二六年十二月一日 (党政机关公文格式 GB/T 9704 style)."""

from __future__ import annotations

from datetime import date

_DIGITS = "〇一二三四五六七八九"


def date_cn(day: date | None) -> str:
    """2026年12月1日; "" for no date."""
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def _number_cn(n: int) -> str:
    """1–31 in Chinese numerals: 一, 十, 十二, 二十, 三十一."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return _DIGITS[units]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[units] if units else "")


def date_cn_full(day: date | None) -> str:
    """二〇二六年十二月一日 (the year digit by digit, month and day as numbers)."""
    if day is None:
        return ""
    year = "".join(_DIGITS[int(d)] for d in str(day.year))
    return f"{year}年{_number_cn(day.month)}月{_number_cn(day.day)}日"
