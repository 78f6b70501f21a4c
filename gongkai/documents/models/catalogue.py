from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import StatutoryItem


class Topic(models.Model):
    """主题分类: the two-level tree of gov.cn's policy library (spec §5.3)."""

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("上级分类"),
    )
    name = models.CharField(_("名称"), max_length=50)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="unique_topic_name")
        ]
        verbose_name = _("主题分类")
        verbose_name_plural = _("主题分类")

    def __str__(self) -> str:
        return self.path_label

    @property
    def path_label(self) -> str:
        """Shown as gov.cn does: 一级\\二级."""
        if self.parent_id is None:
            return self.name
        return f"{self.parent}\\{self.name}"


class ColumnKind(models.TextChoices):
    GUIDE = "guide", _("政府信息公开指南")
    REGULATION = "regulation", _("政府信息公开制度")
    STATUTORY = "statutory", _("法定主动公开内容")
    ANNUAL_REPORT = "annual_report", _("政府信息公开年报")
    ON_APPLICATION = "on_application", _("依申请公开")
    CUSTOM = "custom", _("其他栏目")


class Column(models.Model):
    """A node of an organisation's disclosure catalogue (主动公开目录)."""

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="columns"
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("上级栏目"),
    )
    name = models.CharField(_("栏目名称"), max_length=100)
    slug = models.SlugField(_("栏目标识"), max_length=60)
    kind = models.CharField(
        _("栏目类型"),
        max_length=20,
        choices=ColumnKind.choices,
        default=ColumnKind.CUSTOM,
    )
    statutory_item = models.CharField(
        _("法定主动公开内容"), max_length=20, choices=StatutoryItem.choices, blank=True
    )
    description = models.CharField(_("栏目说明"), max_length=200, blank=True)
    update_interval_days = models.PositiveIntegerField(
        _("应更新周期（天）"),
        null=True,
        blank=True,
        help_text=_("留空表示无固定更新要求，供栏目更新监测使用。"),
    )
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"], name="unique_column_slug"
            )
        ]
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")

    def __str__(self) -> str:
        return f"{self.organisation.short_name} · {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("public:column", args=[self.organisation.credit_code, self.slug])
