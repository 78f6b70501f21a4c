"""政府信息公开工作年度报告 (条例第四十九、五十条; 国办公开办函〔2021〕30号).

The tables are computed from the records (`compute`); the report row keeps
what people add: the narrative sections 一、五、六, the Table 2 cells that no
record in the platform feeds (licences, penalties, coercions, administrative
fees), the workflow and, once approved, a frozen copy of the tables so the
published numbers never move when the records change later.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ReportScope(models.TextChoices):
    OWN = "own", _("本机关")
    # A supervisor's report over its subtree (本级及所属下级机关合计).
    SUBTREE = "subtree", _("本机关及下级机关合计")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    APPROVED = "approved", _("已审定")
    PUBLISHED = "published", _("已发布")


# The Table 2 cells entered by hand while no enforcement records exist
# (spec §3.2: 第二十条第（五）、（六）、（八）项).
MANUAL_CELLS: tuple[str, ...] = ("licences", "penalties", "coercions", "charges")


class AnnualReport(models.Model):
    """One version of an organisation's report for one year and scope.

    A correction after publication is a new version (`version` + 1); the old
    one is kept, points at its successor through `superseded_by` and stays
    public with its document marked as amended.
    """

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="annual_reports",
        verbose_name=_("机关"),
    )
    year = models.PositiveSmallIntegerField(_("报告年度"))
    scope = models.CharField(
        _("统计范围"),
        max_length=10,
        choices=ReportScope.choices,
        default=ReportScope.OWN,
    )
    version = models.PositiveSmallIntegerField(_("版本"), default=1)
    is_current = models.BooleanField(default=True, editable=False)
    status = models.CharField(
        _("状态"),
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
    )

    # 一、总体情况; 五、存在的主要问题及改进情况; 六、其他需要报告的事项
    overview = models.TextField(_("一、总体情况"), blank=True)
    problems = models.TextField(_("五、存在的主要问题及改进情况"), blank=True)
    other_matters = models.TextField(_("六、其他需要报告的事项"), blank=True)

    # Table 2, entered by hand; each with where the figure came from.
    licences = models.PositiveIntegerField(_("行政许可处理决定数量"), default=0)
    licences_source = models.CharField(
        _("行政许可数据来源"), max_length=200, blank=True
    )
    penalties = models.PositiveIntegerField(_("行政处罚处理决定数量"), default=0)
    penalties_source = models.CharField(
        _("行政处罚数据来源"), max_length=200, blank=True
    )
    coercions = models.PositiveIntegerField(_("行政强制处理决定数量"), default=0)
    coercions_source = models.CharField(
        _("行政强制数据来源"), max_length=200, blank=True
    )
    charges = models.DecimalField(
        _("行政事业性收费金额（万元）"), max_digits=12, decimal_places=4, default=0
    )
    charges_source = models.CharField(
        _("行政事业性收费数据来源"), max_length=200, blank=True
    )

    # Frozen at approval: the API shape of compute.report_data (tables,
    # errors, warnings) so that the published figures never change.
    snapshot = models.JSONField(null=True, blank=True, editable=False)
    document = models.OneToOneField(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="annual_report",
        verbose_name=_("发布的文件"),
    )
    superseded_by = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supersedes",
        verbose_name=_("更正后的新版本"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "organisation__path", "scope", "-version"]
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "scope", "version"],
                name="annual_report_unique_version",
            ),
            # One working version per organisation, year and scope.
            models.UniqueConstraint(
                fields=["organisation", "year", "scope"],
                condition=Q(is_current=True),
                name="annual_report_one_current",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(snapshot__isnull=False),
                name="annual_report_frozen_unless_draft",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(document__isnull=False),
                name="annual_report_published_has_document",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year} v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("staff:report_detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == ReportStatus.DRAFT
