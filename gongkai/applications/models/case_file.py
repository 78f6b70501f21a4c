from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationEventKind(models.TextChoices):
    """Entries of the case file (architecture rule 2)."""

    LODGED = "lodged", _("提交申请")
    RECEIVED = "received", _("收到申请")
    ASSIGNED = "assigned", _("分配承办人")
    CORRECTION_NOTICED = "correction_noticed", _("发出补正通知")
    CORRECTED = "corrected", _("收到补正材料")
    CONSULTATION_STARTED = "consultation_started", _("发出征求意见函")
    CONSULTATION_ANSWERED = "consultation_answered", _("收到征求意见答复")
    EXTENDED = "extended", _("延期答复")
    FEE_NOTICED = "fee_noticed", _("发出收费通知")
    FEE_PAID = "fee_paid", _("缴纳信息处理费")
    REFERRED = "referred", _("告知负责机关")
    REPLIED = "replied", _("作出答复")
    WITHDRAWN = "withdrawn", _("申请人撤回申请")
    CLOSED = "closed", _("办结")
    REMEDY_RECORDED = "remedy_recorded", _("登记复议诉讼")
    REMEDY_DECIDED = "remedy_decided", _("复议诉讼结果")
    NOTE = "note", _("办理记录")


class ApplicationEvent(models.Model):
    """One entry of the case file: shown to the applicant when
    `visible_to_applicant`, and the input of the deadline ledger."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(
        _("事项"), max_length=32, choices=ApplicationEventKind.choices
    )
    on = models.DateField(_("日期"))  # the legal date of the act
    at = models.DateTimeField(_("记录时间"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    visible_to_applicant = models.BooleanField(default=True)
    note = models.TextField(_("说明"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        ordering = ["on", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.application_id} {self.kind} {self.on}"
