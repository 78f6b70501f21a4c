"""Per-kind parts of the letter context: correction, extension, fee,
consultation and receipt. Each reads the model rows and lets `extra` (what
the calling service passes) take precedence."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from ..choices import ConsultationKind, FeeMethod
from ..fees import fee_quote
from ..models import (
    Application,
    Consultation,
    CorrectionNotice,
    FeeDecision,
    LetterKind,
)
from .dates import date_cn

Section = Callable[[Application, Mapping[str, Any]], dict[str, Any]]


def _date(value: Any) -> str:
    return date_cn(value) if isinstance(value, date) else str(value or "")


def _correction_row(application: Application) -> CorrectionNotice | None:
    if application.pk is None:  # a preview
        return None
    return CorrectionNotice.objects.filter(application=application).first()


def correction_section(
    application: Application, extra: Mapping[str, Any]
) -> dict[str, Any]:
    notice = _correction_row(application)
    items = extra.get("items", notice.items if notice else "")
    deadline = extra.get("deadline", notice.deadline if notice else None)
    return {
        "items": str(items),
        "item_lines": [
            line.strip() for line in str(items).splitlines() if line.strip()
        ],
        "deadline": _date(deadline),
        "issued_on": _date(notice.issued_on if notice else None),
    }


def extension_section(
    application: Application, extra: Mapping[str, Any]
) -> dict[str, Any]:
    return {
        "days": int(extra.get("days", application.extension_days) or 0),
        "reason": str(extra.get("reason", "")),
        "due_on": _date(extra.get("due_on", application.due_on)),
        "original_due_on": _date(extra.get("original_due_on")),
    }


def _fee_row(application: Application, extra: Mapping[str, Any]) -> FeeDecision | None:
    fee = extra.get("fee")
    if isinstance(fee, FeeDecision):
        return fee
    if application.pk is None:
        return None
    return FeeDecision.objects.filter(application=application).first()


def _bands(fee: FeeDecision) -> list[dict[str, Any]]:
    """The tiers as stored; recomputed by the tariff when not stored as bands."""
    stored = fee.breakdown if isinstance(fee.breakdown, list) else []
    keys = {"first", "last", "rate"}
    if stored and all(isinstance(b, dict) and keys <= b.keys() for b in stored):
        rows = [(int(b["first"]), int(b["last"]), int(b["rate"])) for b in stored]
    else:
        quote = fee_quote(
            method=fee.method, quantity=fee.quantity, pieces_before=fee.pieces_before
        )
        rows = [(b.first, b.last, b.rate) for b in quote.bands]
    return [
        {
            "first": first,
            "last": last,
            "rate": rate,
            "count": last - first + 1,
            "subtotal": (last - first + 1) * rate,
        }
        for first, last, rate in rows
    ]


def fee_section(application: Application, extra: Mapping[str, Any]) -> dict[str, Any]:
    fee = _fee_row(application, extra)
    if fee is None:
        return {}
    method = FeeMethod(fee.method)
    return {
        "method": str(method.label),
        "per_piece": method == FeeMethod.PER_PIECE,
        "unit": "件" if method == FeeMethod.PER_PIECE else "页",
        "quantity": fee.quantity,
        "pieces_before": fee.pieces_before,
        "bands": _bands(fee),
        "amount": fee.amount,
        "issued_on": _date(fee.issued_on),
        "payment_due_on": _date(extra.get("payment_due_on", fee.payment_due_on)),
        "how_to_pay": str(extra.get("how_to_pay", "")),
    }


def _consultation_row(
    application: Application, extra: Mapping[str, Any]
) -> Consultation | None:
    consultation = extra.get("consultation")
    if isinstance(consultation, Consultation):
        return consultation
    if application.pk is None:
        return None
    return application.consultations.order_by("-sent_on", "-pk").first()


def consultation_section(
    application: Application, extra: Mapping[str, Any]
) -> dict[str, Any]:
    row = _consultation_row(application, extra)
    if row is None:
        return {}
    return {
        "party": row.party,
        "party_address": row.party_address,
        "co_producer": row.kind == ConsultationKind.CO_PRODUCER,
        "kind": str(ConsultationKind(row.kind).label),
        "sent_on": _date(row.sent_on),
        "answer_due_on": _date(row.answer_due_on),
        "matter": str(extra.get("matter", "")),
    }


def receipt_section(
    application: Application, extra: Mapping[str, Any]
) -> dict[str, Any]:
    return {
        "confirmed": application.received_on is not None,
        "track_url": str(extra.get("track_url", "/apply/track/")),
    }


KIND_SECTIONS: dict[LetterKind, Section] = {
    LetterKind.CORRECTION: correction_section,
    LetterKind.EXTENSION: extension_section,
    LetterKind.FEE: fee_section,
    LetterKind.CONSULTATION: consultation_section,
    LetterKind.RECEIPT: receipt_section,
}
