"""What each kind of applicant e-mail says (Chinese, through gettext)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _

from ..models import Application, ApplicationStatus

Lines = tuple[str, list[str]]


def date_zh(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


_d = date_zh


def _due_line(application: Application) -> list[str]:
    if application.due_on is None:
        return []
    line = _("答复期限：%(due)s") % {"due": _d(application.due_on)}
    if application.due_provisional:
        line += _("（暂定，待国务院公布下一年度节假日安排后确定）")
    return [line]


def _receipt(application: Application) -> Lines:
    title = _("政府信息公开申请已收到")
    if application.status == ApplicationStatus.LODGED:
        # 条例第三十一条第（三）项: online, received on the day both confirm.
        lines = [
            _("我们已收到您通过互联网提交的政府信息公开申请。"),
            _("工作人员确认后，以双方确认之日为收到申请之日，并自该日起计算答复期限。"),
        ]
        return title, lines
    lines = [
        _("%(org)s已收到您的政府信息公开申请。")
        % {"org": application.organisation.name},
    ]
    if application.received_on:
        lines.append(_("收到申请日期：%(d)s") % {"d": _d(application.received_on)})
    # 条例第三十三条: 20 working days from receipt.
    return title, lines + _due_line(application)


def _correction(application: Application) -> Lines:
    # 条例第三十条: one notice with everything to correct, and a deadline.
    lines = [_("您的申请内容不够明确，请在补正期限内补正以下事项：")]
    try:
        notice = application.correction_notice
    except ObjectDoesNotExist:
        notice = None
    if notice is not None:
        lines += [notice.items, _("补正期限：%(d)s") % {"d": _d(notice.deadline)}]
    lines.append(
        _("答复期限自收到补正后的申请之日起重新计算；逾期未补正的，视为放弃申请。")
    )
    return _("政府信息公开申请需要补正"), lines


def _extension(application: Application) -> Lines:
    # 条例第三十三条第二款: extension of at most 20 working days, approved.
    lines = [
        _("经本机关负责人同意，您的申请答复期限延长%(days)s个工作日。")
        % {"days": application.extension_days},
        *_due_line(application),
    ]
    return _("政府信息公开申请延期答复"), lines


def _fee(application: Application) -> Lines:
    # 国办函〔2020〕109号: pay within 20 working days or the request lapses.
    lines = [_("您申请的政府信息数量、频次明显超过合理范围，需按规定收取信息处理费。")]
    try:
        fee = application.fee
    except ObjectDoesNotExist:
        fee = None
    if fee is not None:
        lines += [
            _("金额：%(amount)s元") % {"amount": fee.amount},
            _("缴费期限：%(d)s") % {"d": _d(fee.payment_due_on)},
        ]
    lines.append(_("答复期限自收到费用之日起计算；逾期未缴纳的，视为放弃申请。"))
    return _("政府信息公开申请收费通知"), lines


def _reply(application: Application) -> Lines:
    lines = [
        _("我们已对您的政府信息公开申请作出答复。"),
        _("办理结果：%(outcome)s") % {"outcome": application.get_outcome_display()},
    ]
    if application.closed_on:
        lines.append(_("答复日期：%(d)s") % {"d": _d(application.closed_on)})
    lines.append(
        _("如对答复不服，可依法申请行政复议或者提起行政诉讼（条例第五十一条）。")
    )
    return _("政府信息公开申请已答复"), lines


def _referral(application: Application) -> Lines:
    # 条例第三十六条第（五）项: tell the applicant who holds the information.
    name = application.referred_to_name or (
        application.referred_to.name if application.referred_to else ""
    )
    lines = [_("您申请的政府信息不属于本机关负责公开。")]
    if name:
        lines.append(_("负责公开该政府信息的机关：%(name)s") % {"name": name})
    return _("政府信息公开申请告知"), lines


def _withdrawal(application: Application) -> Lines:
    lines = [_("您已撤回政府信息公开申请，本申请办理终结。")]
    return _("政府信息公开申请已撤回"), lines


KIND_BUILDERS: dict[str, Callable[[Application], Lines]] = {
    "receipt": _receipt,
    "correction": _correction,
    "extension": _extension,
    "fee": _fee,
    "reply": _reply,
    "referral": _referral,
    "withdrawal": _withdrawal,
}


def kind_lines(application: Application, kind: str) -> Lines:
    """(title, body lines) for one kind; ValueError for an unknown kind."""
    try:
        builder = KIND_BUILDERS[kind]
    except KeyError:
        raise ValueError(f"unknown applicant notification kind: {kind}") from None
    return builder(application)
