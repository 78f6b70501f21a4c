"""Confirming receipt, assigning an officer, extending the reply period."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from gongkai.core.errors import CalendarYearMissing, DomainError, PermissionDenied
from gongkai.core.models import User
from gongkai.core.permissions import Permission, has_permission

from ..models import Application, ApplicationEventKind, LetterKind
from ..receipt import received_on as receipt_date
from ..workflow import Action
from .transitions import Step, transition_apply


def validation_message(error: ValidationError) -> str:
    """A django ValidationError as one Chinese sentence for DomainError."""
    return "".join(str(message) for message in error.messages)


def _received_on(application: Application, confirmed_on: date) -> date:
    try:
        return receipt_date(
            application.channel,
            application.lodged_at,
            signed_for_on=application.signed_for_on,
            confirmed_on=confirmed_on,
        )
    except ValidationError as error:
        raise DomainError(validation_message(error)) from error
    except CalendarYearMissing:
        # A confirmation on a day of a year the calendar lacks: roll over the
        # weekend only; the due date that follows is flagged provisional and
        # recomputed once the year is entered.
        day = confirmed_on
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day


@transaction.atomic
def application_confirm(
    *, application: Application, actor: User | None, confirmed_on: date | None = None
) -> Application:
    """The office confirms an application (条例第三十一条): it is received.

    The receipt day follows the channel's rule (receipt.received_on); for the
    confirmed channels it is the confirmation day (rolled to a working day).
    """
    confirmed_on = confirmed_on or timezone.localdate()
    received = _received_on(application, confirmed_on)

    def apply(locked: Application) -> Mapping[str, Any]:
        locked.confirmed_on = confirmed_on
        locked.received_on = received
        return {"confirmed_on": confirmed_on}

    step = Step(
        action=Action.CONFIRM,
        kind=ApplicationEventKind.RECEIVED,
        on=received,
        note=gettext("本机关已收到您的申请，答复期限自次日起计算。"),
        notify="receipt",
    )
    return transition_apply(
        application=application, actor=actor, step=step, apply=apply
    )


def _can_assign(user: User | None, application: Application) -> bool:
    if user is None:
        return False
    organisation = application.organisation
    return has_permission(
        user, Permission.APPLICATION_HANDLE, organisation
    ) or has_permission(user, Permission.APPLICATION_EXTEND_APPROVE, organisation)


@transaction.atomic
def application_assign(
    *, application: Application, actor: User, officer: User | None
) -> Application:
    """Give the case to an officer of the same organisation (internal)."""
    if not _can_assign(actor, application):
        raise PermissionDenied(gettext("您没有分配该申请的权限。"))
    if officer is not None and not has_permission(
        officer, Permission.APPLICATION_HANDLE, application.organisation
    ):
        raise DomainError(gettext("只能分配给本机关的依申请公开办理人员。"))

    def apply(locked: Application) -> Mapping[str, Any]:
        locked.assigned_to = officer
        return {"officer": officer.pk if officer else None}

    name = str(officer) if officer else gettext("（无）")
    step = Step(
        action=Action.ASSIGN,
        kind=ApplicationEventKind.ASSIGNED,
        on=timezone.localdate(),
        visible=False,
        note=gettext("承办人：%(name)s") % {"name": name},
        permission=Permission.APPLICATION_VIEW,
    )
    return transition_apply(
        application=application, actor=actor, step=step, apply=apply
    )


def _extension_check(application: Application, days: int, reason: str) -> None:
    maximum = int(settings.GONGKAI_APPLICATIONS["extension_max_wd"])
    if not 1 <= days <= maximum:
        raise DomainError(
            gettext("延长答复期限最长不得超过%(max)s个工作日。") % {"max": maximum}
        )
    if application.extension_days:
        raise DomainError(gettext("每件申请只能延期一次。"))
    if not reason.strip():
        raise DomainError(gettext("请填写延期理由。"))


@transaction.atomic
def application_extend(
    *, application: Application, actor: User, days: int, reason: str, on: date
) -> Application:
    """条例第三十三条: one extension, ≤ 20 WD, approved by the head of the
    office, decided and notified on or before the original due date."""

    def apply(locked: Application) -> Mapping[str, Any]:
        _extension_check(locked, days, reason)
        return {}

    step = Step(
        action=Action.EXTEND,
        kind=ApplicationEventKind.EXTENDED,
        on=on,
        note=gettext("经批准，答复期限延长%(days)s个工作日。理由：%(reason)s")
        % {"days": days, "reason": reason.strip()},
        data={"days": days, "reason": reason.strip()},
        permission=Permission.APPLICATION_EXTEND_APPROVE,
        letter=LetterKind.EXTENSION,
        letter_extra={"days": days, "reason": reason.strip()},
        notify="extension",
    )
    return transition_apply(
        application=application, actor=actor, step=step, apply=apply
    )
