from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from gongkai.core.models import Organisation


def _site_owner() -> Organisation | None:
    """The root organisation (the city government): the footer's contact."""
    return (
        Organisation.objects.filter(parent__isnull=True, is_active=True)
        .order_by("sort_order", "id")
        .first()
    )


def site_identity(request: HttpRequest) -> dict[str, Any]:
    """Site name, 网站标识码 and footer records for every template.

    The owner is loaded lazily: pages that do not show the footer never query.
    """
    return {
        "site": settings.GONGKAI_SITE,
        "site_owner": SimpleLazyObject(_site_owner),
        "large_text": request.COOKIES.get("gk_large_text") == "1",
    }
