"""Staff forms for an organisation's profile and disclosure-office details.

These fields feed the organisation's 政府信息公开指南 (条例第十二条: 办公地址、
办公时间、联系电话、传真号码、电子邮箱 of the disclosure office).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import Organisation
from .models.organisations import PROFILE_FIELDS as PROFILE_FIELDS

# Identity fields only administrators (ORGANISATION_MANAGE) may change here.
IDENTITY_FIELDS = ("name", "short_name", "credit_code")

postal_code_validator = RegexValidator(r"^\d{6}$", _("邮政编码应为6位数字。"))
phone_validator = RegexValidator(
    r"^[0-9()（）\-－+ 、,，;；转]*$",
    _("电话号码只能包含数字、括号、连字符和分隔符。"),
)


if TYPE_CHECKING:
    OrganisationModelForm = forms.ModelForm[Organisation]
else:  # Django's forms are not subscriptable at run time
    OrganisationModelForm = forms.ModelForm


class OrganisationProfileForm(OrganisationModelForm):
    """Profile fields: a head edits its own organisation's."""

    website = forms.URLField(
        label=_("网站"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Organisation
        fields = PROFILE_FIELDS
        widgets = {"functions": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office_postal_code"].validators.append(postal_code_validator)
        self.fields["office_phone"].validators.append(phone_validator)
        self.fields["office_fax"].validators.append(phone_validator)


class OrganisationAdminForm(OrganisationProfileForm):
    """An administrator (ORGANISATION_MANAGE) also corrects name and code."""

    class Meta(OrganisationProfileForm.Meta):
        fields = IDENTITY_FIELDS + PROFILE_FIELDS

    def clean_credit_code(self) -> str:
        value: str = self.cleaned_data["credit_code"]
        return value.strip().upper()
