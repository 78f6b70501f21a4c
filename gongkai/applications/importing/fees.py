"""The `fee` of an import line (国办函〔2020〕109号) and its pause.

A fee notice stops the clock from its issue until payment. The line gives
either a `fee` object alone (the pause is derived from `issued_on` and
`paid_on`) or a `fee` pause in `pauses` together with the `fee` object
(whose dates default to the pause's); both must then agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from django.utils.translation import gettext

from gongkai.core.errors import DomainError

from ..choices import FeeMethod, PauseKind
from ..fees import fee_quote
from .fields import Fields
from .records import ImportFee, ImportPause

FEE_KEYS = frozenset(
    {
        "method", "quantity", "amount", "pieces_before", "issued_on",
        "notice_received_on", "paid_on", "receipt_number",
    }
)  # fmt: skip


def _dates(
    f: Fields, pause: ImportPause | None
) -> tuple[date | None, date | None, date | None]:
    issued = f.day("issued_on", required=pause is None)
    paid = f.day("paid_on")
    if pause is not None:
        if issued is not None and issued != pause.start:
            f.error("issued_on", gettext("与收费暂停的开始日期不一致。"))
        if paid is not None and paid != pause.end:
            f.error("paid_on", gettext("与收费暂停的结束日期不一致。"))
        issued = issued or pause.start
        paid = paid or pause.end
    received = f.day("notice_received_on") or issued
    if issued and received and received < issued:
        f.error("notice_received_on", gettext("不能早于通知发出日期。"))
    if received and paid and paid < received:
        f.error("paid_on", gettext("不能早于通知送达日期。"))
    return issued, received, paid


def _amount(
    f: Fields, method: FeeMethod, quantity: int, before: int
) -> tuple[int | None, tuple[tuple[int, int, int], ...]]:
    try:
        quote = fee_quote(method=method, quantity=quantity, pieces_before=before)
    except DomainError as exc:
        f.errors.append(exc.message)
        return None, ()
    bands = tuple((b.first, b.last, b.rate) for b in quote.bands)
    given = f.integer("amount")
    return (quote.amount if given is None else given), bands


def _fee(f: Fields, pause: ImportPause | None) -> ImportFee | None:
    f.unknown(FEE_KEYS)
    method = f.choice("method", FeeMethod, required=True)
    quantity = f.integer("quantity")
    f.present("quantity", True)
    before = f.integer("pieces_before") or 0
    issued, received, paid = _dates(f, pause)
    receipt = f.text("receipt_number", max_length=50)
    if method is None or quantity is None or issued is None or received is None:
        return None
    amount, bands = _amount(f, method, quantity, before)
    if amount is None:
        return None
    return ImportFee(
        method=method, quantity=quantity, amount=amount, issued_on=issued,
        notice_received_on=received, paid_on=paid,
        # A payment is recorded with its receipt (fee_paid_has_receipt_number).
        receipt_number=receipt or (gettext("历史导入") if paid else ""),
        pieces_before=before, breakdown=bands,
    )  # fmt: skip


def fee_parse(
    f: Fields, pauses: list[ImportPause]
) -> tuple[ImportFee | None, list[ImportPause]]:
    """The fee, and the pauses with the fee's pause added when derived."""
    data: Mapping[str, Any] | None = f.obj("fee")
    pause = next((p for p in pauses if p.kind == PauseKind.FEE), None)
    if data is None:
        if pause is not None:
            f.errors.append(
                gettext("有信息处理费暂停时须同时填写“fee”（计收方式和数量）。")
            )
        return None, pauses
    fee = _fee(Fields(data, f.errors, prefix="fee."), pause)
    if fee is None:
        return None, pauses
    if pause is None:
        return fee, [*pauses, ImportPause(PauseKind.FEE, fee.issued_on, fee.paid_on)]
    return fee, [replace(p, end=fee.paid_on) if p is pause else p for p in pauses]
