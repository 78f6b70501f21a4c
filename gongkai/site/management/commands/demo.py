"""`manage.py demo load`: load (or complete) the demo city; safe to repeat."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from gongkai.site.demo.loader import demo_load


class Command(BaseCommand):
    help = "演示数据：load 加载鹤城市演示机关、用户、种子文件和生成文件（可重复执行）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["load"], help="load：加载演示数据")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] != "load":
            raise CommandError("未知操作。")
        report = demo_load()
        for message in report.messages:
            self.stdout.write(self.style.WARNING(message))
        self.stdout.write(
            self.style.SUCCESS(
                f"演示数据已就绪：新建机关 {report.organisations_created} 个，"
                f"种子文件 {report.seeds_found} 篇，"
                f"计划文件 {report.documents_planned} 篇，新建 {report.documents_created} 篇，"
                f"用时 {report.seconds:.1f} 秒。"
            )
        )
