"""Input of the report pages: creating a report and editing its text."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation

from .models import AnnualReport, ReportScope
from .services import ReportText
from .services.editing import FIRST_YEAR, TEXT_FIELDS


class ReportCreateForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("机关"), queryset=Organisation.objects.none()
    )
    year = forms.TypedChoiceField(label=_("报告年度"), coerce=int)
    scope = forms.ChoiceField(
        label=_("统计范围"), choices=ReportScope.choices, initial=ReportScope.OWN
    )

    def __init__(
        self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations
        latest = timezone.localdate().year
        years = range(latest, FIRST_YEAR - 1, -1)
        year_field = self.fields["year"]
        assert isinstance(year_field, forms.TypedChoiceField)
        year_field.choices = [(y, str(y)) for y in years]
        year_field.initial = latest - 1


class ReportTextForm(forms.ModelForm[AnnualReport]):
    """Sections 一、五、六 and the hand-entered Table 2 cells with sources."""

    class Meta:
        model = AnnualReport
        fields = list(TEXT_FIELDS)
        widgets = {
            "overview": forms.Textarea(attrs={"rows": 10}),
            "problems": forms.Textarea(attrs={"rows": 8}),
            "other_matters": forms.Textarea(attrs={"rows": 6}),
        }

    def text(self) -> ReportText:
        return ReportText(**{name: self.cleaned_data[name] for name in TEXT_FIELDS})
