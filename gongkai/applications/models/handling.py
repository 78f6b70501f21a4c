"""The steps that pause or move the clock: correction, consultation, fee."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import ConsultationKind, FeeMethod


class CorrectionNotice(models.Model):
    """条例第三十条: one notice listing everything to correct (一次性告知)."""

    application = models.OneToOneField(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="correction_notice",
    )
    issued_on = models.DateField(_("通知日期"))
    items = models.TextField(_("需要补正的事项"))
    deadline = models.DateField(_("补正期限"))
    late = models.BooleanField(_("超过7个工作日发出"), default=False)
    corrected_on = models.DateField(_("补正日期"), null=True, blank=True)
    corrected_text = models.TextField(_("补正内容"), blank=True)

    class Meta:
        verbose_name = _("补正通知")
        verbose_name_plural = _("补正通知")

    def __str__(self) -> str:
        return f"{self.application_id} {self.issued_on}"


class ConsultationAnswer(models.TextChoices):
    CONSENTS = "consents", _("同意公开")
    OBJECTS = "objects", _("不同意公开")
    SILENT = "silent", _("逾期未答复")


class Consultation(models.Model):
    """条例第三十二、三十四条: a written consultation; the clock pauses."""

    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="consultations",
    )
    kind = models.CharField(_("类型"), max_length=20, choices=ConsultationKind.choices)
    party = models.CharField(_("被征求意见方"), max_length=200)
    party_address = models.CharField(_("联系地址"), max_length=200, blank=True)
    sent_on = models.DateField(_("发函日期"))
    delivered_on = models.DateField(_("送达日期"), null=True, blank=True)
    answer_due_on = models.DateField(_("答复期限"), null=True, blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    answer = models.CharField(
        _("意见"), max_length=20, choices=ConsultationAnswer.choices, blank=True
    )
    answer_note = models.TextField(_("意见说明"), blank=True)

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(answered_on__isnull=True),
                name="one_open_consultation_per_application",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} {self.party}"


class FeeDecision(models.Model):
    """国办函〔2020〕109号 (spec §2.3): one method per application."""

    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="fee"
    )
    method = models.CharField(_("计收方式"), max_length=20, choices=FeeMethod.choices)
    quantity = models.PositiveIntegerField(_("件数/页数"))
    pieces_before = models.PositiveIntegerField(_("本月此前件数"), default=0)
    amount = models.PositiveIntegerField(_("金额（元）"))
    breakdown = models.JSONField(_("分档明细"), default=list)
    issued_on = models.DateField(_("通知发出日期"))
    notice_received_on = models.DateField(_("通知送达日期"))
    payment_due_on = models.DateField(_("缴费期限"))
    paid_on = models.DateField(_("缴费日期"), null=True, blank=True)
    receipt_number = models.CharField(_("票据号码"), max_length=50, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("信息处理费")
        verbose_name_plural = _("信息处理费")
        constraints = [
            models.CheckConstraint(
                condition=Q(paid_on__isnull=True) | ~Q(receipt_number=""),
                name="fee_paid_has_receipt_number",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} {self.amount}"
