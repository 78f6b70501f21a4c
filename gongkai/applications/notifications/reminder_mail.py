"""The officer reminder e-mail (Chinese, through gettext)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import ReminderKind
from .applicant import absolute_url
from .content import date_zh

if TYPE_CHECKING:
    from .reminders import ReminderDue


def _headline(reminder: ReminderDue) -> str:
    if reminder.kind == ReminderKind.OVERDUE:
        return _("已超过答复期限")
    if reminder.days_left is None:
        return _("即将到达答复期限")
    if reminder.days_left == 0:
        return _("今日到达答复期限")
    return _("距答复期限还有%(n)s个工作日") % {"n": reminder.days_left}


def _case_url(pk: int) -> str:
    return absolute_url(reverse("staff:application_detail", kwargs={"pk": pk}))


def reminder_subject(reminder: ReminderDue) -> str:
    with translation.override(settings.GONGKAI_DATA_LANGUAGE):
        return _("【办理提醒】%(headline)s：政府信息公开申请 %(code)s") % {
            "headline": _headline(reminder),
            "code": reminder.application.tracking_code,
        }


def reminder_body(reminder: ReminderDue) -> str:
    application = reminder.application
    with translation.override(settings.GONGKAI_DATA_LANGUAGE):
        lines = [
            _("%(org)s：") % {"org": application.organisation.name},
            "",
            _("政府信息公开申请 %(code)s %(headline)s。")
            % {"code": application.tracking_code, "headline": _headline(reminder)},
            _("申请人：%(name)s") % {"name": application.applicant_name},
            _("收到申请日期：%(d)s") % {"d": date_zh(application.received_on)},
            _("答复期限：%(d)s") % {"d": date_zh(reminder.due_on)},
        ]
        if reminder.kind == ReminderKind.OVERDUE:
            # 条例第五十二条: failing to reply in time is a ground for
            # correction orders and accountability.
            lines.append(
                _("该申请已逾期未答复，本提醒同时抄送机构负责人，请立即办理。")
            )
        else:
            lines.append(_("请在答复期限内作出答复（条例第三十三条）。"))
        lines += [
            "",
            _("办理入口：%(url)s") % {"url": _case_url(application.pk)},
            _("（本邮件由系统自动发送。）"),
        ]
    return "\n".join(lines)


def reminder_message(
    reminder: ReminderDue, *, to: list[str], cc: list[str]
) -> EmailMessage:
    return EmailMessage(
        subject=reminder_subject(reminder),
        body=reminder_body(reminder),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        cc=cc,
    )
