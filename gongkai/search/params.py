"""Turning request parameters (page or API, same names) into a search call.

Every value arrives as text and is checked here: a bad value is a
`ParamError` with a Chinese message (400), never a framework 422 or 500.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from gongkai.core.models import Organisation

from .query import Filters, QueryError
from .selectors import Sort

MAX_PAGE = 10_000


class ParamError(QueryError):
    pass


@dataclass(frozen=True)
class SearchParams:
    q: str
    filters: Filters
    sort: Sort
    page: int


def _int(value: str, name: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ParamError(_("参数 %(name)s 应为整数。") % {"name": name}) from None
    if not low <= number <= high:
        raise ParamError(
            _("参数 %(name)s 应在 %(low)s 到 %(high)s 之间。")
            % {"name": name, "low": low, "high": high}
        )
    return number


def _date(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ParamError(
            _("参数 %(name)s 应为日期，格式如 2024-01-31。") % {"name": name}
        ) from None


def _organisation(value: str) -> Organisation:
    qs = Organisation.objects.filter(is_active=True)
    found = (
        qs.filter(pk=int(value)).first()
        if value.isdigit() and len(value) < 18
        else qs.filter(credit_code=value.upper()).first()
    )
    if found is None:
        raise ParamError(_("参数 org 指定的机关不存在。"))
    return found


def parse_params(data: Mapping[str, str]) -> SearchParams:
    """q, org, year, topic, genre, validity, type, from, to, sort, page."""

    def get(name: str) -> str:
        return (data.get(name) or "").strip()

    sort = get("sort") or "relevance"
    if sort not in ("relevance", "date"):
        raise ParamError(_("参数 sort 只能是 relevance 或 date。"))
    filters = Filters(
        organisation=_organisation(get("org")) if get("org") else None,
        year=_int(get("year"), "year", 1949, 2100) if get("year") else None,
        topic=_int(get("topic"), "topic", 1, 2**62) if get("topic") else None,
        genre=get("genre")[:30],
        validity=get("validity")[:30],
        content_type=get("type")[:30],
        date_from=_date(get("from"), "from") if get("from") else None,
        date_to=_date(get("to"), "to") if get("to") else None,
    )
    return SearchParams(
        q=data.get("q") or "",
        filters=filters,
        sort="date" if sort == "date" else "relevance",
        page=_int(get("page"), "page", 1, MAX_PAGE) if get("page") else 1,
    )
