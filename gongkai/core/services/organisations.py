"""Writes to the organisation tree; every one leaves an audit record.

The tree is a materialised path: `path` is the chain of ids from the root
("/1/4/17/"), so a subtree is one indexed prefix query. Only these functions
set it.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from ..audit import audit_record
from ..audit_types import AuditEventType
from ..errors import DomainError
from ..models import Organisation, User
from ..models.organisations import PROFILE_FIELDS

# Fields set by organisation_create/update. `parent` and `path` change only
# through organisation_move.
UPDATABLE_FIELDS = frozenset(
    {
        "name",
        "short_name",
        "kind",
        "credit_code",
        "index_number_format",
        *PROFILE_FIELDS,
        "sort_order",
        "is_active",
    }
)


def organisation_snapshot(organisation: Organisation) -> dict[str, Any]:
    """The audited state: every concrete field by column name."""
    return {
        field.attname: getattr(organisation, field.attname)
        for field in Organisation._meta.concrete_fields
    }


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"not updatable here: {', '.join(sorted(unknown))}")


def _normalise(fields: dict[str, Any]) -> dict[str, Any]:
    if isinstance(fields.get("credit_code"), str):
        fields["credit_code"] = fields["credit_code"].strip().upper()
    return fields


def _organisation_insert(
    parent: Organisation | None, fields: dict[str, Any]
) -> Organisation:
    """Validate and save a new row, then set its path (which needs its id)."""
    if parent is not None:
        # Read the parent's path under lock: a concurrent move cannot change it.
        parent = Organisation.objects.select_for_update().get(pk=parent.pk)
    organisation = Organisation(parent=parent, **fields)
    organisation.full_clean(exclude=["path"])
    organisation.save()
    parent_path = parent.path if parent is not None else "/"
    organisation.path = f"{parent_path}{organisation.pk}/"
    organisation.save(update_fields=["path"])
    return organisation


@transaction.atomic
def organisation_create(
    *,
    actor: User | None,
    parent: Organisation | None,
    name: str,
    short_name: str,
    kind: str,
    credit_code: str,
    **contact: Any,
) -> Organisation:
    """Create an organisation under `parent` (None for a root).

    Raises ValidationError (Chinese messages) for invalid fields, including a
    credit code with a wrong GB 32100 check character and an 索引号 format
    that is not usable (see core.index_number_format).
    """
    fields = _normalise(
        {
            "name": name,
            "short_name": short_name,
            "kind": kind,
            "credit_code": credit_code,
            **contact,
        }
    )
    _check_fields(fields)
    organisation = _organisation_insert(parent, fields)
    audit_record(
        actor=actor,
        event_type=AuditEventType.ORGANISATION_CREATED,
        target=organisation,
        after=organisation_snapshot(organisation),
    )
    return organisation


@transaction.atomic
def organisation_update(
    *, actor: User | None, organisation: Organisation, **fields: Any
) -> Organisation:
    """Change identity or profile fields; records only what changed.

    The row is re-read under lock, so `organisation` may already carry the
    new values (as a ModelForm leaves it) without hiding the old ones.
    """
    _check_fields(fields)
    fields = _normalise(fields)
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = organisation_snapshot(current)
    for name, value in fields.items():
        setattr(current, name, value)
    current.full_clean(exclude=["path"])
    after = organisation_snapshot(current)
    changed = sorted(k for k in after if after[k] != before[k])
    if changed:
        current.save(update_fields=changed)
        audit_record(
            actor=actor,
            event_type=AuditEventType.ORGANISATION_UPDATED,
            target=current,
            before={k: before[k] for k in changed},
            after={k: after[k] for k in changed},
        )
    for name in after:
        setattr(organisation, name, getattr(current, name))
    return current


def _lock_branches(*organisations: Organisation) -> dict[int, Organisation]:
    """Lock every given organisation and all its ancestors, fresh from the DB.

    A move changes the paths below the moved organisation, and any move that
    could change one of these paths must lock one of these ancestors, so
    holding them serialises every move that could interfere (including two
    moves that together would form a cycle). Locks are taken in id order to
    avoid deadlocks; if a path changed while waiting, the newly revealed
    ancestors are locked too.
    """
    wanted = {o.pk for o in organisations}
    locked: dict[int, Organisation] = {}
    while True:
        missing = wanted - set(locked)
        rows = Organisation.objects.select_for_update().filter(pk__in=missing)
        locked.update({o.pk: o for o in rows.order_by("pk")})
        wanted = set(locked)
        for pk in [o.pk for o in organisations]:
            wanted.update(int(p) for p in locked[pk].path.strip("/").split("/"))
        if wanted <= set(locked):
            return locked


@transaction.atomic
def organisation_move(
    *,
    actor: User | None,
    organisation: Organisation,
    new_parent: Organisation | None,
) -> Organisation:
    """Put `organisation` (with its subtree) under `new_parent`.

    Refuses to move an organisation under itself or one of its descendants.
    """
    involved = [organisation] if new_parent is None else [organisation, new_parent]
    locked = _lock_branches(*involved)
    current = locked[organisation.pk]
    parent = locked[new_parent.pk] if new_parent is not None else None
    if parent is not None and parent.path.startswith(current.path):
        raise DomainError(_("不能将机关调整到其自身或其下级机关之下。"))
    if current.parent_id == (parent.pk if parent is not None else None):
        return current
    old_path = current.path
    new_path = f"{parent.path if parent is not None else '/'}{current.pk}/"
    before = {"parent_id": current.parent_id, "path": old_path}
    # One UPDATE rewrites the prefix of every path in the subtree.
    Organisation.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
    )
    Organisation.objects.filter(pk=current.pk).update(parent=parent)
    current.refresh_from_db()
    audit_record(
        actor=actor,
        event_type=AuditEventType.ORGANISATION_MOVED,
        target=current,
        before=before,
        after={"parent_id": current.parent_id, "path": current.path},
    )
    organisation.parent = current.parent
    organisation.path = current.path
    return current
