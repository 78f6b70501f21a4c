"""Recording an application that arrived in person, by post, fax, e-mail or
orally (filled in by the officer for the applicant).

The applicant and request fields are checked by the intake's one validation
(`services.intake_validation.application_validate`, shared with /apply/ and
the API). The receipt date depends on the channel (条例第三十一条,
`receipt.received_on`): the day it is handed in, the day registered post is
signed for, or the day the office confirms an ordinary letter, fax or e-mail
with the applicant (left blank: confirmed later from the case page).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.identity import IdType
from gongkai.core.models import Organisation

from ...choices import ApplicantType, Channel
from ...models import Delivery, RequestForm
from ...receipt import CONFIRMED_CHANNELS
from ...services.intake_validation import (
    APPLICANT_FIELDS,
    REQUEST_FIELDS,
    ApplicantData,
    RequestData,
    application_validate,
)
from .fields import DATE_INPUT

STAFF_CHANNELS = [c for c in Channel.choices if c[0] != Channel.ONLINE]


def _text(label: Any, *, required: bool = False, rows: int = 0, **kw: Any) -> Any:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(label=label, required=required, widget=widget, **kw)


def _select(label: Any, choices: Any, *, required: bool = True) -> Any:
    return forms.ChoiceField(
        label=label, choices=[("", "——"), *choices], required=required
    )


class ApplicationRecordForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("受理机关"), queryset=Organisation.objects.none()
    )
    channel = _select(_("申请渠道"), STAFF_CHANNELS)
    lodged_on = forms.DateField(
        label=_("申请日期"),
        widget=DATE_INPUT,
        initial=timezone.localdate,
        help_text=_("当面或口头提出之日；信函、传真、电子邮件为寄出或发送之日。"),
    )
    signed_for_on = forms.DateField(
        label=_("签收日期"),
        widget=DATE_INPUT,
        required=False,
        help_text=_("邮寄（需签收）：本机关签收之日即收到申请之日。"),
    )
    confirmed_on = forms.DateField(
        label=_("确认日期"),
        widget=DATE_INPUT,
        required=False,
        help_text=_(
            "平常信函、传真、电子邮件：与申请人确认之日为收到申请之日；"
            "尚未确认的可留空，确认后在案件页面登记。"
        ),
    )
    type = _select(_("申请人类型"), ApplicantType.choices)
    name = _text(_("申请人姓名/名称"), required=True, max_length=100)
    id_type = _select(_("证件类型"), IdType.choices, required=False)
    id_number = _text(_("证件号码"), max_length=30)
    credit_code = _text(_("统一社会信用代码"), max_length=30)
    legal_representative = _text(_("法定代表人"), max_length=50)
    contact_person = _text(_("联系人"), max_length=50)
    phone = _text(_("联系电话"), required=True, max_length=30)
    email = _text(_("电子邮箱"), max_length=254)
    address = _text(_("通信地址"), max_length=200)
    postal_code = _text(_("邮政编码"), max_length=10)
    description = _text(_("所需政府信息的内容描述"), required=True, rows=4)
    doc_title = _text(_("文件名称"), max_length=300)
    doc_number = _text(_("发文字号"), max_length=100)
    purpose = _text(_("用途"), rows=2, max_length=2000)
    form = _select(_("获取信息的载体形式"), RequestForm.choices)
    delivery = _select(_("获取信息的方式"), Delivery.choices)

    def __init__(
        self, *args: Any, organisations: Sequence[Organisation] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            pk__in=[o.pk for o in organisations]
        ).order_by("path")
        if len(organisations) == 1:
            field.initial = organisations[0].pk

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self._check_dates(data)
        fields = {name: data.get(name) or "" for name in APPLICANT_FIELDS}
        fields.update({name: data.get(name) or "" for name in REQUEST_FIELDS})
        try:
            self.applicant, self.request = application_validate(fields)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return data

    def _check_dates(self, data: dict[str, Any]) -> None:
        channel, lodged = data.get("channel"), data.get("lodged_on")
        if channel == Channel.REGISTERED_POST and not data.get("signed_for_on"):
            self.add_error("signed_for_on", _("邮寄申请需填写本机关签收日期。"))
        if channel not in CONFIRMED_CHANNELS:
            data["confirmed_on"] = None
        if channel != Channel.REGISTERED_POST:
            data["signed_for_on"] = None
        today = timezone.localdate()
        for name in ("lodged_on", "signed_for_on", "confirmed_on"):
            value = data.get(name)
            if value and value > today:
                self.add_error(name, _("该日期不能晚于今天。"))
            elif value and lodged and value < lodged and name != "lodged_on":
                self.add_error(name, _("该日期不能早于申请日期。"))

    def lodge_arguments(self) -> dict[str, Any]:
        """The keywords of `services.intake.application_lodge`."""
        data = self.cleaned_data
        applicant: ApplicantData = self.applicant
        request: RequestData = self.request
        return {
            "organisation": data["organisation"],
            "applicant": applicant,
            "request": request,
            "channel": data["channel"],
            "lodged_at": lodged_at(data["lodged_on"]),
            "signed_for_on": data.get("signed_for_on"),
            "confirmed_on": data.get("confirmed_on"),
        }


def lodged_at(day: date) -> datetime:
    """Now, if lodged today; otherwise office hours of that day."""
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(9, 0)))
