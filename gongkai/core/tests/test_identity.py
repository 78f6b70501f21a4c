"""Identity document numbers (GB 11643-1999 and the permits' formats)."""

import pytest
import time_machine
from django.core.exceptions import ValidationError

from gongkai.core.identity import (
    IdType,
    normalise_id_number,
    resident_id_check_character,
    resident_id_is_valid,
    validate_id_number,
)


def complete(first17: str) -> str:
    return first17 + resident_id_check_character(first17)


VALID_ID = "11010519491231002X"  # the GB 11643-1999 example
HK_PERMIT_RESIDENCE = complete("81000019800101001")
WRONG_CHECK = "1" if HK_PERMIT_RESIDENCE.endswith("0") else "0"


def messages(id_type, value) -> list[str]:
    with pytest.raises(ValidationError) as excinfo:
        validate_id_number(id_type, value)
    return [str(m) for m in excinfo.value.messages]


def test_check_character_of_the_standard_example():
    assert resident_id_check_character("11010519491231002") == "X"
    assert resident_id_is_valid(VALID_ID)
    assert resident_id_is_valid(VALID_ID.lower())


def test_resident_id_accepted_and_normalised():
    assert validate_id_number("resident_id", " 110105 19491231 002x ") == VALID_ID


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("1101051949123100", "应为18位"),
        ("11010519491231002Y", "前17位应为数字"),
        ("110105194912310021", "校验位不正确"),
        (complete("11010519490231002"), "出生日期无效"),
        (complete("11010518991231002"), "出生日期无效"),
        (complete("11010520991231002"), "出生日期无效"),
        (HK_PERMIT_RESIDENCE, "港澳台居民居住证"),
    ],
)
def test_resident_id_errors(value, fragment):
    (message,) = messages(IdType.RESIDENT_ID, value)
    assert fragment in message


def test_birth_date_may_not_be_in_the_future():
    tomorrow_born = complete("11010520261124002")
    with time_machine.travel("2026-11-23 12:00 +0800", tick=False):
        assert not resident_id_is_valid(tomorrow_born)
    with time_machine.travel("2026-11-24 12:00 +0800", tick=False):
        assert resident_id_is_valid(tomorrow_born)


@pytest.mark.parametrize("prefix", ["810000", "820000", "830000"])
def test_residence_permit(prefix):
    number = complete(prefix + "19800101001")
    assert validate_id_number(IdType.RESIDENCE_PERMIT, number) == number


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (VALID_ID, "810000"),
        (HK_PERMIT_RESIDENCE[:-1] + WRONG_CHECK, "校验位"),
        ("8100001980010100", "应为18位"),
    ],
)
def test_residence_permit_errors(value, fragment):
    (message,) = messages(IdType.RESIDENCE_PERMIT, value)
    assert fragment in message


@pytest.mark.parametrize("value", ["H12345678", "M1234567890", "h 1234 5678"])
def test_hk_macao_permit_accepted(value):
    assert validate_id_number(IdType.HK_MACAO_PERMIT, value).startswith(("H", "M"))


@pytest.mark.parametrize("value", ["H1234567", "K12345678", "H123456789", "12345678"])
def test_hk_macao_permit_rejected(value):
    (message,) = messages(IdType.HK_MACAO_PERMIT, value)
    assert "H或M" in message


def test_taiwan_permit():
    assert validate_id_number(IdType.TAIWAN_PERMIT, "12345678") == "12345678"
    for bad in ["1234567", "123456789", "T1234567"]:
        (message,) = messages(IdType.TAIWAN_PERMIT, bad)
        assert "8位数字" in message


@pytest.mark.parametrize("value", ["E12345678", "EA1234567", "G12345678", "123456789"])
def test_passport_accepted(value):
    assert validate_id_number(IdType.PASSPORT, value) == value


@pytest.mark.parametrize("value", ["E123", "ABCDEFGHI", "E1234-5678", "护照12345"])
def test_passport_rejected(value):
    (message,) = messages(IdType.PASSPORT, value)
    assert "护照号码" in message


def test_empty_and_unknown_type():
    assert "请填写证件号码" in messages(IdType.PASSPORT, "  ")[0]
    assert "不支持的证件类型" in messages("driving_licence", "123")[0]
    assert normalise_id_number(" e 123\t456 ") == "E123456"
