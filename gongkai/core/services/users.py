"""Staff accounts and their organisation-scoped roles; every write is audited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils.translation import gettext as _

from ..audit import audit_record
from ..audit_types import AuditEventType
from ..errors import DomainError
from ..models import Organisation, Role, RoleAssignment, User
from ..permissions import forget_role_assignments


def user_snapshot(user: User) -> dict[str, Any]:
    """What the audit log keeps about an account (never the password hash)."""
    return {
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
    }


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    display_name: str = "",
    email: str = "",
    is_system_admin: bool = False,
) -> User:
    """Create a staff account.

    The password must pass Django's validators (AUTH_PASSWORD_VALIDATORS) and
    is stored with the first configured hasher (Argon2). Raises
    ValidationError with Chinese messages. `is_system_admin` makes the account
    `is_staff` and `is_superuser`, so it can open Django admin (/admin/); the
    audit record's snapshot shows both flags.
    """
    user = User(username=username, display_name=display_name, email=email)
    user.is_staff = user.is_superuser = is_system_admin
    user.full_clean(exclude=["password"])
    validate_password(password, user)
    user.set_password(password)
    user.save()
    audit_record(
        actor=actor,
        event_type=AuditEventType.USER_CREATED,
        target=user,
        after=user_snapshot(user),
    )
    return user


def _assignment_snapshot(assignment: RoleAssignment) -> dict[str, Any]:
    return {
        "user_id": assignment.user_id,
        "organisation_id": assignment.organisation_id,
        "role": assignment.role,
    }


@transaction.atomic
def role_grant(
    *, actor: User | None, user: User, organisation: Organisation, role: Role | str
) -> RoleAssignment:
    """Give `user` `role` in `organisation`; granting a held role is a no-op."""
    role = Role(role)
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, organisation=organisation, role=role
    )
    if created:
        audit_record(
            actor=actor,
            event_type=AuditEventType.ROLE_GRANTED,
            target=assignment,
            after=_assignment_snapshot(assignment),
        )
    forget_role_assignments(user)
    return assignment


@transaction.atomic
def role_revoke(
    *, actor: User | None, user: User, organisation: Organisation, role: Role | str
) -> None:
    """Take `role` in `organisation` away from `user`."""
    role = Role(role)
    assignment = (
        RoleAssignment.objects.select_for_update()
        .filter(user=user, organisation=organisation, role=role)
        .first()
    )
    if assignment is None:
        raise DomainError(_("该用户在此机关没有这一角色。"))
    # Recorded before the delete so the record still names the assignment.
    audit_record(
        actor=actor,
        event_type=AuditEventType.ROLE_REVOKED,
        target=assignment,
        before=_assignment_snapshot(assignment),
    )
    assignment.delete()
    forget_role_assignments(user)
