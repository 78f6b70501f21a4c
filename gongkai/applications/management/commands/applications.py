"""`manage.py applications <subcommand>`: one command, one subparser each.

Each subcommand lives in its own module, which provides
`add_arguments(parser)` and `handle(command, options)`; add one by listing
it in SUBCOMMANDS.
"""

from __future__ import annotations

import importlib
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

# name → (module with add_arguments/handle, help text)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "import": (
        "gongkai.applications.importing.command",
        "导入历史申请（JSONL，每行一件；任何一行有误则全部不导入）",
    ),
    "remind": (
        "gongkai.applications.notifications.command_remind",
        "发送到期提醒并关闭逾期未补正/未缴费的申请（每日运行）",
    ),
    "schedule": (
        "gongkai.applications.notifications.command_schedule",
        "在任务队列中排入每日提醒（已排入则不重复）",
    ),
}


class Command(BaseCommand):
    help = "依申请公开的管理命令。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        for name, (module_name, help_text) in SUBCOMMANDS.items():
            module = importlib.import_module(module_name)
            module.add_arguments(sub.add_parser(name, help=help_text))

    def handle(self, *args: Any, **options: Any) -> None:
        module_name, _help = SUBCOMMANDS[options["subcommand"]]
        importlib.import_module(module_name).handle(self, options)
