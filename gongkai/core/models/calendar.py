from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    HOLIDAY_OFF = "holiday_off", _("放假")
    ADJUSTED_WORKDAY = "adjusted_workday", _("调休上班")


class CalendarYear(models.Model):
    """One year's 放假调休 schedule as published by the State Council.

    A year is usable for legal deadlines only once `verified_at` is set; every
    save bumps `revision` above every other year's, and the highest revision is
    the calendar version recorded by stored deadlines.
    """

    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    source_doc_number = models.CharField(_("通知文号"), max_length=60, blank=True)
    source_title = models.CharField(_("通知标题"), max_length=200, blank=True)
    source_url = models.URLField(_("通知网址"), blank=True)
    notice_date = models.DateField(_("通知日期"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=1, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("年度工作日历")
        verbose_name_plural = _("年度工作日历")

    def __str__(self) -> str:
        return str(self.year)


class CalendarDay(models.Model):
    calendar_year = models.ForeignKey(
        CalendarYear, on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=DayKind.choices)
    holiday_name = models.CharField(_("节日"), max_length=30, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("节假日/调休日")
        verbose_name_plural = _("节假日/调休日")

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"


class StoredDeadline(models.Model):
    """A working-day deadline some record depends on.

    Kept so that entering or correcting a year's schedule can find and
    recompute every deadline whose counting window touched that year.
    `owner_kind` names the registered recomputer (see core.deadline_registry).
    """

    owner_kind = models.CharField(max_length=60)
    owner_id = models.CharField(max_length=64)
    start = models.DateField()
    working_days = models.PositiveIntegerField()
    due_on = models.DateField()
    provisional = models.BooleanField(default=False)
    calendar_version = models.PositiveIntegerField()
    first_year = models.PositiveSmallIntegerField()
    last_year = models.PositiveSmallIntegerField()
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner_kind", "owner_id"], name="unique_stored_deadline"
            )
        ]
        indexes = [models.Index(fields=["first_year", "last_year"])]

    def __str__(self) -> str:
        return f"{self.owner_kind}:{self.owner_id} → {self.due_on}"
