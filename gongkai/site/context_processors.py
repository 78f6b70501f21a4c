from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site_identity(request: HttpRequest) -> dict[str, Any]:
    """Site name, 网站标识码 and footer records for every template."""
    return {
        "site": settings.GONGKAI_SITE,
        "large_text": request.COOKIES.get("gk_large_text") == "1",
    }
