"""`manage.py api_token create USERNAME [--name TEXT]`, `list [USERNAME]`,
`revoke PREFIX`: tokens for the staff API (Authorization: Bearer …)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.core.errors import DomainError
from gongkai.core.models import ApiToken, User
from gongkai.core.services.tokens import api_token_create, api_token_revoke


class Command(BaseCommand):
    help = "创建、列出或撤销工作人员接口令牌。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help=_("为用户创建令牌（仅显示一次）"))
        create.add_argument("username")
        create.add_argument("--name", default="", help=_("用途说明"))
        listing = sub.add_parser("list", help=_("列出令牌（不显示令牌本身）"))
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke", help=_("按前缀撤销令牌"))
        revoke.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except DomainError as exc:
            raise CommandError(exc.message) from exc

    def _create(self, options: dict[str, Any]) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(_("用户 %(u)s 不存在。") % {"u": options["username"]})
        _token, raw = api_token_create(actor=None, user=user, name=options["name"])
        self.stdout.write(raw)
        self.stderr.write(_("请妥善保存：令牌只显示这一次，系统仅保存其摘要。"))

    def _list(self, options: dict[str, Any]) -> None:
        tokens = ApiToken.objects.select_related("user")
        if options["username"]:
            tokens = tokens.filter(user__username=options["username"])
        for token in tokens:
            state = "revoked" if token.revoked_at else "active"
            used = token.last_used_at.isoformat() if token.last_used_at else "-"
            self.stdout.write(
                f"{token.prefix}\t{token.user.username}\t{state}\t"
                f"{token.created_at.isoformat()}\t{used}\t{token.name}"
            )

    def _revoke(self, options: dict[str, Any]) -> None:
        matches = list(ApiToken.objects.filter(prefix=options["prefix"]))
        if len(matches) != 1:
            raise CommandError(
                _("前缀 %(p)s 对应 %(n)s 个令牌，需恰好一个。")
                % {"p": options["prefix"], "n": len(matches)}
            )
        api_token_revoke(actor=None, token=matches[0])
        self.stdout.write(_("已撤销。"))
