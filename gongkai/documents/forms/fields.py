"""Widgets, bounds and choice lists shared by the staff forms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.functional import Promise

from gongkai.core.models import Organisation

from ..models import Column, Document, Topic

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MIN_YEAR, MAX_YEAR = 1949, 2100


def blank(choices: Iterable[tuple[str, Any]], label: str | Promise = "——") -> list[Any]:
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
