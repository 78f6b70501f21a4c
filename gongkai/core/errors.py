"""Domain errors raised by services; `api/` and the view mixin map them to HTTP."""

from __future__ import annotations

from django.utils.translation import gettext as _


class DomainError(Exception):
    """A rule said no; `message` is shown to the person (Chinese)."""

    status_code = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidTransition(DomainError):
    status_code = 409


class PermissionDenied(DomainError):
    """The actor may not do this; objects they may not see answer 404 instead."""

    status_code = 403


class CalendarYearMissing(DomainError):
    status_code = 409

    def __init__(self, year: int) -> None:
        super().__init__(
            _(
                "%(year)s 年的放假调休安排尚未录入，无法按工作日计算该期限。"
                "请待国务院办公厅通知发布后由管理员录入。"
            )
            % {"year": year}
        )
        self.year = year
