"""补正 (条例第三十条): one notice, the corrected application, or abandonment."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext

from gongkai.core.errors import DomainError
from gongkai.core.models import User

from ..choices import Outcome
from ..deadlines import correction_notice_due
from ..models import Application, ApplicationEventKind, CorrectionNotice, LetterKind
from ..workflow import Action
from .closing import expiry_close
from .transitions import Step, transition_apply


def _notice_check(
    application: Application, items: str, deadline: date, issued_on: date
) -> None:
    if not items.strip():
        raise DomainError(gettext("请逐项列明需要补正的事项（一次性告知）。"))
    if CorrectionNotice.objects.filter(application_id=application.pk).exists():
        raise DomainError(gettext("补正通知只能发出一次。"))
    if application.received_on and issued_on < application.received_on:
        raise DomainError(gettext("补正通知日期不能早于收到申请日期。"))
    if deadline <= issued_on:
        raise DomainError(gettext("补正期限须晚于补正通知日期。"))


@transaction.atomic
def correction_notice_issue(
    *,
    application: Application,
    actor: User,
    items: str,
    deadline: date,
    issued_on: date,
) -> CorrectionNotice:
    """Ask once for everything to correct, with a reasonable deadline.

    Due within 7 WD of receipt; a later notice is still allowed and marked
    `late` (the officer is warned).
    """
    notices: list[CorrectionNotice] = []

    def apply(locked: Application) -> Mapping[str, Any]:
        _notice_check(locked, items, deadline, issued_on)
        assert locked.received_on is not None  # RECEIVED, by the table
        due = correction_notice_due(locked.received_on, allow_provisional=True)
        notice = CorrectionNotice.objects.create(
            application=locked,
            issued_on=issued_on,
            items=items.strip(),
            deadline=deadline,
            late=issued_on > due.date,
        )
        notices.append(notice)
        return {"deadline": deadline, "late": notice.late}

    step = _notice_step(items.strip(), deadline, issued_on)
    transition_apply(application=application, actor=actor, step=step, apply=apply)
    return notices[0]


def _notice_step(items: str, deadline: date, issued_on: date) -> Step:
    return Step(
        action=Action.CORRECTION_NOTICE,
        kind=ApplicationEventKind.CORRECTION_NOTICED,
        on=issued_on,
        note=gettext("请于%(deadline)s前补正：%(items)s")
        % {"deadline": date_format(deadline), "items": items},
        letter=LetterKind.CORRECTION,
        letter_extra={"items": items, "deadline": deadline},
        notify="correction",
    )


@transaction.atomic
def correction_receive(
    *, application: Application, actor: User, corrected_on: date, text: str = ""
) -> Application:
    """The corrected application is received: the 20 WD count restarts."""

    def apply(locked: Application) -> Mapping[str, Any]:
        notice = CorrectionNotice.objects.select_for_update().get(
            application_id=locked.pk
        )
        if corrected_on < notice.issued_on:
            raise DomainError(gettext("补正日期不能早于补正通知日期。"))
        notice.corrected_on = corrected_on
        notice.corrected_text = text.strip()
        notice.save(update_fields=["corrected_on", "corrected_text"])
        return {}

    step = Step(
        action=Action.CORRECTION_RECEIVE,
        kind=ApplicationEventKind.CORRECTED,
        on=corrected_on,
        note=gettext("收到补正后的申请，答复期限自次日起重新计算。"),
    )
    return transition_apply(
        application=application, actor=actor, step=step, apply=apply
    )


@transaction.atomic
def correction_expire(
    *, application: Application, actor: User | None, on: date
) -> Application:
    """The correction deadline passed without a correction: stop processing
    (条例第三十条; annual report 其他处理-1). `actor=None`: the worker."""

    return expiry_close(
        application=application,
        actor=actor,
        on=on,
        action=Action.CORRECTION_EXPIRE,
        outcome=Outcome.OTHER_CORRECTION_OVERDUE,
        period_end=lambda locked: (
            CorrectionNotice.objects.get(application_id=locked.pk).deadline
        ),
        not_yet=gettext("补正期限（%(date)s）尚未届满。"),
        note=gettext("申请人无正当理由逾期未补正，本机关不再处理该申请。"),
    )
