"""Shared data of the intake tests (form, API, services)."""

from __future__ import annotations

from typing import Any

from gongkai.core.credit_codes import credit_code_check_character

RESIDENT_ID = "11010519491231002X"  # valid check character, born 1949-12-31
PHONE = "13800138000"


def credit_code(n: int = 1) -> str:
    first17 = f"9135{n:013d}"
    return first17 + credit_code_check_character(first17)


def person(**overrides: Any) -> dict[str, Any]:
    """A natural person's applicant fields (API shape)."""
    data = {
        "type": "natural_person",
        "name": "张三",
        "id_type": "resident_id",
        "id_number": RESIDENT_ID,
        "phone": PHONE,
        "email": "a@example.com",
        "address": "鹤城市人民路1号",
        "postal_code": "100000",
    }
    data.update(overrides)
    return data


def enterprise(**overrides: Any) -> dict[str, Any]:
    data = {
        "type": "commercial_enterprise",
        "name": "鹤城测试科技有限公司",
        "credit_code": credit_code(7),
        "legal_representative": "王五",
        "contact_person": "赵六",
        "phone": "0571-87654321",
        "email": "office@example.com",
        "address": "鹤城市高新区1号",
    }
    data.update(overrides)
    return data


def request_fields(**overrides: Any) -> dict[str, Any]:
    data = {
        "description": "2025年本机关财政预算执行情况的报告",
        "doc_title": "",
        "doc_number": "",
        "purpose": "",
        "form": "electronic",
        "delivery": "online",
    }
    data.update(overrides)
    return data


def flat(applicant: dict[str, Any] | None = None, **request: Any) -> dict[str, Any]:
    """The flat mapping application_validate (and the web form) takes."""
    return {
        **(applicant if applicant is not None else person()),
        **request_fields(**request),
    }


# (field, applicant overrides, request overrides, expected message part)
INVALID_CASES: list[tuple[str, dict[str, Any], dict[str, Any], str]] = [
    ("id_number", {"id_number": "110105194912310021"}, {}, "校验位不正确"),
    ("id_number", {"id_number": "110105194902300021"}, {}, "出生日期无效"),
    ("id_number", {"id_number": "11010519491231"}, {}, "应为18位"),
    ("id_number", {"id_number": "810000199001010000"}, {}, "港澳台居民居住证"),
    ("id_number", {"id_type": "passport", "id_number": "E12"}, {}, "护照号码"),
    ("id_number", {"id_type": "passport", "id_number": "ABCDEFGH"}, {}, "护照号码"),
    ("id_number", {"id_type": "hk_macao_permit", "id_number": "X12345678"}, {}, "H或M"),
    ("id_number", {"id_type": "taiwan_permit", "id_number": "1234567"}, {}, "8位数字"),
    ("id_number", {"id_number": ""}, {}, "请填写证件号码"),
    ("id_type", {"id_type": ""}, {}, "请选择证件类型"),
    ("id_type", {"id_type": "driving_licence"}, {}, "不支持的证件类型"),
    ("name", {"name": "  "}, {}, "请填写申请人姓名"),
    ("type", {"type": ""}, {}, "请选择申请人类型"),
    ("type", {"type": "alien"}, {}, "申请人类型无效"),
    ("phone", {"phone": ""}, {}, "请填写联系电话"),
    ("phone", {"phone": "12345"}, {}, "11位手机号码"),
    ("email", {"email": "not-an-address"}, {}, "有效的电子邮箱"),
    ("email", {"email": ""}, {"form": "electronic"}, "请填写电子邮箱"),
    ("postal_code", {"postal_code": "1000"}, {}, "6位数字"),
    ("address", {"address": ""}, {"form": "paper", "delivery": "post"}, "通信地址"),
    ("description", {}, {"description": ""}, "请描述所需政府信息"),
    ("description", {}, {"description": "字" * 5001}, "不能超过5000个字符"),
    ("form", {}, {"form": ""}, "请选择获取信息的载体形式"),
    ("form", {}, {"form": "telepathy"}, "载体形式无效"),
    ("delivery", {}, {"delivery": ""}, "请选择获取信息的方式"),
    ("delivery", {}, {"form": "paper", "delivery": "online"}, "纸质材料不能网上获取"),
    ("delivery", {}, {"form": "download", "delivery": "post"}, "网上获取"),
]

ORGANISATION_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("credit_code", {"credit_code": credit_code(7)[:-1] + "0"}, "校验位不正确"),
    ("credit_code", {"credit_code": "91350100"}, "应为18位"),
    ("credit_code", {"credit_code": "91350100O000100Y4X"}, "只能包含数字和大写字母"),
    ("credit_code", {"credit_code": ""}, "请填写统一社会信用代码"),
    ("legal_representative", {"legal_representative": ""}, "法定代表人"),
    ("contact_person", {"contact_person": ""}, "请填写联系人"),
    ("name", {"name": ""}, "请填写申请单位名称"),
]
