"""How an applicant without an account reaches their own case, and nothing else.

- The receipt link: a signed, time-limited token naming the application,
  handed out once, right after lodging (web redirect, API `receipt_url`).
- The tracking grant: after the tracking code and the phone's last four
  digits matched, the session holds the application's id for a while; the
  status page and every download check that grant again.
"""

from __future__ import annotations

import time
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.urls import reverse

from .models import Application
from .services.intake_limits import intake_settings

RECEIPT_SALT = "gongkai.applications.receipt"
GRANTS_KEY = "applications_track_grants"
MAX_GRANTS = 5


def receipt_token(application: Application) -> str:
    return signing.dumps({"a": application.pk}, salt=RECEIPT_SALT, compress=True)


def receipt_path(application: Application) -> str:
    return reverse("public:apply:receipt", args=[receipt_token(application)])


def receipt_application(token: str) -> Application | None:
    """The application a receipt link names, if the link is genuine and fresh."""
    hours = int(intake_settings().get("receipt_link_hours", 24))
    try:
        data: Any = signing.loads(token, salt=RECEIPT_SALT, max_age=hours * 3600)
    except signing.BadSignature:
        return None
    pk = data.get("a") if isinstance(data, dict) else None
    if not isinstance(pk, int):
        return None
    return Application.objects.select_related("organisation").filter(pk=pk).first()


def _grants(session: SessionBase) -> dict[str, float]:
    raw = session.get(GRANTS_KEY)
    return raw if isinstance(raw, dict) else {}


def track_grant(session: SessionBase, application: Application) -> None:
    minutes = int(intake_settings().get("track_grant_minutes", 30))
    now = time.time()
    grants = {k: v for k, v in _grants(session).items() if v > now}
    grants[str(application.pk)] = now + minutes * 60
    newest = sorted(grants.items(), key=lambda kv: kv[1])[-MAX_GRANTS:]
    session[GRANTS_KEY] = dict(newest)


def track_granted(session: SessionBase, pk: int) -> bool:
    expires = _grants(session).get(str(pk))
    return isinstance(expires, int | float) and expires > time.time()
