"""行政复议 and 行政诉讼 records and their results (annual report Table 4)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ...models import RemedyKind, RemedyResult
from .fields import ActionForm, date_field, text_field


class RemedyRecordForm(ActionForm):
    kind = forms.ChoiceField(label=_("类型"), choices=RemedyKind.choices)
    filed_on = date_field(_("立案日期"))
    body = text_field(_("复议机关/法院"), required=False, max_length=100, rows=None)
    case_number = text_field(_("案号"), required=False, max_length=100, rows=None)
    note = text_field(_("说明"), required=False)


class RemedyDecideForm(ActionForm):
    result = forms.ChoiceField(
        label=_("结果"),
        choices=[c for c in RemedyResult.choices if c[0] != RemedyResult.PENDING],
    )
    decided_on = date_field(_("审结日期"))
    note = text_field(_("说明"), required=False)

    def arguments(self) -> dict[str, Any]:
        return dict(self.cleaned_data)
