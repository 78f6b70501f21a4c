"""行政复议 and 行政诉讼 caused by disclosure work (annual report Table 4)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RemedyKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", _("行政复议")
    LITIGATION_DIRECT = "litigation_direct", _("未经复议直接起诉")
    LITIGATION_AFTER_RECONSIDERATION = (
        "litigation_after_reconsideration",
        _("复议后起诉"),
    )


class RemedyResult(models.TextChoices):
    MAINTAINED = "maintained", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")
    PENDING = "pending", _("尚未审结")


class RemedyCase(models.Model):
    """One reconsideration or lawsuit against an organisation's disclosure act.

    Usually about one of its applications; counted in Table 4 of the year it
    was filed, by its result at the end of that year.
    """

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="remedy_cases"
    )
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="remedies",
    )
    kind = models.CharField(_("类型"), max_length=40, choices=RemedyKind.choices)
    body = models.CharField(_("复议机关/法院"), max_length=100, blank=True)
    case_number = models.CharField(_("案号"), max_length=100, blank=True)
    filed_on = models.DateField(_("立案日期"))
    result = models.CharField(
        _("结果"),
        max_length=20,
        choices=RemedyResult.choices,
        default=RemedyResult.PENDING,
    )
    decided_on = models.DateField(_("审结日期"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("行政复议、行政诉讼")
        verbose_name_plural = _("行政复议、行政诉讼")
        indexes = [models.Index(fields=["organisation", "filed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(result="pending", decided_on__isnull=True)
                | (~models.Q(result="pending") & models.Q(decided_on__isnull=False)),
                name="remedy_decided_iff_not_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number}"
