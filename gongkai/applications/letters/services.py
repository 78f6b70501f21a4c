"""Issuing letters and editing their templates."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import PermissionDenied
from gongkai.core.models import User
from gongkai.core.permissions import Permission, has_permission

from ..models import Application, Letter, LetterKind, LetterTemplate
from .context import letter_context
from .defaults import letter_default
from .formats import letter_docx, letter_pdf
from .render import (
    LetterText,
    letter_compose,
    letter_render_text,
    letter_template_compile,
)


def letter_template_for(kind: LetterKind | str, outcome: str = "") -> tuple[str, str]:
    """(title, body) in force: the stored row, else the built-in default."""
    kind = LetterKind(kind)
    outcome = outcome if kind == LetterKind.REPLY else ""
    row = LetterTemplate.objects.filter(kind=kind, outcome=outcome).first()
    if row is not None:
        return row.title, row.body
    return letter_default(kind, outcome)


def _outcome(
    application: Application, kind: LetterKind, extra: Mapping[str, Any]
) -> str:
    if kind != LetterKind.REPLY:
        return ""
    return str(extra.get("outcome") or application.outcome or "other")


def letter_build(
    *,
    application: Application,
    kind: LetterKind | str,
    issued_on: date,
    extra: Mapping[str, Any] | None = None,
    title: str | None = None,
    body: str | None = None,
) -> LetterText:
    """The letter's text; `title`/`body` override the stored template (preview)."""
    kind = LetterKind(kind)
    extra = extra or {}
    stored_title, stored_body = letter_template_for(
        kind, _outcome(application, kind, extra)
    )
    context = letter_context(application, kind, extra, issued_on=issued_on)
    text = letter_render_text(stored_body if body is None else body, context)
    return letter_compose(
        title=stored_title if title is None else title, body=text, context=context
    )


@transaction.atomic
def letter_issue(
    *,
    application: Application,
    kind: LetterKind,
    issued_on: date,
    extra: Mapping[str, Any] | None = None,
) -> Letter:
    """Render the template of `kind` into text, DOCX and PDF; store a Letter.

    The files get unguessable names (the letter carries the applicant's name);
    they are written before the row, so a rolled-back transaction may leave
    an orphan file but never a row without its files.
    """
    built = letter_build(
        application=application, kind=kind, issued_on=issued_on, extra=extra
    )
    letter = Letter(
        application=application,
        kind=LetterKind(kind),
        title=built.title[:100],
        text=built.text,
        issued_on=issued_on,
    )
    stem = f"{LetterKind(kind).value}-{secrets.token_urlsafe(16)}"
    letter.docx.save(f"{stem}.docx", ContentFile(letter_docx(built)), save=False)
    letter.pdf.save(f"{stem}.pdf", ContentFile(letter_pdf(built)), save=False)
    letter.save()
    return letter


def letter_preview(
    *,
    application: Application,
    kind: LetterKind | str,
    issued_on: date,
    title: str | None = None,
    body: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> LetterText:
    """What `letter_issue` would print, without storing anything."""
    return letter_build(
        application=application,
        kind=kind,
        issued_on=issued_on,
        extra=extra,
        title=title,
        body=body,
    )


@transaction.atomic
def letter_template_save(
    *, actor: User, template: LetterTemplate, title: str, body: str
) -> LetterTemplate:
    """An administrator edits a template; it must compile (sandboxed engine)."""
    if not has_permission(actor, Permission.LETTER_TEMPLATE_MANAGE, None):
        raise PermissionDenied(_("您没有管理文书模板的权限。"))
    title = title.strip()
    if not title:
        raise ValidationError({"title": [_("请填写标题。")]})
    if not body.strip():
        raise ValidationError({"body": [_("请填写正文模板。")]})
    try:
        letter_template_compile(body)
    except ValidationError as exc:
        raise ValidationError({"body": exc.messages}) from exc
    before = {"title": template.title, "body": template.body} if template.pk else None
    template.title, template.body, template.updated_by = title[:100], body, actor
    template.save()
    audit_record(
        actor=actor,
        event_type=AuditEventType.LETTER_TEMPLATE_SAVED,
        target=template,
        before=before,
        after={"title": template.title, "body": template.body},
    )
    return template
