"""Test settings. GONGKAI_TEST_POSTGRES=1 runs the same suite on PostgreSQL."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR

if os.environ.get("GONGKAI_TEST_POSTGRES") == "1":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ.get("GONGKAI_PG_NAME", "postgres"),
            "USER": os.environ.get("GONGKAI_PG_USER", "postgres"),
            "HOST": os.environ.get("GONGKAI_PG_HOST", "127.0.0.1"),
            "PORT": os.environ.get("GONGKAI_PG_PORT", "5432"),
            # One test database per run, so parallel runs on one server never clash.
            "TEST": {"NAME": f"test_gongkai_{os.getpid()}"},
        }
    }
else:
    # In-memory (shared-cache) SQLite: private to this run, live_server-safe.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": ":memory:",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at enqueue time (after commit); tests of the worker itself switch
# to the database backend with override_settings.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
GONGKAI_PUBLIC_URL = "http://testserver"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"
# The PostgreSQL run uses the production parts: Redis for the cache (rate
# limits), keys prefixed per run so parallel runs never share counters.
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ.get(
                "GONGKAI_TEST_REDIS_URL", "redis://127.0.0.1:6379/15"
            ),
            "KEY_PREFIX": f"test{os.getpid()}",
        }
        if os.environ.get("GONGKAI_TEST_POSTGRES") == "1"
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Static files come from the app folders (no collectstatic in tests); the
# empty root only keeps WhiteNoise from warning on every request.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = VAR_DIR / "test-static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Rebuilds in tests prepare in-process (spawning a worker per rebuild costs
# seconds); test_index_consistency runs one rebuild with a worker (on
# PostgreSQL: the in-memory SQLite database is private to this process).
GONGKAI_SEARCH = {**GONGKAI_SEARCH, "rebuild_workers": 0}  # noqa: F405
