"""The small forms of the workflow actions, PII decisions and attachments."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..workflow import CONFIDENTIALITY_CHECKLIST
from .fields import DATE_INPUT


class ActionForm(forms.Form):
    """A workflow action's input; `arguments()` are its service's keywords."""

    def arguments(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class ReasonForm(ActionForm):
    """退文 and 撤回 both need a reason recorded with the change."""

    reason = forms.CharField(
        label=_("理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("请填写理由。")},
    )

    def clean_reason(self) -> str:
        reason: str = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("请填写理由。"))
        return reason


class ConfidentialityReviewForm(ActionForm):
    """保密审查: one checkbox per checklist item, then the reviewer's notes."""

    notes = forms.CharField(
        label=_("审查意见"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in CONFIDENTIALITY_CHECKLIST:
            self.fields[f"check_{key}"] = forms.BooleanField(
                label=str(label), required=False
            )
        # The notes come after the checklist.
        self.order_fields([*(f"check_{k}" for k, _l in CONFIDENTIALITY_CHECKLIST)])

    def checklist(self) -> dict[str, bool]:
        return {
            key: bool(self.cleaned_data.get(f"check_{key}"))
            for key, _label in CONFIDENTIALITY_CHECKLIST
        }

    def arguments(self) -> dict[str, Any]:
        return {"checklist": self.checklist(), "notes": self.cleaned_data["notes"]}


class PublishForm(ActionForm):
    published_on = forms.DateField(
        label=_("发布日期"),
        widget=DATE_INPUT,
        required=False,
        help_text=_("留空为今天。"),
    )


class PiiConfirmForm(forms.Form):
    """Keeping a hit public (e.g. a public hotline) needs a reason."""

    reason = forms.CharField(
        label=_("可以公开的理由"),
        max_length=2000,
        error_messages={"required": _("确认可以公开时必须说明理由。")},
    )


class PiiRedactForm(forms.Form):
    reason = forms.CharField(label=_("说明"), max_length=2000, required=False)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("附件"),
        help_text=_("支持 PDF、DOCX、XLSX 及常见图片格式。"),
    )
