"""API tokens for the staff API (`Authorization: Bearer <token>`).

Only a SHA-256 digest of the token is stored: the token itself is shown once,
when it is created (`manage.py api_token create USERNAME`). Tokens are long
random strings (secrets.token_urlsafe), so a fast unsalted digest is enough
to make a stolen table useless; the short prefix lets people tell their
tokens apart and revoke one without ever seeing it again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("用户"),
    )
    name = models.CharField(_("用途说明"), max_length=100, blank=True)
    prefix = models.CharField(_("令牌前缀"), max_length=12, db_index=True)
    digest = models.CharField(max_length=64, unique=True)  # sha256 hex
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("最近使用时间"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("接口令牌")
        verbose_name_plural = _("接口令牌")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
