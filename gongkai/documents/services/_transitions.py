"""The one place a document changes state: table, permission, audit."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import InvalidTransition, PermissionDenied
from gongkai.core.models import User
from gongkai.core.permissions import has_permission

from ..models import Document, DocumentStatus
from ..search_index import search_index_changed
from ..workflow import (
    ACTION_LABELS,
    ACTION_PERMISSIONS,
    DocumentAction,
    Transition,
    transition_for,
)


def audit_value(document: Document, field: str) -> Any:
    """A JSON-safe value for the audit log; the body only as a digest.

    The body may carry personal data that a reviewer is about to redact; the
    append-only log must not keep it.
    """
    if field == "body":
        return "sha256:" + hashlib.sha256(document.body.encode()).hexdigest()
    model_field = document._meta.get_field(field)
    assert isinstance(model_field, models.Field)
    value = getattr(document, model_field.attname)
    if isinstance(value, date):
        return value.isoformat()
    return value


def ensure_allowed(*, actor: User, document: Document, action: DocumentAction) -> None:
    """Raise unless the table allows `action` now and `actor` holds its permission."""
    if transition_for(document.status, action) is None:
        status = DocumentStatus(document.status).label
        raise InvalidTransition(
            _("文件当前状态为“%(status)s”，不能%(action)s。")
            % {"status": status, "action": ACTION_LABELS[action]}
        )
    permission = ACTION_PERMISSIONS[action]
    if not has_permission(actor, permission, document.organisation):
        raise PermissionDenied(
            _("您没有权限对该文件执行“%(action)s”。")
            % {"action": ACTION_LABELS[action]}
        )


def _transition_locked(
    *,
    actor: User | None,
    document: Document,
    action: DocumentAction,
    automatic: bool,
) -> Transition:
    """Re-read the status under lock, then check the table (and the permission,
    unless the system acts on its own)."""
    locked = Document.objects.select_for_update().only("status").get(pk=document.pk)
    document.status = locked.status
    if automatic:
        if transition_for(document.status, action) is None:
            raise InvalidTransition(
                _("文件当前状态不能%(action)s。") % {"action": ACTION_LABELS[action]}
            )
    else:
        if actor is None:
            raise ValueError("a non-automatic transition needs an actor")
        ensure_allowed(actor=actor, document=document, action=action)
    transition = transition_for(document.status, action)
    assert transition is not None
    return transition


def apply_transition(
    *,
    actor: User | None,
    document: Document,
    action: DocumentAction,
    changes: Mapping[str, Any] | None = None,
    event_type: AuditEventType | None = None,
    audit_extra: Mapping[str, Any] | None = None,
    automatic: bool = False,
    previous: Mapping[str, Any] | None = None,
) -> Document:
    """Apply one row of `workflow.TRANSITIONS` to `document` and audit it.

    The row is re-read under a lock so that two reviewers cannot both move
    the same document. `previous` gives the audit values of fields the caller
    already set on the instance (to validate them). `automatic=True` is for
    steps the system takes on its own (the automatic 退文 of an incomplete
    submission): the table is still checked, the permission is not, and the
    audit actor is 系统.
    """
    transition = _transition_locked(
        actor=actor, document=document, action=action, automatic=automatic
    )
    before, after = _changes_save(
        document, transition.target, changes or {}, previous or {}
    )
    audit_record(
        actor=None if automatic else actor,
        event_type=event_type or transition.event,
        target=document,
        before=before,
        after={"action": str(action), **after, **(audit_extra or {})},
    )
    return document


def _changes_save(
    document: Document,
    target: DocumentStatus,
    changes: Mapping[str, Any],
    previous: Mapping[str, Any],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Save `document` in status `target` with `changes`; return the audit
    values (before, after) of the fields that did change."""
    fields = ["status", *changes]
    before = {name: audit_value(document, name) for name in fields}
    before.update(previous)
    document.status = target
    for name, value in changes.items():
        setattr(document, name, value)
    document.save()
    search_index_changed(document)  # on commit: publish, withdraw, supersede …
    after = {name: audit_value(document, name) for name in fields}
    changed = [name for name in fields if before[name] != after[name]]
    return {n: before[n] for n in changed}, {n: after[n] for n in changed}


def pks(objects: Iterable[models.Model]) -> list[Any]:
    return sorted(obj.pk for obj in objects)
