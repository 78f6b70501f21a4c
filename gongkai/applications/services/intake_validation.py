"""What an application must contain (条例第二十九条), checked once for the web
form and the API alike; every message is Chinese and keyed by field name.

Pure apart from settings: no database access.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.core.credit_codes import validate_credit_code
from gongkai.core.identity import IdType, validate_id_number

from ..choices import ApplicantType
from ..models import Delivery, RequestForm

StrOrPromise = str | Promise

APPLICANT_FIELDS = (
    "type",
    "name",
    "id_type",
    "id_number",
    "credit_code",
    "legal_representative",
    "contact_person",
    "phone",
    "email",
    "address",
    "postal_code",
)
REQUEST_FIELDS = (
    "description",
    "doc_title",
    "doc_number",
    "purpose",
    "form",
    "delivery",
)

# Column widths of the Application model (and a bound on free text).
MAX_LENGTHS = {
    "name": 100,
    "id_number": 30,
    "credit_code": 30,
    "legal_representative": 50,
    "contact_person": 50,
    "phone": 30,
    "email": 254,
    "address": 200,
    "postal_code": 10,
    "description": 5000,
    "doc_title": 300,
    "doc_number": 100,
    "purpose": 2000,
}

# 中国大陆手机号 (optionally +86) or a fixed line with its area code.
_MOBILE = re.compile(r"(?:\+?86)?(1[3-9]\d{9})")
_LANDLINE = re.compile(r"\(?(0\d{2,3})\)?-?([1-9]\d{6,7})")
_POSTAL_CODE = re.compile(r"\d{6}")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ApplicantData:
    """The applicant as checked: irrelevant fields of the other kind are ''."""

    type: str
    name: str
    id_type: str
    id_number: str
    credit_code: str
    legal_representative: str
    contact_person: str
    phone: str
    email: str
    address: str
    postal_code: str

    @property
    def is_organisation(self) -> bool:
        return self.type != ApplicantType.NATURAL_PERSON

    @property
    def identity_key(self) -> str:
        """Whom the monthly piece count (spec §2.3) and rate limits key on."""
        if self.is_organisation:
            return f"credit_code:{self.credit_code}"
        return f"{self.id_type}:{self.id_number}"


@dataclass(frozen=True)
class RequestData:
    description: str
    doc_title: str
    doc_number: str
    purpose: str
    form: str
    delivery: str


class _Errors:
    def __init__(self) -> None:
        self.by_field: dict[str, list[StrOrPromise]] = {}
        self.not_text: set[str] = set()

    def add(self, field: str, message: StrOrPromise) -> None:
        if field in self.not_text:
            return  # "应为文本" says it all; no "请填写" on top
        self.by_field.setdefault(field, []).append(message)

    def check(self, field: str, check: Callable[[], Any]) -> Any:
        """Run `check`; its ValidationError messages go under `field`."""
        try:
            return check()
        except ValidationError as error:
            for message in error.messages:
                self.add(field, message)
            return ""


def _text(data: Mapping[str, Any], field: str, errors: _Errors) -> str:
    value = data.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        errors.add(field, _("应为文本。"))
        errors.not_text.add(field)
        return ""
    value = value.replace("\x00", "").strip()
    limit = MAX_LENGTHS.get(field)
    if limit is not None and len(value) > limit:
        errors.add(field, _("不能超过%(n)s个字符。") % {"n": limit})
    return value


def normalise_phone(value: str) -> str:
    """11-digit mobile or '区号-号码'; ValidationError otherwise."""
    compact = _SPACES.sub("", value).replace("（", "(").replace("）", ")")
    mobile = _MOBILE.fullmatch(compact.replace("-", ""))
    if mobile:
        return mobile.group(1)
    landline = _LANDLINE.fullmatch(compact)
    if landline:
        return f"{landline.group(1)}-{landline.group(2)}"
    raise ValidationError(
        _("联系电话应为11位手机号码，或带区号的固定电话（如 010-12345678）。")
    )


def _person(raw: dict[str, str], errors: _Errors) -> dict[str, str]:
    if not raw["name"]:
        errors.add("name", _("请填写申请人姓名。"))
    id_number = ""
    if not raw["id_type"]:
        errors.add("id_type", _("请选择证件类型。"))
    elif raw["id_type"] not in IdType.values:
        errors.add("id_type", _("不支持的证件类型。"))
    elif not raw["id_number"]:
        errors.add("id_number", _("请填写证件号码。"))
    else:
        id_number = errors.check(
            "id_number", lambda: validate_id_number(raw["id_type"], raw["id_number"])
        )
    return {
        "id_type": raw["id_type"],
        "id_number": id_number,
        "credit_code": "",
        "legal_representative": "",
        "contact_person": "",
    }


def _organisation(raw: dict[str, str], errors: _Errors) -> dict[str, str]:
    if not raw["name"]:
        errors.add("name", _("请填写申请单位名称。"))
    code = _SPACES.sub("", raw["credit_code"]).upper()
    if not code:
        errors.add("credit_code", _("请填写统一社会信用代码。"))
    else:
        errors.check("credit_code", lambda: validate_credit_code(code))
    if not raw["legal_representative"]:
        errors.add("legal_representative", _("请填写法定代表人或负责人姓名。"))
    if not raw["contact_person"]:
        errors.add("contact_person", _("请填写联系人姓名。"))
    return {
        "id_type": "",
        "id_number": "",
        "credit_code": code,
        "legal_representative": raw["legal_representative"],
        "contact_person": raw["contact_person"],
    }


def _contact(raw: dict[str, str], errors: _Errors) -> dict[str, str]:
    phone = ""
    if not raw["phone"]:
        errors.add("phone", _("请填写联系电话。"))
    else:
        phone = errors.check("phone", lambda: normalise_phone(raw["phone"]))
    if raw["email"]:
        try:
            validate_email(raw["email"])
        except ValidationError:
            errors.add("email", _("请填写有效的电子邮箱地址，如 name@example.com。"))
    postal_code = _SPACES.sub("", raw["postal_code"])
    if postal_code and not _POSTAL_CODE.fullmatch(postal_code):
        errors.add("postal_code", _("邮政编码应为6位数字。"))
    return {
        "phone": phone,
        "email": raw["email"],
        "address": raw["address"],
        "postal_code": postal_code,
    }


def _applicant(data: Mapping[str, Any], errors: _Errors) -> ApplicantData:
    raw = {field: _text(data, field, errors) for field in APPLICANT_FIELDS}
    kind = raw["type"]
    if kind not in ApplicantType.values:
        errors.add(
            "type",
            _("请选择申请人类型。") if not kind else _("申请人类型无效。"),
        )
        kind = ApplicantType.NATURAL_PERSON.value
    identity = (
        _person(raw, errors)
        if kind == ApplicantType.NATURAL_PERSON
        else _organisation(raw, errors)
    )
    contact = _contact(raw, errors)
    return ApplicantData(type=kind, name=raw["name"], **identity, **contact)


_FORM_DELIVERY_CONFLICTS: dict[tuple[str, str], StrOrPromise] = {
    (RequestForm.PAPER, Delivery.ONLINE): _(
        "纸质材料不能网上获取，请选择邮寄或当面领取。"
    ),
    (RequestForm.DISC, Delivery.ONLINE): _("光盘不能网上获取，请选择邮寄或当面领取。"),
    (RequestForm.DOWNLOAD, Delivery.POST): _("选择网上下载时，获取方式应为网上获取。"),
    (RequestForm.DOWNLOAD, Delivery.IN_PERSON): _(
        "选择网上下载时，获取方式应为网上获取。"
    ),
}


def _choices(raw: dict[str, str], errors: _Errors) -> None:
    if raw["form"] not in RequestForm.values:
        errors.add(
            "form",
            _("请选择获取信息的载体形式。") if not raw["form"] else _("载体形式无效。"),
        )
    if raw["delivery"] not in Delivery.values:
        errors.add(
            "delivery",
            _("请选择获取信息的方式。") if not raw["delivery"] else _("获取方式无效。"),
        )
    conflict = _FORM_DELIVERY_CONFLICTS.get((raw["form"], raw["delivery"]))
    if conflict is not None:
        errors.add("delivery", conflict)


def _request(data: Mapping[str, Any], errors: _Errors) -> RequestData:
    raw = {field: _text(data, field, errors) for field in REQUEST_FIELDS}
    if not raw["description"]:
        errors.add(
            "description",
            _("请描述所需政府信息的内容（名称、文号或者便于查询的其他特征）。"),
        )
    _choices(raw, errors)
    return RequestData(**raw)


def _cross_checks(
    applicant: ApplicantData, request: RequestData, errors: _Errors
) -> None:
    # 条例第二十九条第（三）项: the chosen way must be one we can use.
    if request.form == RequestForm.ELECTRONIC and not applicant.email:
        errors.add("email", _("选择以电子邮件获取信息时，请填写电子邮箱。"))
    if request.delivery == Delivery.POST and not applicant.address:
        errors.add("address", _("选择邮寄时，请填写通信地址。"))


def application_validate(data: Mapping[str, Any]) -> tuple[ApplicantData, RequestData]:
    """Check one application's fields (flat: applicant and request names).

    Raises ValidationError({field: [messages]}) listing every problem at
    once (条例第三十条 asks for one complete list; so does a good form).
    """
    errors = _Errors()
    applicant = _applicant(data, errors)
    request = _request(data, errors)
    if not errors.by_field:
        _cross_checks(applicant, request, errors)
    if errors.by_field:
        raise ValidationError(errors.by_field)
    return applicant, request
