"""`manage.py applications import FILE.jsonl [--actor USERNAME] [--force]`."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.core.errors import DomainError
from gongkai.core.models import User

from .run import ImportRejected, applications_import_file

SHOWN_ERRORS = 500  # lines reported one by one; the rest are counted


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("file", help=_("JSONL 文件（每行一件历史申请）"))
    parser.add_argument("--actor", help=_("记入审计日志的操作人用户名"))
    parser.add_argument(
        "--force", action="store_true", help=_("允许再次导入内容相同的文件")
    )


def _actor(username: str | None) -> User | None:
    if not username:
        return None
    try:
        return User.objects.get(username=username)
    except User.DoesNotExist as exc:
        raise CommandError(_("用户“%(u)s”不存在。") % {"u": username}) from exc


def _report(command: BaseCommand, rejected: ImportRejected) -> None:
    for error in rejected.errors[:SHOWN_ERRORS]:
        for message in error.messages:
            line = _("第%(line)s行：%(message)s") % {
                "line": error.line,
                "message": message,
            }
            command.stderr.write(line)
    hidden = len(rejected.errors) - SHOWN_ERRORS
    if hidden > 0:
        command.stderr.write(_("……另有%(n)s行有误，未逐一列出。") % {"n": hidden})


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    path = Path(options["file"])
    if not path.is_file():
        raise CommandError(_("找不到文件 %(path)s。") % {"path": path})
    actor = _actor(options.get("actor"))
    started = time.monotonic()
    try:
        result = applications_import_file(
            path=path, actor=actor, allow_repeat=bool(options.get("force"))
        )
    except ImportRejected as rejected:
        _report(command, rejected)
        raise CommandError(rejected.message) from rejected
    except DomainError as exc:
        raise CommandError(exc.message) from exc
    command.stdout.write(
        _(
            "已导入%(n)s件申请（其中未办结%(open)s件，办理记录%(events)s条），"
            "涉及%(orgs)s个机关，批次%(batch)s，用时%(s)s秒。"
        )
        % {
            "n": result.created,
            "open": result.open_cases,
            "events": result.events,
            "orgs": len(result.by_organisation),
            "batch": result.batch,
            "s": f"{time.monotonic() - started:.1f}",
        }
    )
