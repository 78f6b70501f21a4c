"""Settings for `make run` on a developer's machine."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
GONGKAI_PUBLIC_URL = os.environ.get(
    "GONGKAI_PUBLIC_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
)
