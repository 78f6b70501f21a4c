"""统一社会信用代码 (GB 32100-2015): format and check character."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# GB 32100-2015 §4: the 31 characters allowed (no I, O, S, V, Z) and the
# weights of positions 1–17 for the check character in position 18.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_character(first17: str) -> str:
    """The check character for the first 17 characters of a code."""
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def is_valid_credit_code(value: str) -> bool:
    if len(value) != 18 or any(ch not in ALPHABET for ch in value):
        return False
    return credit_code_check_character(value[:17]) == value[17]


def validate_credit_code(value: str) -> None:
    if len(value) != 18:
        raise ValidationError(
            _("统一社会信用代码应为18位，当前为%(n)s位。"), params={"n": len(value)}
        )
    if any(ch not in ALPHABET for ch in value):
        raise ValidationError(
            _("统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z）。")
        )
    if not is_valid_credit_code(value):
        raise ValidationError(_("统一社会信用代码校验位不正确，请核对。"))
