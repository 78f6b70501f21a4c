"""Input shape of catalogue management: a column's fields, its place, deletion.

The rules (unique slug, one column of each standard kind at the top, what a
standard column keeps) are the services'; these forms parse and say in
Chinese what is missing or malformed.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import RegexValidator, validate_slug
from django.utils.translation import gettext_lazy as _

from ..models import Column, ColumnKind, StatutoryItem
from ..selectors.catalogue import ColumnRow
from ..services.catalogue import MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS

_SLUG_VALIDATOR = RegexValidator(
    validate_slug.regex,
    _("栏目标识只能包含英文字母、数字、连字符（-）和下划线（_）。"),
)
_INTERVAL_MESSAGE = _("应更新周期须在 1 至 3650 天之间；没有固定更新要求的请留空。")


class ColumnParentField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A column of the same catalogue, indented by its depth in the tree."""

    def __init__(self, rows: list[ColumnRow], **kwargs: Any) -> None:
        self.depths = {row.column.pk: row.depth for row in rows}
        order = {row.column.pk: i for i, row in enumerate(rows)}
        queryset = Column.objects.filter(pk__in=order)
        super().__init__(queryset, **kwargs)
        # Tree order, not the model's ordering.
        self.choices = [("", self.empty_label or "")] + [
            (row.column.pk, self.label_from_instance(row.column)) for row in rows
        ]

    def label_from_instance(self, obj: Column) -> str:
        return f"{'　' * self.depths.get(obj.pk, 0)}{obj.name}"


def _parent_field(rows: list[ColumnRow]) -> ColumnParentField:
    return ColumnParentField(
        rows,
        label=_("上级栏目"),
        required=False,
        empty_label=str(_("（目录顶层）")),
        error_messages={"invalid_choice": _("请选择本机关目录中的栏目。")},
    )


class ColumnForm(forms.Form):
    """Add or edit a column; `parent` only when adding (moving has its form)."""

    name = forms.CharField(
        label=_("栏目名称"),
        max_length=100,
        error_messages={"required": _("请填写栏目名称。")},
    )
    slug = forms.CharField(
        label=_("栏目标识"),
        max_length=60,
        validators=[_SLUG_VALIDATOR],
        help_text=_(
            "用于公开网址，只能包含英文字母、数字、连字符和下划线，如 budget-2026。"
        ),
        error_messages={"required": _("请填写栏目标识。")},
    )
    kind = forms.ChoiceField(
        label=_("栏目类型"), choices=ColumnKind.choices, initial=ColumnKind.CUSTOM
    )
    statutory_item = forms.ChoiceField(
        label=_("对应法定主动公开内容"),
        choices=[("", _("（无）")), *StatutoryItem.choices],
        required=False,
        help_text=_("仅“法定主动公开内容”类型的栏目填写。"),
    )
    description = forms.CharField(label=_("栏目说明"), max_length=200, required=False)
    update_interval_days = forms.IntegerField(
        label=_("应更新周期（天）"),
        min_value=MIN_INTERVAL_DAYS,
        max_value=MAX_INTERVAL_DAYS,
        required=False,
        help_text=_(
            "栏目应当至少多少天更新一次，供栏目更新监测使用；留空表示无固定要求。"
        ),
        error_messages={
            "min_value": _INTERVAL_MESSAGE,
            "max_value": _INTERVAL_MESSAGE,
            "invalid": _("请填写整数天数。"),
        },
    )

    def __init__(
        self,
        *args: Any,
        rows: list[ColumnRow] | None = None,
        standard: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if rows is not None:
            self.fields["parent"] = _parent_field(rows)
            self.order_fields(["parent"])
        if standard:
            # The services refuse these changes; the form does not offer them.
            for name in ("slug", "kind"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("标准栏目的标识和类型不能修改。")

    def service_fields(self) -> dict[str, Any]:
        """The keywords of `column_create` / `column_update` (no parent)."""
        return {k: v for k, v in self.cleaned_data.items() if k != "parent"}


def column_initial(column: Column) -> dict[str, Any]:
    return {
        "name": column.name,
        "slug": column.slug,
        "kind": column.kind,
        "statutory_item": column.statutory_item,
        "description": column.description,
        "update_interval_days": column.update_interval_days,
    }


class ColumnMoveForm(forms.Form):
    """移动: the new parent (the column and its sub-columns excluded) and order."""

    sort_order = forms.IntegerField(
        label=_("排序号"),
        min_value=0,
        max_value=999999,
        help_text=_("同一上级下按排序号从小到大排列。"),
        error_messages={
            "required": _("请填写排序号。"),
            "invalid": _("排序号须为整数。"),
            "min_value": _("排序号不能小于 0。"),
            "max_value": _("排序号不能大于 999999。"),
        },
    )

    def __init__(self, *args: Any, rows: list[ColumnRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"] = _parent_field(rows)
        self.order_fields(["parent", "sort_order"])
