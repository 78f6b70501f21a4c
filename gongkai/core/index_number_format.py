"""The 索引号 format an organisation configures (spec §5.2).

No national format is mandated, so each organisation sets a Python format
string; documents render it when they allocate a number. The check lives in
core so that the organisation's own field can validate it (core may not
import documents).
"""

from __future__ import annotations

import string
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

PLACEHOLDERS = frozenset({"credit_code", "year", "month", "serial"})


def render_index_number(fmt: str, *, credit_code: str, on: date, serial: int) -> str:
    return fmt.format(
        credit_code=credit_code, year=on.year, month=on.month, serial=serial
    )


def validate_index_number_format(value: str) -> None:
    """Only known placeholders; `{year}` and `{serial}` are required: the
    serial restarts every year, so without both, numbers would repeat."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(value) if name]
    except ValueError as exc:
        raise ValidationError(
            gettext("索引号格式不正确：%(error)s") % {"error": exc}, code="invalid"
        ) from exc
    unknown = sorted(set(fields) - PLACEHOLDERS)
    if unknown:
        raise ValidationError(
            gettext(
                "索引号格式含有未知占位符：%(unknown)s（可用：{credit_code}、{year}、"
                "{month}、{serial}）。"
            )
            % {"unknown": "、".join(unknown)},
            code="unknown_placeholder",
        )
    if "serial" not in fields or "year" not in fields:
        raise ValidationError(
            gettext("索引号格式必须同时包含 {year} 和 {serial}，否则索引号会重复。"),
            code="no_serial",
        )
    try:
        # A trial render catches bad format specs such as `{serial:zz}`.
        render_index_number(value, credit_code="X" * 18, on=date(2000, 1, 1), serial=1)
    except (ValueError, KeyError, IndexError) as exc:
        raise ValidationError(
            gettext("索引号格式不正确：%(error)s") % {"error": exc}, code="invalid"
        ) from exc
