"""Checking one line of the import file and turning it into an ImportRecord.

The format is documented in `gongkai/applications/importing/__init__.py`.
Each rule breaks to one Chinese message; a line is either a valid record or
the full list of what is wrong with it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.utils.translation import gettext

from gongkai.core.errors import DomainError

from ..choices import ApplicantType, Channel, Outcome, PauseKind
from ..models.applications import Delivery, RequestForm
from .fees import fee_parse
from .fields import Fields
from .history import LedgerCache, record_ledger
from .pauses import pauses_check, pauses_parse
from .records import ImportFee, ImportPause, ImportRecord, LineError

LINE_KEYS = frozenset(
    {
        "org", "applicant_type", "received_on", "channel", "outcome",
        "closed_on", "pauses", "extension_days", "extended_on", "fee",
        "applicant_key", "description", "doc_title", "form", "delivery",
    }
)  # fmt: skip


@dataclass(frozen=True)
class ParseContext:
    organisations: Mapping[str, int]  # credit code → organisation id
    today: date
    ledgers: LedgerCache = field(default_factory=dict)

    @property
    def extension_max(self) -> int:
        return int(settings.GONGKAI_APPLICATIONS["extension_max_wd"])


def line_json(text: str, errors: list[str]) -> dict[str, Any] | None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        errors.append(gettext("不是有效的JSON：%(e)s。") % {"e": exc.msg})
        return None
    if not isinstance(data, dict):
        errors.append(gettext("每行应为一个JSON对象。"))
        return None
    return data


def _case_dates(f: Fields, ctx: ParseContext) -> tuple[date | None, date | None]:
    received = f.day("received_on", required=True)
    closed = f.day("closed_on")
    for key, day in (("received_on", received), ("closed_on", closed)):
        if day is not None and day > ctx.today:
            f.error(key, gettext("不能晚于今天。"))
    if received and closed and closed < received:
        f.error("closed_on", gettext("不能早于收到申请日期（received_on）。"))
    return received, closed


def _outcome(f: Fields, closed: date | None) -> Outcome | None:
    outcome = f.choice("outcome", Outcome)
    if "outcome" in f.data and f.data["outcome"] is not None and outcome is None:
        return None  # already reported as invalid
    if (outcome is None) != (closed is None):
        # 架构规则1: an outcome exactly when the case is closed.
        f.errors.append(gettext("“outcome”与“closed_on”须同时填写或同时为空。"))
    return outcome


def _organisation(f: Fields, ctx: ParseContext) -> int | None:
    code = f.text("org", max_length=18)
    if not code:
        f.present("org", True)
        return None
    found = ctx.organisations.get(code.upper())
    if found is None:
        f.error(
            "org",
            gettext("统一社会信用代码“%(code)s”不是本系统中的机关。") % {"code": code},
        )
    return found


def _request(f: Fields) -> dict[str, Any]:
    form = f.choice("form", RequestForm)
    delivery = f.choice("delivery", Delivery)
    return {
        "applicant_key": f.text("applicant_key", max_length=32),
        "description": f.text("description", max_length=2000),
        "doc_title": f.text("doc_title", max_length=300),
        "form": str(form) if form else "",
        "delivery": str(delivery) if delivery else "",
    }


def _extension(
    f: Fields, ctx: ParseContext, received: date | None, closed: date | None
) -> tuple[int, date | None]:
    days = f.integer("extension_days", maximum=ctx.extension_max) or 0
    on = f.day("extended_on")
    if on is not None:
        if not days:
            f.error("extended_on", gettext("只能在延期（extension_days）大于0时填写。"))
        if (received and on < received) or (closed and on > closed):
            f.error("extended_on", gettext("须在收到申请与办结之间。"))
    return days, on


def record_parse(
    data: Mapping[str, Any], line: int, ctx: ParseContext
) -> ImportRecord | LineError:
    """One line's record, or every message about what is wrong with it."""
    errors: list[str] = []
    f = Fields(data, errors)
    f.unknown(LINE_KEYS)
    org = _organisation(f, ctx)
    applicant_type = f.choice("applicant_type", ApplicantType, required=True)
    channel = f.choice("channel", Channel, required=True)
    received, closed = _case_dates(f, ctx)
    outcome = _outcome(f, closed)
    extension_days, extended_on = _extension(f, ctx, received, closed)
    request = _request(f)
    pauses = pauses_parse(f)
    fee, pauses = fee_parse(f, pauses)
    if (
        errors
        or org is None
        or applicant_type is None
        or channel is None
        or received is None
    ):
        return LineError(line, tuple(errors) or (gettext("无法读取。"),))
    pauses_check(f, pauses, received, closed or ctx.today)
    _default_consistent(f, outcome, pauses, fee)
    record = ImportRecord(
        line=line, organisation_id=org, applicant_type=applicant_type,
        received_on=received, channel=channel, outcome=outcome, closed_on=closed,
        pauses=tuple(pauses), extension_days=extension_days,
        extended_on=extended_on, fee=fee, **request,
    )  # fmt: skip
    if errors:
        return LineError(line, tuple(errors))
    return _ledger_check(record, ctx.ledgers)


def _default_consistent(
    f: Fields, outcome: Outcome | None, pauses: list[ImportPause], fee: ImportFee | None
) -> None:
    """逾期未补正 / 逾期未缴费 cannot follow a correction made or a fee paid."""
    if outcome == Outcome.OTHER_CORRECTION_OVERDUE and any(
        p.kind == PauseKind.CORRECTION and p.end is not None for p in pauses
    ):
        f.errors.append(
            gettext("申请人已补正（补正暂停有结束日期），办理结果不能为逾期未补正。")
        )
    if outcome == Outcome.OTHER_FEE_UNPAID and fee is not None and fee.paid_on:
        f.errors.append(
            gettext("信息处理费已缴纳（paid_on），办理结果不能为逾期未缴费。")
        )


def _ledger_check(record: ImportRecord, cache: LedgerCache) -> ImportRecord | LineError:
    try:
        dated, _ = record_ledger(record, cache)
    except DomainError as exc:
        return LineError(record.line, (str(exc.message),))
    return dated


__all__ = ["LINE_KEYS", "ParseContext", "PauseKind", "line_json", "record_parse"]
