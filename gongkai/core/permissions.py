"""The one declared permission table over organisation-scoped roles.

A role is held in one organisation (`RoleAssignment`). A rule grants a
permission to some roles with a scope:

- `OWN`: the role is assigned in exactly the organisation concerned;
- `SUBTREE`: the role is assigned in that organisation or in an ancestor
  (上级机关 reach down into their 下级);
- `GLOBAL`: the role is assigned in any organisation (system-wide duties such
  as the working-day calendar); the organisation argument is ignored.

A permission may carry several rules (e.g. a head edits its own catalogue, an
administrator every catalogue in its subtree). Superusers get nothing here:
`is_superuser` only opens Django admin for system administrators.

`gongkai.core.selectors.organisations_where` lists exactly the organisations
`has_permission` allows; tests/test_permissions.py checks that the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from .models import Organisation, Role, RoleAssignment

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from .models import User


class Scope(StrEnum):
    OWN = "own"
    SUBTREE = "subtree"
    GLOBAL = "global"


class Permission(StrEnum):
    DOCUMENT_VIEW_UNPUBLISHED = "document.view_unpublished"
    DOCUMENT_EDIT = "document.edit"
    DOCUMENT_SUBMIT = "document.submit"
    # 保密审查, decisions on PII findings, approve and return (退文).
    DOCUMENT_REVIEW = "document.review"
    DOCUMENT_PUBLISH = "document.publish"
    DOCUMENT_WITHDRAW = "document.withdraw"
    DOCUMENT_SUPERSEDE = "document.supersede"
    CATALOGUE_MANAGE = "catalogue.manage"
    # Structure and identity: create, move, rename, credit code.
    ORGANISATION_MANAGE = "organisation.manage"
    # Profile and disclosure-office details that feed the guide (条例第十二条).
    ORGANISATION_PROFILE_EDIT = "organisation.profile_edit"
    USER_MANAGE = "user.manage"
    CALENDAR_MANAGE = "calendar.manage"
    DASHBOARD_VIEW = "dashboard.view"
    # 依申请公开: the case with the applicant's personal data.
    APPLICATION_VIEW = "application.view"
    # Record, confirm, correct, consult, fee, reply, refer, close.
    APPLICATION_HANDLE = "application.handle"
    # 条例第三十三条: the extension is approved by the head of the office.
    APPLICATION_EXTEND_APPROVE = "application.extend_approve"
    # Counts and case lists without personal data (oversight, report drill-down).
    APPLICATION_STATISTICS_VIEW = "application.statistics_view"
    LETTER_TEMPLATE_MANAGE = "letter_template.manage"
    # 年度报告: edit the narrative and hand-entered cells; approve; read.
    ANNUAL_REPORT_EDIT = "annual_report.edit"
    ANNUAL_REPORT_APPROVE = "annual_report.approve"
    ANNUAL_REPORT_VIEW = "annual_report.view"


@dataclass(frozen=True)
class Rule:
    roles: frozenset[Role]
    scope: Scope


def _roles(*roles: Role) -> frozenset[Role]:
    return frozenset(roles)


ALL_ROLES = frozenset(Role)

PERMISSIONS: dict[Permission, tuple[Rule, ...]] = {
    Permission.DOCUMENT_VIEW_UNPUBLISHED: (
        Rule(_roles(Role.EDITOR, Role.REVIEWER, Role.HEAD), Scope.OWN),
        Rule(_roles(Role.SUPERVISOR, Role.ADMIN), Scope.SUBTREE),
    ),
    Permission.DOCUMENT_EDIT: (Rule(_roles(Role.EDITOR), Scope.OWN),),
    Permission.DOCUMENT_SUBMIT: (Rule(_roles(Role.EDITOR), Scope.OWN),),
    Permission.DOCUMENT_REVIEW: (Rule(_roles(Role.REVIEWER), Scope.OWN),),
    Permission.DOCUMENT_PUBLISH: (Rule(_roles(Role.REVIEWER, Role.HEAD), Scope.OWN),),
    Permission.DOCUMENT_WITHDRAW: (Rule(_roles(Role.REVIEWER, Role.HEAD), Scope.OWN),),
    Permission.DOCUMENT_SUPERSEDE: (Rule(_roles(Role.REVIEWER, Role.HEAD), Scope.OWN),),
    Permission.CATALOGUE_MANAGE: (
        Rule(_roles(Role.HEAD), Scope.OWN),
        Rule(_roles(Role.ADMIN), Scope.SUBTREE),
    ),
    Permission.ORGANISATION_MANAGE: (Rule(_roles(Role.ADMIN), Scope.SUBTREE),),
    Permission.ORGANISATION_PROFILE_EDIT: (
        Rule(_roles(Role.HEAD), Scope.OWN),
        Rule(_roles(Role.ADMIN), Scope.SUBTREE),
    ),
    Permission.USER_MANAGE: (Rule(_roles(Role.ADMIN), Scope.SUBTREE),),
    Permission.CALENDAR_MANAGE: (Rule(_roles(Role.ADMIN), Scope.GLOBAL),),
    Permission.DASHBOARD_VIEW: (
        Rule(ALL_ROLES - {Role.SUPERVISOR}, Scope.OWN),
        Rule(_roles(Role.SUPERVISOR), Scope.SUBTREE),
    ),
    Permission.APPLICATION_VIEW: (Rule(_roles(Role.OFFICER, Role.HEAD), Scope.OWN),),
    Permission.APPLICATION_HANDLE: (Rule(_roles(Role.OFFICER), Scope.OWN),),
    Permission.APPLICATION_EXTEND_APPROVE: (Rule(_roles(Role.HEAD), Scope.OWN),),
    Permission.APPLICATION_STATISTICS_VIEW: (
        Rule(_roles(Role.OFFICER, Role.HEAD), Scope.OWN),
        Rule(_roles(Role.SUPERVISOR), Scope.SUBTREE),
    ),
    Permission.LETTER_TEMPLATE_MANAGE: (Rule(_roles(Role.ADMIN), Scope.GLOBAL),),
    Permission.ANNUAL_REPORT_EDIT: (Rule(_roles(Role.OFFICER, Role.HEAD), Scope.OWN),),
    Permission.ANNUAL_REPORT_APPROVE: (Rule(_roles(Role.HEAD), Scope.OWN),),
    Permission.ANNUAL_REPORT_VIEW: (
        Rule(_roles(Role.OFFICER, Role.HEAD), Scope.OWN),
        Rule(_roles(Role.SUPERVISOR), Scope.SUBTREE),
    ),
}


@dataclass(frozen=True)
class Assignment:
    role: Role
    organisation_id: int
    path: str


_CACHE_KEY = "_gongkai_role_assignments"


def role_assignments(user: User | AnonymousUser) -> tuple[Assignment, ...]:
    """The user's roles, fetched once and kept on the user object.

    `request.user` lives for one request, so this is one query per request.
    `role_grant`/`role_revoke` call `forget_role_assignments` on the instance
    they were given.
    """
    if not user.is_authenticated or not user.is_active:
        return ()
    cache: dict[str, Any] = vars(user)
    cached: tuple[Assignment, ...] | None = cache.get(_CACHE_KEY)
    if cached is None:
        rows = RoleAssignment.objects.filter(user_id=user.pk).values_list(
            "role", "organisation_id", "organisation__path"
        )
        cached = tuple(
            Assignment(Role(role), org_id, path) for role, org_id, path in rows
        )
        cache[_CACHE_KEY] = cached
    return cached


def forget_role_assignments(user: User | AnonymousUser) -> None:
    vars(user).pop(_CACHE_KEY, None)


def _grants(rule: Rule, assignment: Assignment, organisation: Organisation) -> bool:
    if rule.scope is Scope.OWN:
        return assignment.organisation_id == organisation.pk
    # SUBTREE: the organisation's path runs through the assigned one.
    return f"/{assignment.organisation_id}/" in organisation.path


def has_permission(
    user: User | AnonymousUser,
    permission: Permission,
    organisation: Organisation | None,
) -> bool:
    """Whether `user` holds `permission` for `organisation`.

    `organisation` may be None only for GLOBAL permissions; for any other it
    means "nowhere" and the answer is False.
    """
    assignments = role_assignments(user)
    for rule in PERMISSIONS[permission]:
        for assignment in assignments:
            if assignment.role not in rule.roles:
                continue
            if rule.scope is Scope.GLOBAL:
                return True
            if organisation is not None and _grants(rule, assignment, organisation):
                return True
    return False


def has_permission_anywhere(user: User | AnonymousUser, permission: Permission) -> bool:
    """Whether some organisation exists where `user` holds `permission`."""
    assignments = role_assignments(user)
    return any(
        assignment.role in rule.roles
        for rule in PERMISSIONS[permission]
        for assignment in assignments
    )
