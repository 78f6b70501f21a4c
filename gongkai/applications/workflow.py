"""The application state machine as data (spec §1.6; architecture rule 1).

One literal table: which action may be taken from which status, and the
status it leads to (`None`: the status stays, e.g. an extension or an
assignment). `services.transitions.transition_apply` is the only place that
consults it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import InvalidTransition

from .models.applications import ApplicationStatus as S


class Action(models.TextChoices):
    CONFIRM = "confirm", _("确认收到申请")
    ASSIGN = "assign", _("分配承办人")
    CORRECTION_NOTICE = "correction_notice", _("发出补正通知")
    CORRECTION_RECEIVE = "correction_receive", _("登记补正")
    CORRECTION_EXPIRE = "correction_expire", _("逾期未补正")
    CONSULTATION_START = "consultation_start", _("征求意见")
    CONSULTATION_ANSWER = "consultation_answer", _("登记征求意见答复")
    EXTEND = "extend", _("延期答复")
    FEE_NOTICE = "fee_notice", _("发出收费通知")
    FEE_PAY = "fee_pay", _("登记缴费")
    FEE_EXPIRE = "fee_expire", _("逾期未缴费")
    REPLY = "reply", _("作出答复")
    REFER = "refer", _("告知负责机关")
    WITHDRAW = "withdraw", _("撤回申请")


@dataclass(frozen=True)
class Transition:
    sources: frozenset[S]
    target: S | None  # None: the status does not change


def _from(*statuses: S) -> frozenset[S]:
    return frozenset(statuses)


OPEN = _from(S.LODGED, S.RECEIVED, S.CORRECTION_REQUESTED, S.CONSULTING, S.AWAITING_FEE)
RECEIVED_OR_PAUSED = OPEN - {S.LODGED}

TRANSITIONS: dict[Action, Transition] = {
    Action.CONFIRM: Transition(_from(S.LODGED), S.RECEIVED),
    Action.ASSIGN: Transition(OPEN, None),
    Action.CORRECTION_NOTICE: Transition(_from(S.RECEIVED), S.CORRECTION_REQUESTED),
    Action.CORRECTION_RECEIVE: Transition(_from(S.CORRECTION_REQUESTED), S.RECEIVED),
    Action.CORRECTION_EXPIRE: Transition(_from(S.CORRECTION_REQUESTED), S.CLOSED),
    Action.CONSULTATION_START: Transition(_from(S.RECEIVED), S.CONSULTING),
    Action.CONSULTATION_ANSWER: Transition(_from(S.CONSULTING), S.RECEIVED),
    Action.EXTEND: Transition(_from(S.RECEIVED, S.CONSULTING), None),
    Action.FEE_NOTICE: Transition(_from(S.RECEIVED), S.AWAITING_FEE),
    Action.FEE_PAY: Transition(_from(S.AWAITING_FEE), S.RECEIVED),
    Action.FEE_EXPIRE: Transition(_from(S.AWAITING_FEE), S.CLOSED),
    Action.REPLY: Transition(_from(S.RECEIVED), S.CLOSED),
    Action.REFER: Transition(_from(S.RECEIVED), S.CLOSED),
    Action.WITHDRAW: Transition(OPEN, S.CLOSED),
}


def allowed_actions(status: S) -> list[Action]:
    return [action for action, t in TRANSITIONS.items() if status in t.sources]


def transition_target(status: S, action: Action) -> S:
    """The status after `action`; InvalidTransition when the table says no."""
    rule = TRANSITIONS[action]
    if status not in rule.sources:
        raise InvalidTransition(
            gettext("申请当前状态为“%(status)s”，不能%(action)s。")
            % {"status": S(status).label, "action": Action(action).label}
        )
    return rule.target or status
