"""The queue's filters: input shape only; the selector decides visibility."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation, User

from ...choices import ApplicantType, Channel
from ...models import Application, ApplicationStatus
from .fields import DATE_INPUT


def _blank(choices: Any) -> list[Any]:
    return [("", _("全部")), *choices]


OPEN_STATUSES = [s for s in ApplicationStatus if s != ApplicationStatus.CLOSED]


class QueueFilterForm(forms.Form):
    """?organisation=&status=&channel=&applicant_type=&assigned=&from=&to=&overdue="""

    organisation = forms.ModelChoiceField(
        label=_("机关"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("全部"),
    )
    status = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[
            ("", _("未办结")),
            *ApplicationStatus.choices,
            ("all", _("全部")),
        ],
    )
    channel = forms.ChoiceField(
        label=_("申请渠道"), required=False, choices=_blank(Channel.choices)
    )
    applicant_type = forms.ChoiceField(
        label=_("申请人类型"), required=False, choices=_blank(ApplicantType.choices)
    )
    assigned = forms.ChoiceField(label=_("承办人"), required=False)
    received_from = forms.DateField(
        label=_("收到日期自"), required=False, widget=DATE_INPUT
    )
    received_to = forms.DateField(label=_("至"), required=False, widget=DATE_INPUT)
    overdue = forms.BooleanField(label=_("仅看已逾期"), required=False)

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        officers: QuerySet[User],
        user: User,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["assigned"].choices = [  # type: ignore[attr-defined]
            ("", _("全部")),
            ("me", _("我承办的")),
            ("none", _("未分配")),
            *((str(u.pk), str(u)) for u in officers),
        ]
        self.user = user

    def _value(self, name: str) -> Any:
        return (
            self.cleaned_data.get(name) if self.is_bound and self.is_valid() else None
        )

    def apply(self, queryset: QuerySet[Application]) -> QuerySet[Application]:
        """Narrow the visible applications by the chosen filters."""
        if self.is_bound and not self.is_valid():
            return queryset.none()
        value = self._value
        status = value("status") or ""
        if status == "":
            queryset = queryset.exclude(status=ApplicationStatus.CLOSED)
        elif status != "all":
            queryset = queryset.filter(status=status)
        if value("organisation") is not None:
            queryset = queryset.filter(organisation=value("organisation"))
        for name in ("channel", "applicant_type"):
            if value(name):
                queryset = queryset.filter(**{name: value(name)})
        queryset = self._assigned(queryset, value("assigned") or "")
        if value("received_from"):
            queryset = queryset.filter(received_on__gte=value("received_from"))
        if value("received_to"):
            queryset = queryset.filter(received_on__lte=value("received_to"))
        if value("overdue"):
            queryset = overdue_only(queryset, timezone.localdate())
        return queryset

    def _assigned(
        self, queryset: QuerySet[Application], assigned: str
    ) -> QuerySet[Application]:
        if assigned == "me":
            return queryset.filter(assigned_to=self.user)
        if assigned == "none":
            return queryset.filter(assigned_to__isnull=True)
        if assigned:
            return queryset.filter(assigned_to_id=int(assigned))
        return queryset


def overdue_only(queryset: QuerySet[Application], today: date) -> QuerySet[Application]:
    return queryset.exclude(status=ApplicationStatus.CLOSED).filter(due_on__lt=today)
