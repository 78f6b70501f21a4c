"""Entering a year's 放假调休 schedule the way the State Council notice reads.

One line per holiday block: its name, first and last day off (inclusive,
weekends included, as the notice prints them) and the weekend days declared
调休上班 for it. The calendar stores the weekdays of each block as
`holiday_off` and the declared weekend days as `adjusted_workday`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models.calendar import DayKind
from .services.calendar import DaySpec

MAX_BLOCK_DAYS = 20
ONE_DAY = timedelta(days=1)
_SEPARATORS = re.compile(r"[\s,，、;；]+")
_DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _weekdays() -> tuple[str, ...]:
    return (
        gettext("周一"),
        gettext("周二"),
        gettext("周三"),
        gettext("周四"),
        gettext("周五"),
        gettext("周六"),
        gettext("周日"),
    )


def _label(d: date) -> str:
    return gettext("%(month)s月%(day)s日（%(weekday)s）") % {
        "month": d.month,
        "day": d.day,
        "weekday": _weekdays()[d.weekday()],
    }


class CalendarYearForm(forms.Form):
    source_doc_number = forms.CharField(
        label=_("通知文号"),
        max_length=60,
        help_text=_("例如：国办发明电〔2024〕12号"),
        error_messages={"required": _("请填写国务院办公厅通知的文号。")},
    )
    source_title = forms.CharField(label=_("通知标题"), max_length=200, required=False)
    source_url = forms.URLField(
        label=_("通知网址"),
        assume_scheme="https",
        required=False,
        error_messages={"invalid": _("请输入有效的网址。")},
    )
    notice_date = forms.DateField(
        label=_("通知日期"),
        required=False,
        widget=_DATE_WIDGET,
        error_messages={"invalid": _("请按 YYYY-MM-DD 填写日期。")},
    )


class HolidayBlockForm(forms.Form):
    name = forms.CharField(
        label=_("节日"),
        max_length=30,
        error_messages={"required": _("请填写节日名称。")},
    )
    first_day = forms.DateField(
        label=_("放假首日"),
        required=False,
        widget=_DATE_WIDGET,
        error_messages={"invalid": _("请按 YYYY-MM-DD 填写日期。")},
    )
    last_day = forms.DateField(
        label=_("放假末日"),
        required=False,
        widget=_DATE_WIDGET,
        error_messages={"invalid": _("请按 YYYY-MM-DD 填写日期。")},
    )
    adjusted_workdays = forms.CharField(
        label=_("调休上班日"),
        required=False,
        max_length=200,
    )

    def clean_adjusted_workdays(self) -> list[date]:
        raw: str = self.cleaned_data.get("adjusted_workdays") or ""
        days = []
        for token in _SEPARATORS.split(raw.strip()):
            if not token:
                continue
            try:
                days.append(date.fromisoformat(token))
            except ValueError:
                raise ValidationError(
                    _("“%(value)s”不是有效日期，请按 YYYY-MM-DD 填写。"),
                    params={"value": token[:20]},
                ) from None
        for day in days:
            if day.weekday() < 5:
                raise ValidationError(
                    _("%(day)s不是周末：调休上班日只能是周六或周日。"),
                    params={"day": _label(day)},
                )
        if len(set(days)) != len(days):
            raise ValidationError(_("调休上班日有重复。"))
        return sorted(days)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first_day"), data.get("last_day")
        if "first_day" in data and "last_day" in data and bool(first) != bool(last):
            self.add_error(
                "last_day" if first else "first_day", _("请同时填写放假首日和末日。")
            )
        elif not first and not data.get("adjusted_workdays") and not self.errors:
            self.add_error("first_day", _("请填写放假日期或调休上班日。"))
        if first and last:
            if last < first:
                self.add_error("last_day", _("放假末日不能早于放假首日。"))
            elif (last - first).days + 1 > MAX_BLOCK_DAYS:
                self.add_error(
                    "last_day",
                    _("一段放假不应超过 %(n)d 天，请检查日期。")
                    % {"n": MAX_BLOCK_DAYS},
                )
            elif all(d.weekday() >= 5 for d in _dates(first, last)):
                self.add_error("first_day", _("该放假时段全部是周末，不影响工作日。"))
        return data


def _dates(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


if TYPE_CHECKING:
    _FormSetBase = BaseFormSet[HolidayBlockForm]
else:  # BaseFormSet is not subscriptable at run time
    _FormSetBase = BaseFormSet


class BaseHolidayBlockFormSet(_FormSetBase):
    def __init__(self, *args: Any, year: int, **kwargs: Any) -> None:
        self.year = year
        super().__init__(*args, **kwargs)

    def blocks(self) -> list[dict[str, Any]]:
        return [
            form.cleaned_data
            for form in self.forms
            if form.has_changed() and form.cleaned_data
        ]

    def clean(self) -> None:
        if any(self.errors):
            return
        blocks = self.blocks()
        if not blocks:
            raise ValidationError(_("请至少填写一段放假安排。"))
        errors: list[str] = []
        owner: dict[date, str] = {}
        for block in blocks:
            errors.extend(self._check_block(block, owner))
        for block in blocks:
            for day in block["adjusted_workdays"]:
                if day.year != self.year:
                    errors.append(
                        gettext("调休上班日 %(day)s 不在 %(year)s 年内。")
                        % {"day": f"{day:%Y-%m-%d}", "year": self.year}
                    )
                elif day in owner:
                    errors.append(
                        gettext("%(day)s 既是调休上班日，又在“%(name)s”放假时段内。")
                        % {"day": _label(day), "name": owner[day]}
                    )
                else:
                    owner[day] = block["name"]
        if errors:
            raise ValidationError(errors)

    def _check_block(self, block: dict[str, Any], owner: dict[date, str]) -> list[str]:
        first, last, name = block["first_day"], block["last_day"], block["name"]
        if first is None or last is None:
            return []  # a line holding only 调休上班 days
        if first.year != self.year or last.year != self.year:
            return [
                gettext(
                    "“%(name)s”的放假日期须在 %(year)s 年内"
                    "（跨年连休的上一年部分请在上一年录入）。"
                )
                % {"name": name, "year": self.year}
            ]
        for day in _dates(first, last):
            if day in owner:
                return [
                    gettext("“%(name)s”与“%(other)s”的放假日期重叠（%(day)s）。")
                    % {"name": name, "other": owner[day], "day": _label(day)}
                ]
            owner[day] = name
        return []

    def days(self) -> list[DaySpec]:
        """The calendar rows the blocks stand for."""
        result: list[DaySpec] = []
        for block in self.blocks():
            name = block["name"].strip()
            if block["first_day"] and block["last_day"]:
                for day in _dates(block["first_day"], block["last_day"]):
                    if day.weekday() < 5:
                        result.append((day, DayKind.HOLIDAY_OFF, name))
            for day in block["adjusted_workdays"]:
                result.append((day, DayKind.ADJUSTED_WORKDAY, name))
        return sorted(result)


HolidayBlockFormSet = cast(
    type[BaseHolidayBlockFormSet],
    formset_factory(
        HolidayBlockForm, formset=BaseHolidayBlockFormSet, extra=2, max_num=30
    ),
)


def blocks_from_days(year: int, days: Sequence[DaySpec]) -> list[dict[str, Any]]:
    """Rebuild the notice's blocks from stored rows, for editing.

    Weekday off days of one holiday are joined across weekends, and a block is
    widened over the weekend days next to it that are not 调休上班 (the notice
    counts them in the block), within the year.
    """
    off = {d: n for d, k, n in days if k == DayKind.HOLIDAY_OFF}
    workdays = {d: n for d, k, n in days if k == DayKind.ADJUSTED_WORKDAY}

    def rest(day: date) -> bool:
        return day.year == year and day.weekday() >= 5 and day not in workdays

    blocks: list[dict[str, Any]] = []
    for day in sorted(off):
        name = off[day]
        if blocks and blocks[-1]["name"] == name and _joined(blocks[-1], day, rest):
            blocks[-1]["last_day"] = day
        else:
            blocks.append({"name": name, "first_day": day, "last_day": day})
    claimed = {d for b in blocks for d in _dates(b["first_day"], b["last_day"])}
    for block in blocks:
        # Adjacent blocks (中秋 next to 国庆) must not both take a weekend.
        while rest(day := block["first_day"] - ONE_DAY) and day not in claimed:
            block["first_day"] = day
            claimed.add(day)
        while rest(day := block["last_day"] + ONE_DAY) and day not in claimed:
            block["last_day"] = day
            claimed.add(day)
        block["adjusted_workdays"] = ""
    for day, name in sorted(workdays.items()):
        target = _nearest_block(blocks, day, name)
        if target is None:
            target = {"name": name, "first_day": None, "last_day": None}
            target["adjusted_workdays"] = ""
            blocks.append(target)
        target["adjusted_workdays"] = (
            f"{target['adjusted_workdays']} {day.isoformat()}".strip()
        )
    return blocks


def _joined(block: dict[str, Any], day: date, rest: Any) -> bool:
    gap = block["last_day"] + ONE_DAY
    while gap < day:
        if not rest(gap):
            return False
        gap += ONE_DAY
    return True


def _nearest_block(
    blocks: list[dict[str, Any]], day: date, name: str
) -> dict[str, Any] | None:
    candidates = [b for b in blocks if b["name"] == name and b["first_day"]]
    if not candidates:
        return None
    return min(candidates, key=lambda b: abs((b["first_day"] - day).days))
