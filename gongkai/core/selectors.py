"""Reads over organisations: the tree and what a user may act on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from .models import Organisation
from .permissions import PERMISSIONS, Permission, Scope, role_assignments

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from .models import User


def organisations_where(
    *, user: User | AnonymousUser, permission: Permission
) -> QuerySet[Organisation]:
    """Exactly the organisations where `has_permission(user, permission, o)`.

    Built from the same cached role assignments as `has_permission`, so it
    costs one query over organisations (plus the per-request role fetch).
    """
    assignments = role_assignments(user)
    condition = Q()
    matched = False
    for rule in PERMISSIONS[permission]:
        for assignment in assignments:
            if assignment.role not in rule.roles:
                continue
            if rule.scope is Scope.GLOBAL:
                return Organisation.objects.all()
            matched = True
            if rule.scope is Scope.OWN:
                condition |= Q(pk=assignment.organisation_id)
            else:
                condition |= Q(path__startswith=assignment.path)
    if not matched:
        return Organisation.objects.none()
    return Organisation.objects.filter(condition)


def subtree(organisation: Organisation) -> QuerySet[Organisation]:
    """The organisation and every organisation below it, in tree order."""
    return Organisation.objects.filter(path__startswith=organisation.path)


def ancestor_ids(organisation: Organisation) -> list[int]:
    """Ids from the root down to the parent (the organisation excluded)."""
    return [int(part) for part in organisation.path.strip("/").split("/")[:-1]]


def ancestors(organisation: Organisation) -> list[Organisation]:
    """The organisations above this one, root first."""
    ids = ancestor_ids(organisation)
    by_id = Organisation.objects.in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]
