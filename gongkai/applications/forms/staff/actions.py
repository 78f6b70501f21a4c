"""One form per workflow action; `arguments()` are the service's keywords.

The services decide whether an act is allowed (status, deadlines, the
calendar); these forms only make sure the input has the right shape.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation, Role, User

from ...choices import ConsultationKind, FeeMethod, Outcome, OutcomeGroup
from ...models import ConsultationAnswer
from .fields import ActionForm, date_field, text_field

__all__ = [
    "AssignForm",
    "ConfirmForm",
    "ConsultationAnswerForm",
    "ConsultationStartForm",
    "CorrectionNoticeForm",
    "CorrectionReceiveForm",
    "ExpireForm",
    "ExtendForm",
    "FeeNoticeForm",
    "FeePaymentForm",
    "ReferForm",
    "ReplyForm",
    "WithdrawForm",
    "reply_outcome_choices",
]


class ConfirmForm(ActionForm):
    """条例第三十一条: the day both sides confirm counts as the receipt day."""

    confirmed_on = date_field(_("确认日期"))


class OfficerChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj}（{obj.username}）"


def officers_of(organisation: Organisation | None) -> QuerySet[User]:
    return (
        User.objects.filter(
            is_active=True,
            role_assignments__organisation=organisation,
            role_assignments__role=Role.OFFICER,
        )
        .distinct()
        .order_by("username")
    )


class AssignForm(ActionForm):
    officer = OfficerChoiceField(label=_("承办人"), queryset=User.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = getattr(self.application, "organisation", None)
        self.fields["officer"].queryset = officers_of(organisation)  # type: ignore[attr-defined]


class CorrectionNoticeForm(ActionForm):
    """条例第三十条: everything to correct in one notice, with a deadline."""

    issued_on = date_field(_("通知日期"))
    items = text_field(_("需要补正的事项"), rows=4)
    deadline = date_field(_("补正期限"), initial=None)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        issued, deadline = data.get("issued_on"), data.get("deadline")
        if issued and deadline and deadline < issued:
            self.add_error("deadline", _("补正期限不能早于通知日期。"))
        return data


class CorrectionReceiveForm(ActionForm):
    corrected_on = date_field(_("收到补正材料日期"))
    text = text_field(_("补正内容"), required=False, rows=4)


class ExpireForm(ActionForm):
    """逾期未补正 / 逾期未缴费: the day the office records it."""

    on = date_field(_("登记日期"))


class ConsultationStartForm(ActionForm):
    """条例第三十二、三十四条: the letter pauses the clock until the answer."""

    kind = forms.ChoiceField(label=_("类型"), choices=ConsultationKind.choices)
    party = text_field(_("被征求意见方"), max_length=200, rows=None)
    party_address = text_field(_("联系地址"), required=False, max_length=200, rows=None)
    sent_on = date_field(_("发函日期"))
    delivered_on = date_field(
        _("送达日期"), required=False, help_text=_("送达后起算15个工作日的答复期限。")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        sent, delivered = data.get("sent_on"), data.get("delivered_on")
        if sent and delivered and delivered < sent:
            self.add_error("delivered_on", _("送达日期不能早于发函日期。"))
        return data


class ConsultationAnswerForm(ActionForm):
    answered_on = date_field(_("答复日期"))
    answer = forms.ChoiceField(label=_("意见"), choices=ConsultationAnswer.choices)
    note = text_field(_("意见说明"), required=False)


class ExtendForm(ActionForm):
    """条例第三十三条: once, at most 20 working days, approved by the head."""

    on = date_field(_("批准日期"))
    days = forms.IntegerField(
        label=_("延长工作日数"),
        min_value=1,
        max_value=settings.GONGKAI_APPLICATIONS["extension_max_wd"],
        initial=settings.GONGKAI_APPLICATIONS["extension_max_wd"],
    )
    reason = text_field(_("延期理由"))


class FeeNoticeForm(ActionForm):
    """国办函〔2020〕109号: one method; the quote is shown before it is sent."""

    method = forms.ChoiceField(label=_("计收方式"), choices=FeeMethod.choices)
    quantity = forms.IntegerField(label=_("件数/页数"), min_value=1, max_value=100000)
    issued_on = date_field(_("通知发出日期"))
    notice_received_on = date_field(_("通知送达日期"))
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        issued, received = data.get("issued_on"), data.get("notice_received_on")
        if issued and received and received < issued:
            self.add_error("notice_received_on", _("送达日期不能早于发出日期。"))
        return data

    def arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("confirmed", None)
        return data


class FeePaymentForm(ActionForm):
    paid_on = date_field(_("缴费日期"))
    receipt_number = text_field(_("票据号码"), max_length=50, rows=None)


def reply_outcome_choices() -> list[Any]:
    """The outcomes a reply may give, grouped as in annual-report Table 3.

    The two 其他处理 closures for missed corrections and unpaid fees have
    their own actions (逾期未补正, 逾期未缴费).
    """
    own_action = {Outcome.OTHER_CORRECTION_OVERDUE, Outcome.OTHER_FEE_UNPAID}
    choices: list[Any] = [("", "——")]
    for group in OutcomeGroup:
        options = [
            (outcome.value, f"{outcome.row} {outcome.label}")
            for outcome in Outcome
            if outcome.group == group and outcome not in own_action
        ]
        choices.append((group.label, options))
    return choices


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ReplyForm(ActionForm):
    """条例第三十六条: exactly one outcome, its legal basis and reasons."""

    replied_on = date_field(_("答复日期"))
    outcome = forms.ChoiceField(label=_("办理结果"), choices=reply_outcome_choices)
    basis = text_field(
        _("法律依据"),
        required=False,
        rows=2,
        help_text=_("留空则按所选结果填写条例相应条款。"),
    )
    reasons = text_field(_("理由"), required=False, rows=4)
    withheld_description = text_field(
        _("不予公开的部分及理由"),
        required=False,
        rows=3,
        help_text=_("部分公开时必填（条例第三十七条）。"),
    )
    attachments = MultipleFileField(label=_("提供的信息（附件）"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # reply-basis.js fills the basis with the chosen outcome's article.
        articles = {outcome.value: outcome.article for outcome in Outcome}
        self.fields["outcome"].widget.attrs["data-articles"] = json.dumps(
            articles, ensure_ascii=False
        )
        self.fields["basis"].widget.attrs["data-basis"] = "1"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        outcome = data.get("outcome")
        if not outcome:
            return data
        if not data.get("basis"):
            data["basis"] = Outcome(outcome).article
        partly = outcome == Outcome.PARTLY_DISCLOSED
        if partly and not (data.get("withheld_description") or "").strip():
            self.add_error(
                "withheld_description",
                _("部分公开须写明不予公开的部分及理由。"),
            )
        return data


class OrganisationChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class ReferForm(ActionForm):
    """条例第三十六条第（五）项: tell the applicant which organ holds it."""

    on = date_field(_("告知日期"))
    referred_to = OrganisationChoiceField(
        label=_("本平台内的负责机关"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("选择后将在该机关开立关联申请。"),
    )
    referred_to_name = text_field(
        _("其他负责机关名称"), required=False, max_length=100, rows=None
    )
    note = text_field(_("说明"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        own = getattr(self.application, "organisation_id", None)
        organisations = Organisation.objects.order_by("path")
        if own is not None:
            organisations = organisations.exclude(pk=own)
        self.fields["referred_to"].queryset = organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_org = data.get("referred_to") is not None
        has_name = bool((data.get("referred_to_name") or "").strip())
        if has_org == has_name and not self.errors:
            raise ValidationError(
                _("请选择本平台内的负责机关，或填写其他负责机关名称（二选一）。")
            )
        return data


class WithdrawForm(ActionForm):
    on = date_field(_("撤回日期"))
    note = text_field(_("说明"), required=False)
