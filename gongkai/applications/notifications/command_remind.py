"""`manage.py applications remind [--today YYYY-MM-DD]` (cron, daily)."""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from .daily import applications_daily_run


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--today", help=_("按该日期计算（YYYY-MM-DD，默认今天）"))


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    today = None
    if options.get("today"):
        try:
            today = date.fromisoformat(options["today"])
        except ValueError as exc:
            raise CommandError(_("日期格式应为 YYYY-MM-DD。")) from exc
    result = applications_daily_run(today=today)
    command.stdout.write(f"closed={result.closed} reminded={result.reminded}")
