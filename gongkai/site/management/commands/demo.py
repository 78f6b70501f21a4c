"""`manage.py demo load`: load (or complete) the demo city; safe to repeat."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.site.demo.loader import demo_load


class Command(BaseCommand):
    help = "演示数据：load 加载鹤城市演示机关、用户、种子文件和生成文件（可重复执行）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["load"], help=_("load：加载演示数据"))

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] != "load":
            raise CommandError(_("未知操作。"))
        report = demo_load()
        for message in report.messages:
            self.stdout.write(self.style.WARNING(message))
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "演示数据已就绪：新建机关 %(organisations)s 个，"
                    "种子文件 %(seeds)s 篇，"
                    "计划文件 %(planned)s 篇，新建 %(created)s 篇，"
                    "用时 %(seconds)s 秒。"
                )
                % {
                    "organisations": report.organisations_created,
                    "seeds": report.seeds_found,
                    "planned": report.documents_planned,
                    "created": report.documents_created,
                    "seconds": f"{report.seconds:.1f}",
                }
            )
        )
