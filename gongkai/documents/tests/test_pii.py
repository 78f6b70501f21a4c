import pytest

from gongkai.documents.models import PiiKind
from gongkai.documents.pii import (
    find_pii,
    luhn_is_valid,
    mask_value,
    resident_id_is_valid,
    value_digest,
)

from .files import luhn_complete, resident_id

VALID_ID = resident_id("11010519491231002")
CARD = luhn_complete("622202123456789")  # 16 digits


def kinds(text: str) -> list[tuple[PiiKind, str]]:
    return [(hit.kind, hit.value) for hit in find_pii(text)]


def test_resident_id_check_digit_and_birth_date():
    assert resident_id_is_valid(VALID_ID)
    wrong_check = VALID_ID[:17] + ("0" if VALID_ID[17] != "0" else "1")
    assert not resident_id_is_valid(wrong_check)
    bad_date = resident_id("11010519490231002")  # 31 February... of 1949: 0231
    assert not resident_id_is_valid(bad_date)
    future = resident_id("11010520990101002")
    assert not resident_id_is_valid(future)
    x_id = next(
        resident_id(f"11010519800101{n:03d}")
        for n in range(1000)
        if resident_id(f"11010519800101{n:03d}").endswith("X")
    )
    assert resident_id_is_valid(x_id.lower())


def test_resident_id_in_text():
    assert kinds(f"申请人身份证号{VALID_ID}，") == [(PiiKind.RESIDENT_ID, VALID_ID)]
    wrong = VALID_ID[:17] + ("0" if VALID_ID[17] != "0" else "1")
    assert kinds(f"号码{wrong}") == []
    # Part of a longer code (e.g. an index number) is not an ID.
    assert kinds(f"A{VALID_ID}") == []


def test_mobile_numbers_need_non_digit_boundaries():
    assert kinds("联系电话：13800138000。") == [(PiiKind.MOBILE, "13800138000")]
    assert kinds("电话13800138000和19912345678") == [
        (PiiKind.MOBILE, "13800138000"),
        (PiiKind.MOBILE, "19912345678"),
    ]
    assert kinds("12800138000") == []  # 12x is no mobile prefix
    assert kinds("编号138001380001") == []  # 12 digits
    assert kinds("编号913800138000") == []


def test_bank_cards_pass_luhn():
    assert luhn_is_valid(CARD)
    assert kinds(f"账号{CARD}") == [(PiiKind.BANK_CARD, CARD)]
    broken = CARD[:-1] + str((int(CARD[-1]) + 1) % 10)
    assert kinds(f"账号{broken}") == []
    nineteen = luhn_complete("621700123456789012")
    assert kinds(f"卡号 {nineteen} 。") == [(PiiKind.BANK_CARD, nineteen)]
    assert kinds(luhn_complete("12345678901234")) == []  # 15 digits


def test_email_addresses():
    assert kinds("请发送至 zhang.san+gk@example.gov.cn。") == [
        (PiiKind.EMAIL, "zhang.san+gk@example.gov.cn")
    ]
    assert kinds("not an address: a@b") == []


def test_an_id_that_also_passes_luhn_is_reported_once_as_id():
    candidates = [resident_id(f"11010519800101{n:03d}") for n in range(1000)]
    both = next(c for c in candidates if luhn_is_valid(c) and c[-1] != "X")
    assert kinds(both) == [(PiiKind.RESIDENT_ID, both)]


def test_masks_and_digests():
    assert mask_value(PiiKind.MOBILE, "13800138000") == "138****8000"
    assert (
        mask_value(PiiKind.RESIDENT_ID, VALID_ID)
        == VALID_ID[:6] + "*" * 8 + VALID_ID[-4:]
    )
    assert mask_value(PiiKind.EMAIL, "zhang@example.cn") == "z***@example.cn"
    assert mask_value(PiiKind.BANK_CARD, CARD) == CARD[:4] + "*" * 8 + CARD[-4:]
    assert value_digest(PiiKind.MOBILE, "13800138000") == value_digest(
        PiiKind.MOBILE, "13800138000"
    )
    assert "13800138000" not in value_digest(PiiKind.MOBILE, "13800138000")


def test_context_is_masked():
    (hit,) = find_pii("请联系王先生，电话13800138000，工作日接听。")
    assert "13800138000" not in hit.context
    assert "138****8000" in hit.context


@pytest.mark.parametrize(
    "text", ["", "没有个人信息的正文。", "索引号 11441700007280420Y/2021-00050"]
)
def test_clean_texts(text):
    assert find_pii(text) == []
