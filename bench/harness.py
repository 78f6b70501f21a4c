"""What the benchmarks in bench/ share (a helper, not a benchmark): a migrated
database for Django and an organisation to fill it with."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(workdir: Path, *, postgres: bool) -> None:
    """Django on a fresh SQLite file in `workdir` (DATABASE_URL unless
    `postgres`), migrated."""
    os.environ["GONGKAI_VAR_DIR"] = str(workdir)
    if not postgres:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def organisation_create(name: str, short_name: str, credit_code: str) -> Any:
    """A top-level city department."""
    from gongkai.core.models import Organisation

    org = Organisation.objects.create(
        name=name,
        short_name=short_name,
        kind="city_department",
        credit_code=credit_code,
        path="/",
    )
    org.path = f"/{org.pk}/"
    org.save(update_fields=["path"])
    return org
