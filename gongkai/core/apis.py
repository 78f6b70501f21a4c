"""Core endpoints under /api/v1/: the working-day calculator.

Query parameters are parsed here rather than by ninja's type coercion so that
bad input answers 400 with a Chinese message (ninja's default is a 422 with
pydantic's English details).
"""

from __future__ import annotations

import datetime as dt
import re
from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

from .errors import CalendarYearMissing
from .schemas import ErrorOut
from .workdays import add_working_days

router = Router(tags=["calendar"])

MAX_DAYS = 1000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT = re.compile(r"\d{1,7}")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


class InvalidInput(ValueError):
    """A parameter could not be understood; the message is Chinese."""


class WorkingDaysOut(Schema):
    start: dt.date
    days: int
    date: dt.date
    provisional: bool
    calendar_version: int


class CalendarMissingOut(Schema):
    error: str
    year: int
    message: str


def parse_date(raw: str | None, label: str) -> date:
    if raw is None or not raw.strip():
        raise InvalidInput(
            _("缺少参数 %(label)s（日期，格式 YYYY-MM-DD）。") % {"label": label}
        )
    raw = raw.strip()
    try:
        if not _DATE.fullmatch(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(
            _("参数 %(label)s 不是有效日期：“%(raw)s”，格式应为 YYYY-MM-DD。")
            % {"label": label, "raw": raw[:20]}
        ) from None


def parse_days(raw: str | None, label: str = "days") -> int:
    if raw is None or not raw.strip():
        raise InvalidInput(_("缺少参数 %(label)s（工作日数）。") % {"label": label})
    raw = raw.strip()
    if not _INT.fullmatch(raw) or int(raw) > MAX_DAYS:
        raise InvalidInput(
            _("参数 %(label)s 应为 0 到 %(max)s 之间的整数，收到“%(raw)s”。")
            % {"label": label, "max": MAX_DAYS, "raw": raw[:20]}
        )
    return int(raw)


def parse_flag(raw: str | None, label: str) -> bool:
    value = (raw or "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise InvalidInput(_("参数 %(label)s 只能取 1 或 0。") % {"label": label})


@router.get(
    "/calendar/add-working-days",
    response={200: WorkingDaysOut, 400: ErrorOut, 409: CalendarMissingOut},
    summary="加工作日：起算日之后第 N 个工作日",
    description=(
        "起算日当天不计。期间进入尚未录入并核验放假安排的年份时返回 409，"
        "除非 allow_provisional=1（此时该年仅按周末计算并标记 provisional）。"
    ),
)
def calendar_add_working_days(
    request: HttpRequest,
    start: str | None = None,
    days: str | None = None,
    allow_provisional: str | None = None,
) -> Status[dict[str, object]]:
    try:
        start_date = parse_date(start, "start")
        count = parse_days(days)
        provisional_ok = parse_flag(allow_provisional, "allow_provisional")
        result = add_working_days(start_date, count, allow_provisional=provisional_ok)
    except InvalidInput as exc:
        return _invalid(str(exc))
    except OverflowError:
        return _invalid(_("计算结果超出可表示的日期范围。"))
    except CalendarYearMissing as exc:
        return Status(
            409,
            {
                "error": "calendar_year_missing",
                "year": exc.year,
                "message": exc.message,
            },
        )
    return Status(
        200,
        {
            "start": start_date,
            "days": count,
            "date": result.date,
            "provisional": result.provisional,
            "calendar_version": result.calendar_version,
        },
    )


def _invalid(message: str) -> Status[dict[str, object]]:
    return Status(400, {"error": "invalid_input", "message": message})
