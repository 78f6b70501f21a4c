"""`manage.py audit verify`: check the audit log's hash chain."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.core.audit import audit_verify
from gongkai.core.models import AuditEvent


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # read-only; usable on a broken site
    help = (
        "审计日志操作。verify：逐条核验哈希链，发现被改动或删除的记录时以非零状态退出。"
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        subcommands = parser.add_subparsers(dest="action", required=True)
        subcommands.add_parser("verify", help=_("核验审计日志哈希链"))

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "verify":
            self.verify()

    def verify(self) -> None:
        checked = AuditEvent.objects.count()
        problem = audit_verify()
        if problem is not None:
            raise CommandError(
                _("审计日志校验失败：%(problem)s") % {"problem": problem.message}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("审计日志完整：已核验 %(checked)s 条记录。") % {"checked": checked}
            )
        )
