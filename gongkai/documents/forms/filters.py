"""The staff document list's filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation, User
from gongkai.core.permissions import Permission
from gongkai.core.selectors import organisations_where

from ..models import Document, DocumentStatus
from .fields import MAX_YEAR, MIN_YEAR, blank


class DocumentFilterForm(forms.Form):
    """The list's filters; invalid values are reported, never a 500."""

    status = forms.ChoiceField(
        label=_("状态"),
        choices=blank(DocumentStatus.choices, _("全部")),
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label=_("机构"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("全部"),
    )
    year = forms.IntegerField(
        label=_("成文年度"), min_value=MIN_YEAR, max_value=MAX_YEAR, required=False
    )
    q = forms.CharField(label=_("标题或文号"), max_length=100, required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations_where(
            user=user, permission=Permission.DOCUMENT_VIEW_UNPUBLISHED
        )

    def apply(self, documents: QuerySet[Document]) -> QuerySet[Document]:
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("status"):
            documents = documents.filter(status=data["status"])
        if data.get("organisation"):
            documents = documents.filter(organisation=data["organisation"])
        if data.get("year"):
            documents = documents.filter(written_on__year=data["year"])
        if data.get("q"):
            documents = documents.filter(
                Q(title__icontains=data["q"]) | Q(doc_number__icontains=data["q"])
            )
        return documents
