"""Settings shared by every environment.

Values the spec tags [P] or [M] (practice, not verified law) are settings with
the spec's default so that a locality can change them without code changes.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("GONGKAI_VAR_DIR", BASE_DIR / "var"))
SHARED_DIR = Path(os.environ.get("GONGKAI_SHARED_DIR", BASE_DIR.parent / "shared"))

SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "insecure-development-key-change-me-in-production-0123456789"
)
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "gongkai.core",
    "gongkai.search",
    "gongkai.documents",
    "gongkai.applications",
    "gongkai.reports",
    "gongkai.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware that follows the person's choice (language cookie set
    # by /i18n/setlang/), never the browser's Accept-Language.
    "gongkai.site.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.site.context_processors.site_identity",
            ],
        },
    }
]


def _database() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=60))
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(VAR_DIR / "gongkai.sqlite3"),
        # WAL and a busy timeout let the web server and the worker share the file.
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON;"
            ),
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:dashboard"

# Login throttling (django-axes): lock a username+address pair after 5 failures.
AXES_FAILURE_LIMIT = int(os.environ.get("GONGKAI_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "staff/locked_out.html"

# Every page is served in zh-hans unless the person chooses English (the
# second catalogue, locale/en) with the language switch; the browser's
# Accept-Language never decides (gongkai.site.middleware), so a page never
# comes out in a language nobody asked for.
LANGUAGE_CODE = os.environ.get("GONGKAI_LANGUAGE", "zh-hans")
# Seeded data (catalogue column names …) is stored in this language whatever
# language the person creating it uses.
GONGKAI_DATA_LANGUAGE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage",
    },
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Background work (docs/architecture.md): django-tasks with its database
# backend; `manage.py db_worker` runs the queue (make run starts it).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# E-mail to applicants and officers (sent only by the task worker).
DEFAULT_FROM_EMAIL = os.environ.get(
    "GONGKAI_FROM_EMAIL", "鹤城市人民政府信息公开 <noreply@hecheng.gov.cn>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("GONGKAI_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("GONGKAI_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("GONGKAI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("GONGKAI_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("GONGKAI_EMAIL_TLS", "0") == "1"
EMAIL_TIMEOUT = 30
# Links in e-mails (the public tracking page, the back office).
GONGKAI_PUBLIC_URL = os.environ.get("GONGKAI_PUBLIC_URL", "https://www.hecheng.gov.cn")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Public site identity: the <meta> tags of the 政府网站发展指引 web-page annex
# and the footer of every page (spec §4.2, [M]).
GONGKAI_SITE = {
    "name": os.environ.get("GONGKAI_SITE_NAME", "鹤城市人民政府信息公开平台"),
    "domain": os.environ.get("GONGKAI_SITE_DOMAIN", "www.hecheng.gov.cn"),
    "id_code": os.environ.get("GONGKAI_SITE_ID_CODE", "0000000001"),
    "icp": os.environ.get("GONGKAI_SITE_ICP", "示例ICP备00000000号"),
    "police_record": os.environ.get(
        "GONGKAI_SITE_POLICE", "示例公网安备00000000000000号"
    ),
    "sponsor": os.environ.get("GONGKAI_SITE_SPONSOR", "鹤城市人民政府办公室"),
}

# Statutory and local limits (spec §8). Values tagged [V] in the spec are
# law; [P]/[M] ones are local practice and may be changed here.
GONGKAI_LIMITS = {
    "proactive_publish_limit_wd": 20,  # 条例第二十六条 [V]
    "normative_doc_publish_limit_wd": 5,  # local 规范性文件管理办法 [M]
}

# Attachments (documents): what may be uploaded and how large.
GONGKAI_ATTACHMENT_MAX_BYTES = int(
    os.environ.get("GONGKAI_ATTACHMENT_MAX_BYTES", str(20 * 1024 * 1024))
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Work calendar (spec §7.4): a year entered by one administrator counts for
# legal deadlines only after a second administrator verifies it.
GONGKAI_CALENDAR_TWO_PERSON_CHECK = (
    os.environ.get("GONGKAI_CALENDAR_TWO_PERSON_CHECK", "1") == "1"
)
# From this (month, day) on, `manage.py check` warns that next year's
# schedule is missing (notices come out between late October and December).
GONGKAI_CALENDAR_WARN_FROM = (10, 1)

# Full-text search (gongkai.search). The backend follows the database vendor
# (SQLite FTS5 or PostgreSQL tsvector/GIN); these only tune it.
GONGKAI_SEARCH = {
    # Practice values [M], measured in bench/search.py (README). Matches
    # ranked in the application per query (title/phrase/validity/date): the
    # newest this many and as many title matches; beyond this window (12
    # pages of 20) results follow in date order. 500 cost 2.5 ms more per
    # search at 1,000,000 documents (p50 10.0 → 7.5 ms with the sample below).
    "candidates": int(os.environ.get("GONGKAI_SEARCH_CANDIDATES", "250")),
    # Matches counted one by one (exact total and facets) ...
    "count_limit": 1000,
    # ... and above it the newest matches the estimate is scaled from, and
    # the entries their share of matches is measured on (`search.estimate`).
    "estimate_sample": 250,
    "estimate_window": 3000,
    "page_size": 20,
    "max_query_length": 200,
    "log_days": 30,
}

# Disclosure on application (gongkai.applications; spec §1.4, §8). Periods in
# working days. [V] values are law; [M]/[P] ones are practice, set here.
GONGKAI_APPLICATIONS = {
    "reply_limit_wd": 20,  # 条例第三十三条 [V]
    "extension_max_wd": 20,  # 条例第三十三条 [V]; once, before the due date [M]
    "correction_notice_limit_wd": 7,  # 条例第三十条 [V]
    "third_party_reply_limit_wd": 15,  # 条例第三十二条 [V]
    "co_producer_reply_limit_wd": 15,  # 条例第三十四条 [V], silence = consent
    # Pauses (consultation letter → answer, fee notice → payment) include
    # their first and last day (spec §7.5 example D) [M].
    "pause_includes_start_day": True,
    "pause_includes_end_day": True,
    # A receipt by confirmation (online, fax, e-mail, ordinary post) recorded
    # on a rest day counts from the next working day (spec §7.5 example N) [M].
    "confirmation_on_rest_day_rolls": True,
}

# Online applications (/apply/ and POST /api/v1/applications): abuse limits
# counted in the cache (Redis in production), identity proofs, receipt links.
GONGKAI_INTAKE = {
    "per_address_per_hour": int(os.environ.get("GONGKAI_APPLY_PER_IP_HOUR", "10")),
    "per_identity_per_day": int(os.environ.get("GONGKAI_APPLY_PER_ID_DAY", "5")),
    # Failed tracking look-ups (wrong code or digits) per address per hour.
    "track_failures_per_hour": 20,
    # Proxies in front of the app that append to X-Forwarded-For (0: use
    # REMOTE_ADDR, the right value without a proxy).
    "trusted_proxies": int(os.environ.get("GONGKAI_TRUSTED_PROXIES", "0")),
    "proof_max_bytes": 5 * 1024 * 1024,
    # The same applicant, organisation and request within this many minutes
    # is one application (a retry without an idempotency key).
    "duplicate_window_minutes": 30,
    "receipt_link_hours": 24,  # how long the signed receipt link works
    "track_grant_minutes": 30,  # a successful look-up opens downloads this long
    "tracking_code_length": 16,
}

# 信息处理费 (国办函〔2020〕109号, spec §2). Amounts in 元.
GONGKAI_FEES = {
    # 按件计收: cumulative pieces of one applicant in a calendar month.
    "piece_free": 10,  # pieces 1–10 free [V]
    "piece_first_rate": 100,  # pieces 11–30: 100 元 each [V]
    "piece_first_band_last": 30,
    "piece_step": 10,  # then bands of 10 pieces… [V]
    "piece_step_increase": 100,  # …each 100 元 dearer per piece [P]
    # 按量计收: pages of one application; (first page of the band, 元/page).
    "page_bands": [(1, 0), (31, 10), (101, 20), (201, 40)],  # [V]
    "payment_limit_wd": 20,  # from the day after the notice arrives [P]
    # Which applications of the same identity count towards the monthly piece
    # number: "organisation" (to the charging organ only) or "all" (any
    # organisation in the system) [M].
    "piece_count_scope": "organisation",
}
