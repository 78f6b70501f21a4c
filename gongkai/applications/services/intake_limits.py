"""Abuse limits of online intake, counted in Django's cache (Redis in production).

Fixed windows: new applications per client address per hour and per
applicant identity per calendar day; failed tracking look-ups per address per
hour. Keys hold keyed hashes, never addresses or ID numbers in clear.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext

from gongkai.core.errors import DomainError

HOUR = 3600
DAY = 86400


class RateLimited(DomainError):
    """Too many requests (HTTP 429); the message is Chinese."""

    status_code = 429


def intake_settings() -> dict[str, Any]:
    conf: dict[str, Any] = getattr(settings, "GONGKAI_INTAKE", {})
    return conf


def _digest(value: str) -> str:
    return salted_hmac("gongkai.applications.intake", value).hexdigest()[:32]


def client_address(meta: Mapping[str, Any]) -> str:
    """The client's address: REMOTE_ADDR, or the entry the trusted proxies added."""
    proxies = int(intake_settings().get("trusted_proxies", 0))
    if proxies > 0:
        hops = [h.strip() for h in str(meta.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= proxies:
            return hops[-proxies]
    return str(meta.get("REMOTE_ADDR") or "unknown")


def _incr(key: str, ttl: int) -> int:
    cache.add(key, 0, timeout=ttl)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=ttl)
        return 1


def _keys(address: str, identity_key: str, now: datetime) -> tuple[str, str]:
    local = timezone.localtime(now)
    return (
        f"gongkai:apply:addr:{_digest(address)}:{local:%Y%m%d%H}",
        f"gongkai:apply:id:{_digest(identity_key)}:{local:%Y%m%d}",
    )


def intake_throttle(
    *, address: str, identity_key: str, now: datetime | None = None
) -> None:
    """Count one new application; RateLimited when a limit is exceeded."""
    conf = intake_settings()
    address_key, identity_key_ = _keys(address, identity_key, now or timezone.now())
    if _incr(address_key, HOUR) > int(conf.get("per_address_per_hour", 10)):
        raise RateLimited(
            gettext("您提交申请过于频繁，请一小时后再试。如有急需，请联系受理机关。")
        )
    if _incr(identity_key_, DAY) > int(conf.get("per_identity_per_day", 5)):
        raise RateLimited(
            gettext(
                "同一申请人今日提交的申请已达上限，请明日再试，或采用信函等方式提交。"
            )
        )


def _track_key(address: str, now: datetime) -> str:
    local = timezone.localtime(now)
    return f"gongkai:apply:track:{_digest(address)}:{local:%Y%m%d%H}"


def track_attempt_check(*, address: str, now: datetime | None = None) -> None:
    """RateLimited once an address had too many failed look-ups this hour."""
    limit = int(intake_settings().get("track_failures_per_hour", 20))
    if int(cache.get(_track_key(address, now or timezone.now()), 0)) >= limit:
        raise RateLimited(gettext("查询失败次数过多，请一小时后再试。"))


def track_failure_record(*, address: str, now: datetime | None = None) -> None:
    _incr(_track_key(address, now or timezone.now()), HOUR)
