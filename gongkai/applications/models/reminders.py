"""Reminders already sent to officers, so each one goes out once."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    DUE_IN_5 = "due_in_5", _("距答复期限5个工作日")
    DUE_IN_1 = "due_in_1", _("距答复期限1个工作日")
    OVERDUE = "overdue", _("已超过答复期限")


class ReminderSent(models.Model):
    """One reminder for one due date: a new due date (extension) gets its own."""

    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="reminders_sent",
    )
    kind = models.CharField(_("提醒类型"), max_length=12, choices=ReminderKind.choices)
    due_on = models.DateField(_("答复期限"))
    sent_on = models.DateField(_("提醒日期"))
    recipients = models.JSONField(_("收件人"), default=list)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("办理提醒")
        verbose_name_plural = _("办理提醒")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind", "due_on"], name="unique_reminder_sent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} {self.kind} {self.due_on}"
