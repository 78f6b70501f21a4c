"""The database rows of one imported case (built in memory, saved in bulk)."""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from ..choices import Channel, PauseKind
from ..deadlines import DeadlineLedger
from ..models import (
    Application,
    Consultation,
    CorrectionNotice,
    Delivery,
    FeeDecision,
    RequestForm,
)
from .history import record_status, stored_events
from .records import ImportRecord

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 16
# 条例第三十一条: the receipt date of these channels is the day the office
# signs for (registered post) or confirms (the others) the application.
SIGNED_FOR = frozenset({Channel.REGISTERED_POST})
CONFIRMED = frozenset(
    {Channel.ONLINE, Channel.ORDINARY_POST, Channel.FAX, Channel.EMAIL}
)


def tracking_code(rng: random.Random | None = None) -> str:
    """An unguessable code (75 bits from `secrets`; the demo passes a seeded
    `rng`): "H" (历史) and 15 characters without 0/O, 1/I."""
    bits = rng.getrandbits(75) if rng is not None else secrets.randbits(75)
    chars = []
    for _ in range(CODE_LENGTH - 1):
        bits, index = divmod(bits, 32)
        chars.append(CODE_ALPHABET[index])
    return "H" + "".join(chars)


@dataclass
class CaseRows:
    record: ImportRecord  # its extension date resolved
    application: Application
    correction: CorrectionNotice | None = None
    consultations: list[Consultation] = field(default_factory=list)
    fee: FeeDecision | None = None


def _request_defaults(record: ImportRecord) -> tuple[str, str]:
    online = record.channel == Channel.ONLINE
    form = record.form or (RequestForm.DOWNLOAD if online else RequestForm.PAPER)
    delivery = record.delivery or (Delivery.ONLINE if online else Delivery.POST)
    return str(form), str(delivery)


def _identity_key(record: ImportRecord, batch: str) -> str:
    # No personal data comes with a historical case: an opaque key from the
    # old system, or one per line (the monthly piece count of 109号).
    if record.identity_key:
        return record.identity_key
    if record.applicant_key:
        return f"import:{record.applicant_key}"
    return f"import:{batch}:{record.line}"


def application_row(
    record: ImportRecord,
    ledger: DeadlineLedger,
    *,
    batch: str,
    code: str,
    actor_id: int | None,
) -> Application:
    form, delivery = _request_defaults(record)
    received = record.received_on
    outcome = record.outcome
    return Application(
        tracking_code=code,
        organisation_id=record.organisation_id,
        status=record_status(record),
        outcome=str(outcome or ""),
        channel=record.channel,
        applicant_type=record.applicant_type,
        applicant_name=record.applicant_name or gettext("历史导入"),
        identity_key=_identity_key(record, batch),
        description=record.description
        or gettext("历史导入的申请（原系统未提供内容描述）。"),
        doc_title=record.doc_title,
        form=form,
        delivery=delivery,
        lodged_at=timezone.make_aware(datetime.combine(received, time(9))),
        signed_for_on=received if record.channel in SIGNED_FOR else None,
        confirmed_on=received if record.channel in CONFIRMED else None,
        received_on=received,
        due_on=ledger.due_on,
        due_provisional=ledger.provisional,
        calendar_version=ledger.calendar_version,
        extension_days=record.extension_days,
        reply_basis=outcome.article if outcome is not None else "",
        closed_on=record.closed_on,
        assigned_to_id=record.assigned_to_id,
        recorded_by_id=actor_id,
    )


def side_rows(record: ImportRecord, ledger: DeadlineLedger, rows: CaseRows) -> None:
    """The correction notice, consultations and fee decision of the case."""
    app = rows.application
    for pause in sorted(record.pauses, key=lambda p: p.start):
        if pause.kind == PauseKind.CORRECTION:
            rows.correction = CorrectionNotice(
                application=app,
                issued_on=pause.start,
                items=gettext("历史导入，补正事项未录入。"),
                deadline=pause.deadline or pause.start,
                late=bool(ledger.correction_notice_late),
                corrected_on=pause.end,
            )
        elif pause.kind == PauseKind.CONSULTATION:
            due = ledger.consultation_answer_due if pause.delivered_on else None
            rows.consultations.append(
                Consultation(
                    application=app,
                    kind=pause.consultation_kind,
                    party=gettext("历史导入（被征求意见方未录入）"),
                    sent_on=pause.start,
                    delivered_on=pause.delivered_on,
                    answer_due_on=due.date if due else None,
                    answered_on=pause.end,
                )
            )
    if record.fee is not None:
        rows.fee = _fee_row(record, ledger, app)


def _fee_row(
    record: ImportRecord, ledger: DeadlineLedger, app: Application
) -> FeeDecision:
    fee = record.fee
    assert fee is not None
    payment_due = ledger.fee_payment_due
    return FeeDecision(
        application=app,
        method=fee.method,
        quantity=fee.quantity,
        pieces_before=fee.pieces_before,
        amount=fee.amount,
        breakdown=[list(band) for band in fee.breakdown],
        issued_on=fee.issued_on,
        notice_received_on=fee.notice_received_on,
        payment_due_on=payment_due.date if payment_due else fee.notice_received_on,
        paid_on=fee.paid_on,
        receipt_number=fee.receipt_number,
    )


EVENT_FIELDS = (
    "application_id",
    "kind",
    "on",
    "at",
    "visible_to_applicant",
    "note",
    "data",
)


def event_rows(
    record: ImportRecord, rows: CaseRows, *, batch: str, at: datetime
) -> list[tuple[Any, ...]]:
    """The case file as EVENT_FIELDS tuples (no model instances: an import
    writes hundreds of thousands); consultation events point at their row."""
    consultations = iter(sorted(rows.consultations, key=lambda c: c.sent_on))
    note = gettext("历史数据导入")
    values: list[tuple[Any, ...]] = []
    for index, stored in enumerate(stored_events(record)):
        data = dict(stored.data)
        if index == 0:
            data.update(imported=batch, line=record.line)
        if "consultation_kind" in data:
            data["consultation"] = next(consultations).pk
        values.append(
            (rows.application.pk, str(stored.kind), stored.on, at, True,
             note if index == 0 else "", data)
        )  # fmt: skip
    return values
