"""Widgets and fields shared by the back-office forms.

Django's own field messages come in Chinese (zh-hans is the site language);
rules that need a sentence of their own say it in the form's `clean`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActionForm(forms.Form):
    """A workflow action's input; `arguments()` are its service's keywords.

    `application` is the case the form acts on (for choices and checks).
    """

    def __init__(self, *args: Any, application: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.application = application

    def arguments(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


def date_field(label: Any, *, required: bool = True, **kwargs: Any) -> Any:
    """A date (YYYY-MM-DD); a blank required one shows today."""
    kwargs.setdefault("initial", timezone.localdate if required else None)
    return forms.DateField(label=label, widget=DATE_INPUT, required=required, **kwargs)


def text_field(
    label: Any,
    *,
    required: bool = True,
    max_length: int = 2000,
    rows: int | None = 3,
    **kwargs: Any,
) -> Any:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label, required=required, max_length=max_length, widget=widget, **kwargs
    )
