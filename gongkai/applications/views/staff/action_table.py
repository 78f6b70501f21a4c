"""The workflow actions as data: what each POST URL parses, calls and says.

One row per `workflow.Action`; `actions.action_view` turns a row into its
view, `detail` shows each allowed row's form, and the staff API posts the
same forms as JSON. A form is posted with the prefix `slug` and an invalid
one re-renders the case page with the errors in place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import InvalidTransition
from gongkai.core.models import User

from ... import services
from ...forms.staff.actions import (
    AssignForm,
    ConfirmForm,
    ConsultationAnswerForm,
    ConsultationStartForm,
    CorrectionNoticeForm,
    CorrectionReceiveForm,
    ExpireForm,
    ExtendForm,
    FeeNoticeForm,
    FeePaymentForm,
    ReferForm,
    ReplyForm,
    WithdrawForm,
)
from ...forms.staff.fields import ActionForm
from ...models import Application, Consultation
from ...workflow import Action

Call = Callable[[User, Application, dict[str, Any]], object]


@dataclass(frozen=True)
class ActionStep:
    """One action: its form, how its service is called, the message on success."""

    slug: str  # URL segment and form prefix
    form: type[ActionForm]
    call: Call
    success: str | Promise


def _plain(name: str) -> Call:
    """The service `name` called with application=, actor= and the form's data."""

    def call(user: User, application: Application, args: dict[str, Any]) -> object:
        service = getattr(services, name)
        return service(application=application, actor=user, **args)

    return call


def open_consultation(application: Application) -> Consultation:
    consultation = application.consultations.filter(answered_on__isnull=True).first()
    if consultation is None:
        raise InvalidTransition(gettext("该申请没有正在进行的征求意见。"))
    return consultation


def _answer(user: User, application: Application, args: dict[str, Any]) -> object:
    return services.consultation_answer(
        consultation=open_consultation(application), actor=user, **args
    )


def _reply(user: User, application: Application, args: dict[str, Any]) -> object:
    files = tuple(args.pop("attachments", None) or ())
    return services.application_reply(
        application=application, actor=user, files=files, **args
    )


ACTION_STEPS: dict[Action, ActionStep] = {
    Action.CONFIRM: ActionStep(
        "confirm", ConfirmForm, _plain("application_confirm"), _("已确认收到申请。")
    ),
    Action.ASSIGN: ActionStep(
        "assign", AssignForm, _plain("application_assign"), _("已分配承办人。")
    ),
    Action.CORRECTION_NOTICE: ActionStep(
        "correction-notice",
        CorrectionNoticeForm,
        _plain("correction_notice_issue"),
        _("补正通知已发出，答复期限暂停计算。"),
    ),
    Action.CORRECTION_RECEIVE: ActionStep(
        "correction",
        CorrectionReceiveForm,
        _plain("correction_receive"),
        _("补正已登记，答复期限自次日起重新计算。"),
    ),
    Action.CORRECTION_EXPIRE: ActionStep(
        "correction-expire",
        ExpireForm,
        _plain("correction_expire"),
        _("申请人逾期未补正，申请已办结。"),
    ),
    Action.CONSULTATION_START: ActionStep(
        "consultation",
        ConsultationStartForm,
        _plain("consultation_start"),
        _("征求意见函已登记，征求意见期间不计入答复期限。"),
    ),
    Action.CONSULTATION_ANSWER: ActionStep(
        "consultation-answer",
        ConsultationAnswerForm,
        _answer,
        _("征求意见答复已登记，恢复计算答复期限。"),
    ),
    Action.EXTEND: ActionStep(
        "extension", ExtendForm, _plain("application_extend"), _("已批准延期答复。")
    ),
    Action.FEE_NOTICE: ActionStep(
        "fee-notice",
        FeeNoticeForm,
        _plain("fee_notice_issue"),
        _("收费通知已发出，缴费期间不计入答复期限。"),
    ),
    Action.FEE_PAY: ActionStep(
        "fee-payment",
        FeePaymentForm,
        _plain("fee_payment_record"),
        _("缴费已登记，恢复计算答复期限。"),
    ),
    Action.FEE_EXPIRE: ActionStep(
        "fee-expire",
        ExpireForm,
        _plain("fee_expire"),
        _("申请人逾期未缴费，申请已办结。"),
    ),
    Action.REPLY: ActionStep("reply", ReplyForm, _reply, _("已作出答复，申请已办结。")),
    Action.REFER: ActionStep(
        "referral",
        ReferForm,
        _plain("application_refer"),
        _("已告知负责机关，申请已办结。"),
    ),
    Action.WITHDRAW: ActionStep(
        "withdrawal",
        WithdrawForm,
        _plain("application_withdraw"),
        _("已登记申请人撤回申请。"),
    ),
}


def form_key(action: Action) -> str:
    """The template's name for the action's form, e.g. `reply_form`."""
    return f"{action.value}_form"


def blank_form(action: Action, application: Application) -> ActionForm:
    step = ACTION_STEPS[action]
    return step.form(prefix=step.slug, application=application)
