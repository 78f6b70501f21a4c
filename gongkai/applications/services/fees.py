"""信息处理费 (国办函〔2020〕109号, spec §2): notice, payment, non-payment.

One method per application (FeeDecision is one-to-one). The notice pauses
the reply clock from the day it is issued until payment; payment is due
20 WD counted from the day after the applicant receives the notice; unpaid
by then the application is closed as 其他处理-2.

Piece count (按件计收, 第四条; spec §2.3): the applicant's cumulative
applications in the calendar month of this application's receipt, keyed on
the resolved identity (`identity_key`: ID number or credit code, never the
account). `pieces_before` counts the same identity's applications received
earlier that month (same day: lodged earlier), at this organisation only
when `GONGKAI_FEES["piece_count_scope"]` is "organisation" (the default: an
organ charges for what it is asked, and cannot see other organs' cases), at
any organisation in the system when it is "all".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext

from gongkai.core.errors import DomainError
from gongkai.core.models import User

from ..choices import FeeMethod, Outcome
from ..fees import FeeQuote, fee_quote
from ..models import Application, ApplicationEventKind, FeeDecision, LetterKind
from ..workflow import Action
from .closing import expiry_close
from .deadlines import fee_payment_due_store
from .transitions import Step, transition_apply


def pieces_before(application: Application) -> int:
    """The identity's applications received earlier in the same month."""
    received = application.received_on
    if received is None or not application.identity_key:
        return 0
    month_start = received.replace(day=1)
    earlier = (
        Q(received_on__lt=received)
        | Q(received_on=received, lodged_at__lt=application.lodged_at)
        | Q(
            received_on=received, lodged_at=application.lodged_at, pk__lt=application.pk
        )
    )
    same = Application.objects.filter(
        earlier,
        identity_key=application.identity_key,
        received_on__gte=month_start,
    ).exclude(pk=application.pk)
    if settings.GONGKAI_FEES.get("piece_count_scope", "organisation") != "all":
        same = same.filter(organisation_id=application.organisation_id)
    return same.count()


def fee_application_quote(
    *, application: Application, method: str, quantity: int
) -> FeeQuote:
    """What the notice would state (also for a preview in the back office)."""
    method = FeeMethod(method)
    if quantity < 1:
        raise DomainError(gettext("件数或页数须为正整数。"))
    before = pieces_before(application) if method == FeeMethod.PER_PIECE else 0
    return fee_quote(method=method, quantity=quantity, pieces_before=before)


def _notice_check(
    locked: Application, issued_on: date, notice_received_on: date
) -> None:
    if FeeDecision.objects.filter(application_id=locked.pk).exists():
        raise DomainError(gettext("每件申请只能发出一次收费通知。"))
    if notice_received_on < issued_on:
        raise DomainError(gettext("收费通知送达日期不能早于发出日期。"))
    # 109号: the notice is sent within the handling period.
    if locked.due_on is not None and issued_on > locked.due_on:
        raise DomainError(
            gettext("收费通知须在答复期限（%(date)s）内发出。")
            % {"date": date_format(locked.due_on)}
        )


@transaction.atomic
def fee_notice_issue(
    *,
    application: Application,
    actor: User,
    method: str,
    quantity: int,
    issued_on: date,
    notice_received_on: date,
) -> FeeDecision:
    """Decide the fee by one method and notify it; the clock pauses."""
    decisions: list[FeeDecision] = []

    def apply(locked: Application) -> Mapping[str, Any]:
        _notice_check(locked, issued_on, notice_received_on)
        quote = fee_application_quote(
            application=locked, method=method, quantity=quantity
        )
        if quote.amount == 0:
            raise DomainError(gettext("按规定该申请不收取信息处理费。"))
        fee = _decision_create(locked, actor, quote, (issued_on, notice_received_on))
        decisions.append(fee)
        return {
            "received_on": notice_received_on,
            "amount": fee.amount,
            "method": fee.method,
            "payment_due_on": fee.payment_due_on,
        }

    step = Step(
        action=Action.FEE_NOTICE,
        kind=ApplicationEventKind.FEE_NOTICED,
        on=issued_on,
        note=gettext("发出收费通知，缴费期间不计入答复期限。"),
        letter=LetterKind.FEE,
        notify="fee",
    )
    transition_apply(application=application, actor=actor, step=step, apply=apply)
    return decisions[0]


def _decision_create(
    locked: Application,
    actor: User,
    quote: FeeQuote,
    dates: tuple[date, date],
) -> FeeDecision:
    issued_on, notice_received_on = dates
    before = pieces_before(locked) if quote.method == FeeMethod.PER_PIECE else 0
    fee = FeeDecision.objects.create(
        application=locked,
        method=quote.method,
        quantity=quote.quantity,
        pieces_before=before,
        amount=quote.amount,
        breakdown=[
            {"first": b.first, "last": b.last, "rate": b.rate, "subtotal": b.subtotal}
            for b in quote.bands
        ],
        issued_on=issued_on,
        notice_received_on=notice_received_on,
        payment_due_on=notice_received_on,  # replaced just below
        recorded_by=actor,
    )
    fee.payment_due_on = fee_payment_due_store(fee).due_on
    fee.save(update_fields=["payment_due_on"])
    return fee


@transaction.atomic
def fee_payment_record(
    *, application: Application, actor: User, paid_on: date, receipt_number: str
) -> Application:
    """The applicant paid (finance receipt number): the clock resumes."""

    def apply(locked: Application) -> Mapping[str, Any]:
        fee = FeeDecision.objects.select_for_update().get(application_id=locked.pk)
        if not receipt_number.strip():
            raise DomainError(gettext("请填写缴费票据号码。"))
        if paid_on < fee.issued_on:
            raise DomainError(gettext("缴费日期不能早于收费通知日期。"))
        if paid_on > fee.payment_due_on:
            raise DomainError(
                gettext("缴费期限（%(date)s）已届满。")
                % {"date": date_format(fee.payment_due_on)}
            )
        fee.paid_on, fee.receipt_number = paid_on, receipt_number.strip()
        fee.save(update_fields=["paid_on", "receipt_number"])
        return {"receipt_number": fee.receipt_number}

    step = Step(
        action=Action.FEE_PAY,
        kind=ApplicationEventKind.FEE_PAID,
        on=paid_on,
        note=gettext("已缴纳信息处理费，恢复计算答复期限。"),
    )
    return transition_apply(
        application=application, actor=actor, step=step, apply=apply
    )


@transaction.atomic
def fee_expire(
    *, application: Application, actor: User | None, on: date
) -> Application:
    """Unpaid after the payment period: stop processing (其他处理-2)."""

    return expiry_close(
        application=application,
        actor=actor,
        on=on,
        action=Action.FEE_EXPIRE,
        outcome=Outcome.OTHER_FEE_UNPAID,
        period_end=lambda locked: (
            FeeDecision.objects.get(application_id=locked.pk).payment_due_on
        ),
        not_yet=gettext("缴费期限（%(date)s）尚未届满。"),
        note=gettext("申请人逾期未缴纳信息处理费，本机关不再处理该申请。"),
    )
