"""Input shape of the staff back office (the 4xx): parsing, never deciding.

Domain decisions (may this user submit? is the disclosure attribute complete
enough to go on?) belong to the services; these forms only turn POST data into
typed values and give field errors in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation, User
from gongkai.core.permissions import Permission
from gongkai.core.selectors import organisations_where

from .doc_numbers import normalise_doc_number
from .models import (
    Column,
    ContentType,
    Disclosure,
    Document,
    DocumentStatus,
    Genre,
    LegalForm,
    StatutoryItem,
    SupersedeEffect,
    Topic,
    Validity,
)
from .selectors.staff import documents_visible_to
from .workflow import CONFIDENTIALITY_CHECKLIST, PUBLIC_STATUSES

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MIN_YEAR, MAX_YEAR = 1949, 2100


def _blank(choices: Iterable[tuple[str, Any]], label: str = "——") -> list[Any]:
    return [("", label), *[(v, lab) for v, lab in choices if v != ""]]


def _document_label(document: Document) -> str:
    number = f" {document.doc_number}" if document.doc_number else ""
    return f"{document.title}{number}（{document.index_number}）"


class DocumentChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return _document_label(obj)


class DocumentMultipleChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return _document_label(obj)


def topic_choices() -> list[Any]:
    """主题分类 as one select with an optgroup per first-level category."""
    topics = list(Topic.objects.select_related("parent").order_by("sort_order", "id"))
    children: dict[int, list[Topic]] = {}
    for topic in topics:
        if topic.parent_id is not None:
            children.setdefault(topic.parent_id, []).append(topic)
    choices: list[Any] = [("", "——")]
    for topic in topics:
        if topic.parent_id is not None:
            continue
        kids = children.get(topic.pk)
        if kids:
            choices.append((topic.name, [(k.pk, k.name) for k in kids]))
        else:
            choices.append((topic.pk, topic.name))
    return choices


def column_choices(organisations: Iterable[Organisation]) -> list[Any]:
    """Columns grouped by the organisation whose catalogue holds them."""
    orgs = list(organisations)
    by_org: dict[int, list[Column]] = {}
    for column in Column.objects.filter(organisation__in=orgs).select_related("parent"):
        by_org.setdefault(column.organisation_id, []).append(column)
    choices: list[Any] = [("", "——")]
    for org in orgs:
        columns = by_org.get(org.pk)
        if columns:
            choices.append(
                (
                    org.name,
                    [
                        (c.pk, f"{c.parent.name} › {c.name}" if c.parent else c.name)
                        for c in columns
                    ],
                )
            )
    return choices


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
        label=_("文种"), choices=_blank(Genre.choices), required=False
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
        choices=_blank(Disclosure.choices, "——（未确定）"),
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
        choices=_blank(StatutoryItem.choices),
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
        choices=_blank(SupersedeEffect.choices),
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
        editable = organisations_where(user=user, permission=Permission.DOCUMENT_EDIT)
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ModelChoiceField)
        if document is not None:
            # The index number was allocated in this organisation's series.
            organisation_field.queryset = Organisation.objects.filter(
                pk=document.organisation_id
            )
            organisation_field.disabled = True
            catalogue_orgs: QuerySet[Organisation] = organisation_field.queryset
        else:
            organisation_field.queryset = editable
            catalogue_orgs = editable
            only = list(editable[:2])
            if len(only) == 1 and not self.is_bound:
                self.initial.setdefault("organisation", only[0].pk)
        self._set_queryset("co_issuers", Organisation.objects.filter(is_active=True))
        self._set_queryset(
            "column",
            Column.objects.filter(organisation__in=catalogue_orgs).select_related(
                "organisation"
            ),
        )
        self.fields["column"].choices = column_choices(catalogue_orgs)  # type: ignore[attr-defined]
        self.fields["topic"].choices = topic_choices()  # type: ignore[attr-defined]
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


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("附件"),
        help_text=_("支持 PDF、DOCX、XLSX 及常见图片格式。"),
    )


class ReasonForm(forms.Form):
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


class ConfidentialityReviewForm(forms.Form):
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


class PiiConfirmForm(forms.Form):
    """Keeping a hit public (e.g. a public hotline) needs a reason."""

    reason = forms.CharField(
        label=_("可以公开的理由"),
        max_length=2000,
        error_messages={"required": _("确认可以公开时必须说明理由。")},
    )


class PiiRedactForm(forms.Form):
    reason = forms.CharField(label=_("说明"), max_length=2000, required=False)


class PublishForm(forms.Form):
    published_on = forms.DateField(
        label=_("发布日期"),
        widget=DATE_INPUT,
        required=False,
        help_text=_("留空为今天。"),
    )


class DocumentFilterForm(forms.Form):
    """The list's filters; invalid values are reported, never a 500."""

    status = forms.ChoiceField(
        label=_("状态"), choices=_blank(DocumentStatus.choices, "全部"), required=False
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
