"""The applicant's forms at /apply/ (no account, no JavaScript needed).

Every field of the application itself is checked by
`services.intake.application_validate`, the same function the API calls, so
the form and the API give the same Chinese messages.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from gongkai.core.identity import IdType
from gongkai.core.models import Organisation, OrganisationKind

from ..choices import ApplicantType
from ..models import Delivery, RequestForm
from ..services.intake import (
    ApplicantData,
    CheckedProof,
    RequestData,
    application_validate,
    identity_proof_check,
    organisations_accepting,
)
from ..services.intake_validation import APPLICANT_FIELDS, REQUEST_FIELDS

_SUBMISSION_KEY = re.compile(r"[A-Za-z0-9_-]{20,64}")


def submission_key_new() -> str:
    return secrets.token_urlsafe(24)


def organisation_choices() -> list[Any]:
    """Organisations accepting applications, grouped by kind (tree order)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for org in organisations_accepting().order_by("path"):
        groups.setdefault(org.kind, []).append((org.credit_code, org.name))
    return [
        (OrganisationKind(kind).label, groups[kind])
        for kind in OrganisationKind.values
        if kind in groups
    ]


class NeedForm(forms.Form):
    """Step 1: what the person is looking for (searched before applying)."""

    q = forms.CharField(
        label=_("您想获取什么政府信息？"),
        max_length=200,
        required=False,
        help_text=_("例如：文件名称、发文字号，或简要描述（200字以内）。"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class OrganisationForm(forms.Form):
    """Step 2: the organisation that holds the information."""

    org = forms.ChoiceField(
        label=_("受理机关"),
        error_messages={
            "required": _("请选择受理机关。"),
            "invalid_choice": _("请选择受理机关。"),
        },
        help_text=_("请选择制作或者保存该政府信息的机关。"),
    )
    q = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org"].choices = [  # type: ignore[attr-defined]
            ("", _("请选择")),
            *organisation_choices(),
        ]

    def organisation(self) -> Organisation:
        return organisations_accepting().get(credit_code=self.cleaned_data["org"])


def _text(label: Any, *, attrs: dict[str, str] | None = None, **kw: Any) -> Any:
    return forms.CharField(
        label=label,
        required=False,
        strip=False,  # application_validate strips and bounds every value
        widget=forms.TextInput(attrs=attrs or {}),
        **kw,
    )


def _area(label: Any, rows: int, **kw: Any) -> Any:
    return forms.CharField(
        label=label,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": str(rows)}),
        **kw,
    )


def _radios(label: Any, choices: Any) -> Any:
    return forms.CharField(
        label=label, required=False, widget=forms.RadioSelect(choices=choices)
    )


class ApplicationForm(OrganisationForm):
    """Step 3: 政府信息公开申请表 (条例第二十九条)."""

    submission_key = forms.CharField(required=False, widget=forms.HiddenInput)
    type = _radios(_("申请人类型"), ApplicantType.choices)
    name = _text(_("姓名或单位名称"), attrs={"autocomplete": "name"})
    id_type = forms.CharField(
        label=_("证件类型"),
        required=False,
        widget=forms.Select(choices=[("", _("请选择")), *IdType.choices]),
    )
    id_number = _text(
        _("证件号码"),
        attrs={"autocomplete": "off", "spellcheck": "false"},
        help_text=_("居民身份证18位，最后一位可为X。"),
    )
    credit_code = _text(
        _("统一社会信用代码"),
        attrs={"autocomplete": "off", "spellcheck": "false"},
        help_text=_("18位，见营业执照或登记证书。"),
    )
    legal_representative = _text(_("法定代表人或负责人"))
    contact_person = _text(_("联系人"))
    phone = _text(
        _("联系电话"),
        attrs={"autocomplete": "tel", "inputmode": "tel"},
        help_text=_("手机号码或带区号的固定电话。查询办理进度时需要其后四位。"),
    )
    email = _text(
        _("电子邮箱"),
        attrs={"autocomplete": "email", "type": "email"},
        help_text=_("用于接收回执和告知书；选择电子邮件方式获取信息时必填。"),
    )
    address = _text(
        _("通信地址"),
        attrs={"autocomplete": "street-address"},
        help_text=_("选择邮寄时必填。"),
    )
    postal_code = _text(
        _("邮政编码"), attrs={"autocomplete": "postal-code", "inputmode": "numeric"}
    )
    description = _area(
        _("所需政府信息的内容描述"),
        6,
        help_text=_("请尽量写明信息的名称、发文字号、时间范围或其他便于查找的特征。"),
    )
    doc_title = _text(_("文件名称（如知道）"))
    doc_number = _text(_("发文字号（如知道）"))
    purpose = _area(_("用途（选填）"), 2)
    form = _radios(_("获取信息的载体形式"), RequestForm.choices)
    delivery = _radios(_("获取信息的方式"), Delivery.choices)
    identity_proof = forms.FileField(
        label=_("身份证明（选填）"),
        required=False,
        help_text=_("身份证件或营业执照的扫描件，PDF、JPEG 或 PNG 格式。"),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png"}
        ),
    )

    field_order = ["org", "type", "name"]

    def clean_submission_key(self) -> str:
        key: str = self.cleaned_data.get("submission_key") or ""
        return key if _SUBMISSION_KEY.fullmatch(key) else ""

    def clean_identity_proof(self) -> CheckedProof | None:
        uploaded = self.cleaned_data.get("identity_proof")
        if not isinstance(uploaded, UploadedFile):
            return None
        return identity_proof_check(uploaded)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        data = {f: self.data.get(f, "") for f in (*APPLICANT_FIELDS, *REQUEST_FIELDS)}
        try:
            self.applicant, self.request = application_validate(data)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field, message)
        return cleaned

    def checked(self) -> tuple[ApplicantData, RequestData]:
        return self.applicant, self.request


def describe(form: forms.Form) -> forms.Form:
    """Tie each input to its help text and errors (aria-describedby,
    aria-invalid), so screen readers announce them with the field."""
    for name, field in form.fields.items():
        bound = form[name]
        ids = []
        if field.help_text:
            ids.append(f"{bound.auto_id}_help")
        if bound.errors:
            ids.append(f"{bound.auto_id}_error")
            field.widget.attrs["aria-invalid"] = "true"
        if ids:
            field.widget.attrs["aria-describedby"] = " ".join(ids)
    return form
