"""Reading typed values out of one JSON object, collecting Chinese messages.

Every getter returns a value (or None) and appends a message for each
problem, so one pass reports everything wrong with a line.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from django.utils.translation import gettext

E = TypeVar("E", bound=Enum)


class Fields:
    """Typed access to one JSON object; `errors` lists what was wrong."""

    def __init__(self, data: Mapping[str, Any], errors: list[str], prefix: str = ""):
        self.data = data
        self.errors = errors
        self.prefix = prefix

    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def error(self, key: str, message: str) -> None:
        self.errors.append(
            gettext("字段“%(field)s”%(message)s")
            % {"field": self.name(key), "message": message}
        )

    def unknown(self, allowed: frozenset[str]) -> None:
        for key in sorted(set(self.data) - allowed):
            self.errors.append(
                gettext("未知字段“%(field)s”。") % {"field": self.name(key)}
            )

    def present(self, key: str, required: bool) -> bool:
        if self.data.get(key) is None:
            if required:
                self.error(key, gettext("必须填写。"))
            return False
        return True

    def text(self, key: str, *, max_length: int = 1000) -> str:
        if not self.present(key, False):
            return ""
        value = self.data[key]
        if not isinstance(value, str):
            self.error(key, gettext("应为字符串。"))
            return ""
        if len(value) > max_length:
            self.error(key, gettext("超过%(n)s个字符。") % {"n": max_length})
            return ""
        return value.strip()

    def day(self, key: str, *, required: bool = False) -> date | None:
        if not self.present(key, required):
            return None
        value = self.data[key]
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            self.error(
                key, gettext("不是有效日期（应为YYYY-MM-DD）：%(v)s。") % {"v": value}
            )
            return None

    def integer(
        self, key: str, *, minimum: int = 0, maximum: int | None = None
    ) -> int | None:
        if not self.present(key, False):
            return None
        value = self.data[key]
        if not isinstance(value, int) or isinstance(value, bool):
            self.error(key, gettext("应为整数。"))
            return None
        if value < minimum or (maximum is not None and value > maximum):
            bound = (
                gettext("应在%(a)s至%(b)s之间。") % {"a": minimum, "b": maximum}
                if maximum is not None
                else gettext("不能小于%(a)s。") % {"a": minimum}
            )
            self.error(key, bound)
            return None
        return value

    def choice(self, key: str, enum: type[E], *, required: bool = False) -> E | None:
        if not self.present(key, required):
            return None
        value = self.data[key]
        try:
            return enum(value)
        except ValueError:
            allowed = "、".join(str(member.value) for member in enum)
            self.error(
                key,
                gettext("取值“%(v)s”无效，可选：%(allowed)s。")
                % {"v": value, "allowed": allowed},
            )
            return None

    def obj(self, key: str) -> Mapping[str, Any] | None:
        if not self.present(key, False):
            return None
        value = self.data[key]
        if not isinstance(value, dict):
            self.error(key, gettext("应为对象。"))
            return None
        return value

    def array(self, key: str) -> list[Any]:
        if not self.present(key, False):
            return []
        value = self.data[key]
        if not isinstance(value, list):
            self.error(key, gettext("应为数组。"))
            return []
        return value
