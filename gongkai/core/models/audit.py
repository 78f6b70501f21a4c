from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..audit_types import AuditEventType


class AuditEvent(models.Model):
    """Append-only, hash-chained record of every state change.

    `hash` covers this row's content and `prev_hash`, so altering or deleting
    any row breaks the chain at that row (`manage.py audit verify`).
    """

    created_at = models.DateTimeField(_("时间"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_repr = models.CharField(_("操作人"), max_length=150, blank=True)
    # No `choices`: the enum grows with every app, and a migration per new
    # event type would only restate it. Values are checked when written.
    event_type = models.CharField(_("类型"), max_length=60)
    target_type = models.CharField(_("对象类型"), max_length=60)
    target_id = models.CharField(_("对象编号"), max_length=64)
    target_repr = models.CharField(_("对象"), max_length=255, blank=True)
    before = models.JSONField(_("变更前"), null=True, blank=True)
    after = models.JSONField(_("变更后"), null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计记录")

    def __str__(self) -> str:
        return f"#{self.pk} {self.event_type} {self.target_type}:{self.target_id}"

    def get_event_type_display(self) -> str:
        try:
            return str(AuditEventType(self.event_type).label)
        except ValueError:
            return self.event_type


class AuditChainHead(models.Model):
    """Single row locked while appending, so the chain never forks."""

    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"audit head #{self.last_id}"
