"""`manage.py workdays add START N [--allow-provisional]` and `workdays between A B`."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.core.apis import InvalidInput, parse_date, parse_days
from gongkai.core.errors import CalendarYearMissing
from gongkai.core.workdays import add_working_days, working_days_between


class Command(BaseCommand):
    help = "按工作日日历计算期限（起算日当天不计）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help=_("起算日之后第 N 个工作日"))
        add.add_argument("start", help=_("起算日 YYYY-MM-DD"))
        add.add_argument("days", help=_("工作日数"))
        add.add_argument(
            "--allow-provisional",
            action="store_true",
            help=_("日历缺少的年份仅按周末计算，并标记为临时结果"),
        )
        between = sub.add_parser(
            "between", help=_("两日之间的工作日数（不含首日，含末日）")
        )
        between.add_argument("a", help=_("起算日 YYYY-MM-DD（不计）"))
        between.add_argument("b", help=_("截止日 YYYY-MM-DD（计入）"))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "add":
                self._add(options)
            else:
                self._between(options)
        except (InvalidInput, CalendarYearMissing) as exc:
            raise CommandError(str(exc)) from exc
        except OverflowError as exc:
            raise CommandError(_("计算结果超出可表示的日期范围。")) from exc

    def _add(self, options: dict[str, Any]) -> None:
        start = parse_date(options["start"], "START")
        days = parse_days(options["days"], "N")
        result = add_working_days(
            start, days, allow_provisional=options["allow_provisional"]
        )
        provisional = "true" if result.provisional else "false"
        self.stdout.write(
            f"{result.date.isoformat()} calendar_version={result.calendar_version}"
            f" provisional={provisional}"
        )
        if result.provisional:
            self.stderr.write(
                _("注意：计算跨入尚未录入放假安排的年份，结果仅按周末推算。")
            )

    def _between(self, options: dict[str, Any]) -> None:
        a = parse_date(options["a"], "A")
        b = parse_date(options["b"], "B")
        self.stdout.write(str(working_days_between(a, b)))
