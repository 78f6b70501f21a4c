"""Annual report endpoints under /api/v1/ (issue 5).

- `GET /organisations`: every organisation (id, name, credit_code, parent_id,
  kind), for clients that pick an organisation by code.
- `GET /reports/annual?org=<credit_code>&year=YYYY[&scope=subtree]`: the three
  tables as computed now from the records, with the hand-entered Table 2
  cells of the current report version (0 when none exists), and every
  validation finding (spec §3.5). Aggregate counts only: no personal data.

Parameters are parsed here so that bad input is a 400 with a Chinese message
(as in core/apis.py), an unknown organisation a 404.
"""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

from gongkai.core.models import Organisation
from gongkai.core.schemas import ErrorOut

from .compute import report_figures
from .models import ReportScope
from .services.editing import FIRST_YEAR

router = Router(tags=["reports"])

_YEAR = re.compile(r"\d{4}")


class OrganisationOut(Schema):
    id: int
    name: str
    credit_code: str
    parent_id: int | None
    kind: str


class FindingOut(Schema):
    level: str
    cell: str
    message: str


class Table3Out(Schema):
    rows: dict[str, dict[str, int]]


class FeesCollectedOut(Schema):
    cases: int
    amount: int


class AnnualReportOut(Schema):
    org: str
    year: int
    scope: str
    table2: dict[str, Any]
    table3: Table3Out
    table4: dict[str, dict[str, int]]
    fees_collected: FeesCollectedOut
    errors: list[FindingOut]
    warnings: list[FindingOut]


class BadRequest(ValueError):
    pass


@router.get(
    "/organisations",
    response=list[OrganisationOut],
    summary="全部机关（编号、名称、统一社会信用代码、上级、类型）",
)
def organisation_list(request: HttpRequest) -> list[dict[str, Any]]:
    rows = Organisation.objects.order_by("path").values_list(
        "id", "name", "credit_code", "parent_id", "kind"
    )
    fields = ("id", "name", "credit_code", "parent_id", "kind")
    return [dict(zip(fields, row, strict=True)) for row in rows]


def _year(raw: str | None) -> int:
    raw = (raw or "").strip()
    if not raw:
        raise BadRequest(_("缺少参数 year（报告年度，四位数字）。"))
    latest = timezone.localdate().year
    if not _YEAR.fullmatch(raw) or not FIRST_YEAR <= int(raw) <= latest:
        raise BadRequest(
            _("参数 year 应为 %(first)s 到 %(latest)s 之间的年份，收到“%(raw)s”。")
            % {"first": FIRST_YEAR, "latest": latest, "raw": raw[:20]}
        )
    return int(raw)


def _scope(raw: str | None) -> str:
    raw = (raw or ReportScope.OWN).strip()
    if raw not in ReportScope.values:
        raise BadRequest(_("参数 scope 只能取 own 或 subtree。"))
    return raw


def _organisation_code(raw: str | None) -> str:
    raw = (raw or "").strip()
    if not raw:
        raise BadRequest(_("缺少参数 org（机关的统一社会信用代码）。"))
    if len(raw) != 18 or not raw.isascii() or not raw.isalnum():
        raise BadRequest(_("参数 org 应为 18 位统一社会信用代码。"))
    return raw.upper()


@router.get(
    "/reports/annual",
    response={200: AnnualReportOut, 400: ErrorOut, 404: ErrorOut},
    summary="政府信息公开工作年度报告的表二、表三、表四及校验结果",
)
def annual_report(
    request: HttpRequest,
    org: str | None = None,
    year: str | None = None,
    scope: str | None = None,
) -> Status[dict[str, Any]]:
    try:
        code, report_year, report_scope = (
            _organisation_code(org),
            _year(year),
            _scope(scope),
        )
    except BadRequest as exc:
        return Status(400, {"error": "bad_request", "message": str(exc)})
    organisation = Organisation.objects.filter(credit_code=code).first()
    if organisation is None:
        return Status(
            404,
            {"error": "not_found", "message": _("未找到该统一社会信用代码的机关。")},
        )
    figures = report_figures(
        organisation=organisation, year=report_year, scope=report_scope
    )
    return Status(200, figures.as_dict())
