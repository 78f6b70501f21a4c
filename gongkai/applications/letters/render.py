"""Rendering an administrator's template text, sandboxed.

The body is a Django template compiled by a plain `Engine` with no loaders
(no {% include %}/{% extends %} of files), no libraries beyond the built-in
tags and filters, and the context of `context.letter_context` (plain data,
never model instances). The text is rendered without autoescaping; the PDF
escapes the whole rendered text (`paragraphs` → html.py), so an applicant's
description can never inject markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.template import Context, Engine, Template, TemplateSyntaxError
from django.template.defaulttags import DebugNode
from django.template.loader_tags import ExtendsNode, IncludeNode
from django.utils.translation import gettext as _

# Tags that reach outside the context (the file system, the module table).
_FORBIDDEN_NODES = (DebugNode, ExtendsNode, IncludeNode)


@cache
def letter_engine() -> Engine:
    return Engine(loaders=[], libraries={}, autoescape=False, debug=False)


def letter_template_compile(source: str) -> Template:
    """Compile a template body; ValidationError (Chinese) when it would not work."""
    try:
        template = letter_engine().from_string(source)
    except TemplateSyntaxError as exc:
        raise ValidationError(
            _("模板语法错误：%(error)s"), code="template_syntax", params={"error": exc}
        ) from exc
    for node_type in _FORBIDDEN_NODES:
        if template.nodelist.get_nodes_by_type(node_type):
            raise ValidationError(
                _("模板不能使用 include、extends 或 debug 标签。"),
                code="template_forbidden_tag",
            )
    return template


def letter_render_text(template: str, context: Mapping[str, Any]) -> str:
    """The letter body: the template rendered over the context, tidied.

    Trailing spaces are dropped and runs of blank lines (left by {% if %}
    blocks) collapse to none: every non-empty line is one paragraph.
    """
    # Context's own autoescape wins over the engine's: plain text here.
    plain = Context(dict(context), autoescape=False)
    rendered = letter_template_compile(template).render(plain)
    lines = [line.rstrip() for line in rendered.splitlines()]
    return "\n".join(line for line in lines if line.strip())


@dataclass(frozen=True)
class LetterText:
    """What both formats print: title, body paragraphs and the seal block."""

    title: str
    paragraphs: tuple[str, ...]
    seal: tuple[str, ...]  # organisation name, date (right-aligned)
    footer: str  # e.g. the tracking code

    @property
    def text(self) -> str:
        parts = [self.title, *self.paragraphs, *self.seal]
        if self.footer:
            parts.append(self.footer)
        return "\n".join(parts)


def letter_compose(*, title: str, body: str, context: Mapping[str, Any]) -> LetterText:
    organisation = context.get("organisation", {}).get("name", "")
    tracking = context.get("application", {}).get("tracking_code", "")
    if context.get("kind") == "consultation":
        tracking = ""  # the third party never gets the applicant's key
    return LetterText(
        title=title,
        paragraphs=tuple(body.splitlines()),
        seal=(organisation, context.get("issued_on_full", "")),
        footer=_("查询码：%(code)s") % {"code": tracking} if tracking else "",
    )
