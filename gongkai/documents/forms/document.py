"""The document form: every metadata field a person enters, and its checks."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation, User
from gongkai.core.permissions import Permission
from gongkai.core.selectors import organisations_where

from ..doc_numbers import normalise_doc_number
from ..models import (
    Column,
    ContentType,
    Disclosure,
    Document,
    Genre,
    LegalForm,
    StatutoryItem,
    SupersedeEffect,
    Topic,
    Validity,
)
from ..selectors.staff import documents_visible_to
from ..workflow import PUBLIC_STATUSES
from .fields import (
    DATE_INPUT,
    MAX_YEAR,
    MIN_YEAR,
    DocumentChoiceField,
    DocumentMultipleChoiceField,
    blank,
    column_choices,
    topic_choices,
)


class DocumentForm(forms.Form):
    """Every metadata field of spec §5.1 that a person enters."""

    title = forms.CharField(label=_("标题"), max_length=300)
    organisation = forms.ModelChoiceField(
        label=_("发布机构"), queryset=Organisation.objects.none(), empty_label="——"
    )
    co_issuers = forms.ModelMultipleChoiceField(
        label=_("联合发文机关"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("联合发文时选择其他发文机关；按住 Ctrl 可多选。"),
    )
    column = forms.ModelChoiceField(
        label=_("所属栏目"), queryset=Column.objects.none(), required=False
    )
    doc_number = forms.CharField(
        label=_("发文字号"),
        max_length=60,
        required=False,
        help_text=_(
            "如：鹤政办发〔2024〕3号；[2024]、(2024)、【2024】会自动规范为〔2024〕。"
        ),
    )
    written_on = forms.DateField(label=_("成文日期"), widget=DATE_INPUT)
    effective_on = forms.DateField(
        label=_("实施日期"), widget=DATE_INPUT, required=False
    )
    expires_on = forms.DateField(
        label=_("废止（失效）日期"), widget=DATE_INPUT, required=False
    )
    topic = forms.ModelChoiceField(
        label=_("主题分类"), queryset=Topic.objects.all(), required=False
    )
    genre = forms.ChoiceField(
        label=_("文种"), choices=blank(Genre.choices), required=False
    )
    content_type = forms.ChoiceField(
        label=_("体裁"), choices=ContentType.choices, initial=ContentType.POLICY
    )
    legal_form = forms.ChoiceField(
        label=_("文件性质"), choices=LegalForm.choices, required=False
    )
    validity = forms.ChoiceField(
        label=_("效力状态"), choices=Validity.choices, initial=Validity.IN_FORCE
    )
    disclosure = forms.ChoiceField(
        label=_("公开属性"),
        choices=blank(Disclosure.choices, _("——（未确定）")),
        required=False,
        help_text=_("未确定公开属性的文件提交后将被自动退回。"),
    )
    disclosure_reason = forms.CharField(
        label=_("不公开或依申请公开理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("公开属性为“依申请公开”或“不予公开”时必须说明理由及依据。"),
    )
    statutory_item = forms.ChoiceField(
        label=_("法定主动公开内容"),
        choices=blank(StatutoryItem.choices),
        required=False,
    )
    keywords = forms.CharField(
        label=_("主题词"),
        max_length=200,
        required=False,
        help_text=_("多个主题词以空格或逗号分隔。"),
    )
    summary = forms.CharField(
        label=_("内容概述"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    body = forms.CharField(
        label=_("正文"),
        widget=forms.Textarea(attrs={"rows": 18, "class": "body-html"}),
        required=False,
        help_text=_("HTML 格式；保存时将清除脚本等不安全的内容。"),
    )
    needs_interpretation = forms.BooleanField(
        label=_("需要政策解读"),
        required=False,
        help_text=_("勾选后，须与其政策解读同时发布。"),
    )
    policies = DocumentMultipleChoiceField(
        label=_("解读的政策文件"),
        queryset=Document.objects.none(),
        required=False,
        help_text=_("仅体裁为“政策解读”的文件填写。"),
    )
    supersedes = DocumentChoiceField(
        label=_("修订或废止的原文件"),
        queryset=Document.objects.none(),
        required=False,
        empty_label="——",
        help_text=_("本文件发布时，原文件的效力状态将按下项变更并相互链接。"),
    )
    supersede_effect = forms.ChoiceField(
        label=_("对原文件的效力影响"),
        choices=blank(SupersedeEffect.choices),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        user: User,
        document: Document | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.document = document
        catalogue_orgs = self._limit_organisation()
        self._set_queryset("co_issuers", Organisation.objects.filter(is_active=True))
        self._limit_catalogue(catalogue_orgs)
        self._limit_related_documents()

    def _limit_organisation(self) -> QuerySet[Organisation]:
        """The 发布机构 choices; returns the organisations whose columns apply."""
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        if self.document is not None:
            # The index number was allocated in this organisation's series.
            field.queryset = Organisation.objects.filter(
                pk=self.document.organisation_id
            )
            field.disabled = True
            return field.queryset
        editable = organisations_where(
            user=self.user, permission=Permission.DOCUMENT_EDIT
        )
        field.queryset = editable
        only = list(editable[:2])
        if len(only) == 1 and not self.is_bound:
            self.initial.setdefault("organisation", only[0].pk)
        return editable

    def _limit_catalogue(self, organisations: QuerySet[Organisation]) -> None:
        """栏目 and 主题分类 as grouped selects."""
        self._set_queryset(
            "column",
            Column.objects.filter(organisation__in=organisations).select_related(
                "organisation"
            ),
        )
        self.fields["column"].choices = column_choices(organisations)  # type: ignore[attr-defined]
        self.fields["topic"].choices = topic_choices()  # type: ignore[attr-defined]

    def _limit_related_documents(self) -> None:
        related = self._related_documents()
        self._set_queryset(
            "policies", related.exclude(content_type=ContentType.INTERPRETATION)
        )
        self._set_queryset(
            "supersedes",
            related.filter(status__in=PUBLIC_STATUSES),
        )

    def _set_queryset(self, name: str, queryset: QuerySet[Any]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = queryset

    def _related_documents(self) -> QuerySet[Document]:
        """Documents this one may point at: public ones and those the user sees."""
        related = documents_visible_to(user=self.user).order_by("-written_on", "-id")
        if self.document is not None:
            related = related.exclude(pk=self.document.pk)
        return related

    def clean_doc_number(self) -> str:
        raw: str = self.cleaned_data.get("doc_number", "").strip()
        return normalise_doc_number(raw) if raw else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self._check_dates(data)
        self._check_column(data)
        disclosure = data.get("disclosure")
        if (
            disclosure
            and disclosure != Disclosure.PROACTIVE
            and not data.get("disclosure_reason", "").strip()
        ):
            self.add_error(
                "disclosure_reason",
                _("公开属性为“依申请公开”或“不予公开”时，必须填写理由及依据。"),
            )
        if (
            data.get("policies")
            and data.get("content_type") != ContentType.INTERPRETATION
        ):
            self.add_error(
                "policies", _("只有体裁为“政策解读”的文件才能关联被解读的政策文件。")
            )
        if data.get("supersedes") and not data.get("supersede_effect"):
            self.add_error(
                "supersede_effect", _("请选择本文件对原文件效力状态的影响。")
            )
        return data

    def _check_dates(self, data: dict[str, Any]) -> None:
        effective: date | None = data.get("effective_on")
        expires: date | None = data.get("expires_on")
        if effective and expires and expires < effective:
            self.add_error("expires_on", _("废止（失效）日期不能早于实施日期。"))
        for name in ("written_on", "effective_on", "expires_on"):
            value: date | None = data.get(name)
            if value and not MIN_YEAR <= value.year <= MAX_YEAR:
                self.add_error(name, _("日期超出有效范围。"))

    def _check_column(self, data: dict[str, Any]) -> None:
        column: Column | None = data.get("column")
        organisation: Organisation | None = data.get("organisation")
        if column and organisation and column.organisation_id != organisation.pk:
            self.add_error("column", _("所选栏目不属于该发布机构的公开目录。"))

    def service_fields(self) -> dict[str, Any]:
        """Cleaned values as the document services take them."""
        data = dict(self.cleaned_data)
        data.pop("organisation", None)
        data.pop("policies", None)  # linked by interpretation_link
        return data


def document_initial(document: Document) -> dict[str, Any]:
    """The edit form's starting values."""
    names = [
        name
        for name in DocumentForm.base_fields
        if name not in {"co_issuers", "policies", "supersede_effect"}
    ]
    initial: dict[str, Any] = {}
    for name in names:
        initial[name] = document.serializable_value(name)
    initial["co_issuers"] = list(document.co_issuers.values_list("pk", flat=True))
    initial["policies"] = list(document.policies.values_list("pk", flat=True))
    return initial
