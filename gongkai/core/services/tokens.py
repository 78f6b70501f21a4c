"""API tokens: create (shown once), authenticate, revoke; all audited."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..audit import audit_record
from ..audit_types import AuditEventType
from ..errors import DomainError
from ..models import ApiToken, User

TOKEN_PREFIX = "gk_"
PREFIX_LENGTH = 10  # "gk_" and 7 characters, shown in listings
# last_used_at is a hint for people, not a log: write it at most this often.
LAST_USED_RESOLUTION = timedelta(minutes=5)


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(
    *, actor: User | None, user: User, name: str = ""
) -> tuple[ApiToken, str]:
    """A new token for `user`; the raw token is returned once and never stored."""
    if not user.is_active:
        raise DomainError(_("该账号已停用，不能创建接口令牌。"))
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=raw[:PREFIX_LENGTH], digest=token_digest(raw)
    )
    audit_record(
        actor=actor,
        event_type=AuditEventType.API_TOKEN_CREATED,
        target=token,
        after={"user": user.username, "name": token.name, "prefix": token.prefix},
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor: User | None, token: ApiToken) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise DomainError(_("该接口令牌已经撤销。"))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        event_type=AuditEventType.API_TOKEN_REVOKED,
        target=token,
        after={"user": token.user.username, "prefix": token.prefix},
    )
    return token


def api_token_authenticate(raw: str) -> User | None:
    """The active user holding this unrevoked token, or None."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
