"""Identity document numbers: formats and check characters (pure).

Used where an applicant proves who they are (条例第二十九条: 身份证明) and by
the personal-data scanner of documents (条例第十五条). One implementation of
the GB 11643-1999 check: 17 digits + ISO 7064 MOD 11-2 check character.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# GB 11643-1999 §8: weights of positions 1–17; check character by remainder.
RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RESIDENT_ID_CHECK = "10X98765432"
EARLIEST_BIRTH = date(1900, 1, 1)

# 港澳台居民居住证 (国办发〔2018〕81号): GB 11643 numbers whose address code is
# 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan).
RESIDENCE_PERMIT_PREFIXES = ("810000", "820000", "830000")

_PASSPORT = re.compile(r"[A-Z0-9]{5,17}")
_HK_MACAO_PERMIT = re.compile(r"[HM](\d{8}|\d{10})")
_TAIWAN_PERMIT = re.compile(r"\d{8}")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO_PERMIT = "hk_macao_permit", _("港澳居民来往内地通行证")
    TAIWAN_PERMIT = "taiwan_permit", _("台湾居民来往大陆通行证")
    RESIDENCE_PERMIT = "residence_permit", _("港澳台居民居住证")


def resident_id_check_character(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, RESIDENT_ID_WEIGHTS, strict=True))
    return RESIDENT_ID_CHECK[total % 11]


def birth_date_of(value: str) -> date | None:
    """The birth date in positions 7–14, or None when it is no real date."""
    try:
        return date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return None


def resident_id_is_valid(value: str) -> bool:
    """ISO 7064 MOD 11-2 check character and a real, past birth date.

    True for every GB 11643 number, including 港澳台居民居住证 numbers (which
    are personal data just the same).
    """
    if len(value) != 18 or not value[:17].isdigit():
        return False
    if resident_id_check_character(value[:17]) != value[17].upper():
        return False
    born = birth_date_of(value)
    return born is not None and EARLIEST_BIRTH <= born <= timezone.localdate()


def normalise_id_number(value: str) -> str:
    """Upper case without spaces (as people type them, e.g. '110105 1949…x')."""
    return re.sub(r"\s+", "", value).upper()


def _gb11643_errors(value: str, label: str) -> None:
    if len(value) != 18:
        raise ValidationError(
            _("%(label)s号码应为18位，当前为%(n)s位。"),
            params={"label": label, "n": len(value)},
        )
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        raise ValidationError(
            _("%(label)s号码前17位应为数字，最后一位为数字或X。"),
            params={"label": label},
        )
    born = birth_date_of(value)
    if born is None or not EARLIEST_BIRTH <= born <= timezone.localdate():
        raise ValidationError(
            _("%(label)s号码中的出生日期无效。"), params={"label": label}
        )
    if resident_id_check_character(value[:17]) != value[17]:
        raise ValidationError(
            _("%(label)s号码校验位不正确，请核对。"), params={"label": label}
        )


def _validate_resident_id(value: str) -> None:
    _gb11643_errors(value, str(IdType.RESIDENT_ID.label))
    if value.startswith(RESIDENCE_PERMIT_PREFIXES):
        raise ValidationError(
            _("该号码是港澳台居民居住证号码，请选择证件类型“港澳台居民居住证”。")
        )


def _validate_residence_permit(value: str) -> None:
    _gb11643_errors(value, str(IdType.RESIDENCE_PERMIT.label))
    if not value.startswith(RESIDENCE_PERMIT_PREFIXES):
        raise ValidationError(_("港澳台居民居住证号码应以810000、820000或830000开头。"))


def _validate_passport(value: str) -> None:
    if not _PASSPORT.fullmatch(value) or not any(ch.isdigit() for ch in value):
        raise ValidationError(_("护照号码应为5至17位字母和数字，且至少含一位数字。"))


def _validate_hk_macao_permit(value: str) -> None:
    if not _HK_MACAO_PERMIT.fullmatch(value):
        raise ValidationError(
            _("港澳居民来往内地通行证号码应为字母H或M加8位或10位数字。")
        )


def _validate_taiwan_permit(value: str) -> None:
    if not _TAIWAN_PERMIT.fullmatch(value):
        raise ValidationError(_("台湾居民来往大陆通行证号码应为8位数字。"))


_VALIDATORS = {
    IdType.RESIDENT_ID: _validate_resident_id,
    IdType.PASSPORT: _validate_passport,
    IdType.HK_MACAO_PERMIT: _validate_hk_macao_permit,
    IdType.TAIWAN_PERMIT: _validate_taiwan_permit,
    IdType.RESIDENCE_PERMIT: _validate_residence_permit,
}


def validate_id_number(id_type: str, value: str) -> str:
    """Raise ValidationError (Chinese) unless `value` fits `id_type`.

    Returns the normalised number (upper case, no spaces), which is what is
    stored and what per-identity counters key on.
    """
    try:
        validator = _VALIDATORS[IdType(id_type)]
    except ValueError:
        raise ValidationError(_("不支持的证件类型。")) from None
    number = normalise_id_number(value)
    if not number:
        raise ValidationError(_("请填写证件号码。"))
    validator(number)
    return number
