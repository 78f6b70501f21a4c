"""Ending a case: the reply (条例第三十六条), referral, withdrawal."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext

from gongkai.core.errors import DomainError
from gongkai.core.models import User

from ..choices import Outcome
from ..models import (
    Application,
    ApplicationEventKind,
    ApplicationStatus,
    CorrectionNotice,
    LetterKind,
    ReleasedFile,
)
from ..workflow import Action
from .closing import close_fields_set
from .transitions import Step, transition_apply

# Reached only through their own procedure (correction_expire, fee_expire).
PROCEDURE_OUTCOMES = frozenset(
    {Outcome.OTHER_CORRECTION_OVERDUE, Outcome.OTHER_FEE_UNPAID}
)


def _reply_check(
    locked: Application, outcome: Outcome, basis: str, reasons: str, withheld: str
) -> None:
    if outcome in PROCEDURE_OUTCOMES:
        raise DomainError(
            gettext("“%(outcome)s”由逾期未补正或逾期未缴费程序办结，不能直接答复。")
            % {"outcome": outcome.label}
        )
    if outcome == Outcome.PARTLY_DISCLOSED and not withheld.strip():
        raise DomainError(
            gettext("部分公开的，须说明不予公开的部分及理由（条例第三十七条）。")
        )
    if outcome == Outcome.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION:
        corrected = CorrectionNotice.objects.filter(
            application_id=locked.pk, corrected_on__isnull=False
        ).exists()
        if not corrected:
            raise DomainError(
                gettext("该申请未经补正，不能以“补正后申请内容仍不明确”答复。")
            )
    if not (basis.strip() or outcome.article or reasons.strip()):
        raise DomainError(gettext("请填写答复的法律依据或理由。"))


def _files_store(application: Application, files: Sequence[File[Any]]) -> list[int]:
    stored = []
    for upload in files:
        name = os.path.basename(upload.name or "") or gettext("附件")
        released = ReleasedFile(application=application, name=name[:200])
        released.size = int(upload.size or 0)
        released.file.save(name, upload, save=False)
        released.save()
        stored.append(released.pk)
    return stored


@transaction.atomic
def application_reply(
    *,
    application: Application,
    actor: User,
    outcome: str,
    replied_on: date,
    basis: str = "",
    reasons: str = "",
    withheld_description: str = "",
    files: Sequence[File[Any]] = (),
) -> Application:
    """Reply with exactly one outcome; the legal basis defaults to its article."""
    outcome = Outcome(outcome)

    def apply(locked: Application) -> Mapping[str, Any]:
        _reply_check(locked, outcome, basis, reasons, withheld_description)
        close_fields_set(
            locked, outcome=outcome, on=replied_on, basis=basis, reasons=reasons
        )
        locked.withheld_description = withheld_description.strip()
        return {"outcome": outcome.value, "files": _files_store(locked, files)}

    step = Step(
        action=Action.REPLY,
        kind=ApplicationEventKind.REPLIED,
        on=replied_on,
        note=gettext("作出答复：%(outcome)s") % {"outcome": outcome.label},
        letter=LetterKind.REPLY,
        notify="reply",
    )
    return transition_apply(
        application=application, actor=actor, step=step, apply=apply
    )


def _withdraw_apply(on: date, note: str) -> Any:
    def apply(locked: Application) -> Mapping[str, Any]:
        if locked.status == ApplicationStatus.LODGED:
            # Withdrawn before confirmation: the day the office learns of it
            # is the day it had the application [M].
            locked.received_on = locked.confirmed_on = on
        close_fields_set(locked, outcome=Outcome.OTHER, on=on, reasons=note)
        return {"outcome": Outcome.OTHER.value}

    return apply


@transaction.atomic
def application_withdraw(
    *, application: Application, actor: User | None, on: date, note: str = ""
) -> Application:
    """The applicant withdraws (annual report 其他处理-3 其他).

    `actor=None`: the applicant themself; an officer recording a withdrawal
    received by letter or phone needs APPLICATION_HANDLE.
    """
    step = Step(
        action=Action.WITHDRAW,
        kind=ApplicationEventKind.WITHDRAWN,
        on=on,
        note=note.strip() or gettext("申请人撤回申请，本机关终止办理。"),
        notify="withdrawal",
    )
    return transition_apply(
        application=application,
        actor=actor,
        step=step,
        apply=_withdraw_apply(on, note),
    )
