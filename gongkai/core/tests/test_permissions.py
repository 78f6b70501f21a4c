"""The permission table, and that has_permission and organisations_where agree."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.core.models import Role
from gongkai.core.permissions import (
    PERMISSIONS,
    Permission,
    Scope,
    has_permission,
    has_permission_anywhere,
)
from gongkai.core.selectors import organisations_where
from gongkai.core.tests.factories import (
    OrganisationFactory,
    RoleAssignmentFactory,
    UserFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

RELATIONS = ("own", "child", "parent", "unrelated")


@pytest.fixture
def tree():
    """root → parent → own → child; root → unrelated (a sibling branch)."""
    root = OrganisationFactory.create()
    parent = OrganisationFactory.create(parent=root)
    own = OrganisationFactory.create(parent=parent)
    child = OrganisationFactory.create(parent=own)
    unrelated = OrganisationFactory.create(parent=root)
    return {
        "root": root,
        "parent": parent,
        "own": own,
        "child": child,
        "unrelated": unrelated,
    }


def test_every_permission_has_a_rule():
    assert set(PERMISSIONS) == set(Permission)
    for rules in PERMISSIONS.values():
        assert rules
        for rule in rules:
            assert rule.roles and rule.roles <= set(Role)


@pytest.mark.parametrize("role", list(Role))
def test_has_permission_and_organisations_where_agree(tree, role):
    user = staff_user(role, tree["own"])
    for permission in Permission:
        allowed = set(organisations_where(user=user, permission=permission))
        for relation in RELATIONS:
            organisation = tree[relation]
            assert has_permission(user, permission, organisation) == (
                organisation in allowed
            ), (permission, role, relation)
        # Nothing outside the five organisations appears either.
        assert allowed <= set(tree.values())


# role → the relations in which it grants the permission.
OWN = {"own"}
SUBTREE = {"own", "child"}
SCOPED_TABLE = {
    Permission.DOCUMENT_VIEW_UNPUBLISHED: {
        Role.EDITOR: OWN,
        Role.REVIEWER: OWN,
        Role.HEAD: OWN,
        Role.SUPERVISOR: SUBTREE,
        Role.ADMIN: SUBTREE,
    },
    Permission.DOCUMENT_EDIT: {Role.EDITOR: OWN},
    Permission.DOCUMENT_SUBMIT: {Role.EDITOR: OWN},
    Permission.DOCUMENT_REVIEW: {Role.REVIEWER: OWN},
    Permission.DOCUMENT_PUBLISH: {Role.REVIEWER: OWN, Role.HEAD: OWN},
    Permission.DOCUMENT_WITHDRAW: {Role.REVIEWER: OWN, Role.HEAD: OWN},
    Permission.DOCUMENT_SUPERSEDE: {Role.REVIEWER: OWN, Role.HEAD: OWN},
    Permission.CATALOGUE_MANAGE: {Role.HEAD: OWN, Role.ADMIN: SUBTREE},
    Permission.ORGANISATION_MANAGE: {Role.ADMIN: SUBTREE},
    Permission.ORGANISATION_PROFILE_EDIT: {Role.HEAD: OWN, Role.ADMIN: SUBTREE},
    Permission.DASHBOARD_VIEW: {
        Role.EDITOR: OWN,
        Role.REVIEWER: OWN,
        Role.OFFICER: OWN,
        Role.HEAD: OWN,
        Role.ADMIN: OWN,
        Role.SUPERVISOR: SUBTREE,
    },
    Permission.APPLICATION_VIEW: {Role.OFFICER: OWN, Role.HEAD: OWN},
    Permission.APPLICATION_HANDLE: {Role.OFFICER: OWN},
    Permission.APPLICATION_EXTEND_APPROVE: {Role.HEAD: OWN},
    Permission.APPLICATION_STATISTICS_VIEW: {
        Role.OFFICER: OWN,
        Role.HEAD: OWN,
        Role.SUPERVISOR: SUBTREE,
    },
    Permission.ANNUAL_REPORT_EDIT: {Role.OFFICER: OWN, Role.HEAD: OWN},
    Permission.ANNUAL_REPORT_APPROVE: {Role.HEAD: OWN},
    Permission.ANNUAL_REPORT_VIEW: {
        Role.OFFICER: OWN,
        Role.HEAD: OWN,
        Role.SUPERVISOR: SUBTREE,
    },
}


@pytest.mark.parametrize("permission", list(SCOPED_TABLE))
@pytest.mark.parametrize("role", list(Role))
def test_expected_table(tree, permission, role):
    user = staff_user(role, tree["own"])
    expected = SCOPED_TABLE[permission].get(role, set())
    actual = {r for r in RELATIONS if has_permission(user, permission, tree[r])}
    assert actual == expected


def test_calendar_manage_is_global_for_admins(tree):
    admin = staff_user(Role.ADMIN, tree["child"])
    editor = staff_user(Role.EDITOR, tree["root"])
    for organisation in [*tree.values(), None]:
        assert has_permission(admin, Permission.CALENDAR_MANAGE, organisation)
        assert not has_permission(editor, Permission.CALENDAR_MANAGE, organisation)
    assert set(
        organisations_where(user=admin, permission=Permission.CALENDAR_MANAGE)
    ) == set(tree.values())


def test_superuser_without_roles_has_nothing(tree):
    superuser = UserFactory.create(is_superuser=True, is_staff=True)
    for permission in Permission:
        assert not has_permission(superuser, permission, tree["own"])
        assert not has_permission_anywhere(superuser, permission)
        assert not organisations_where(user=superuser, permission=permission)


def test_inactive_and_anonymous_users_have_nothing(tree):
    inactive = staff_user(Role.ADMIN, tree["root"], is_active=False)
    for user in (inactive, AnonymousUser()):
        assert not has_permission(user, Permission.DASHBOARD_VIEW, tree["root"])
        assert not organisations_where(
            user=user, permission=Permission.DASHBOARD_VIEW
        ).exists()


def test_none_organisation_is_nowhere_for_scoped_permissions(tree):
    head = staff_user(Role.HEAD, tree["own"])
    assert not has_permission(head, Permission.DOCUMENT_PUBLISH, None)


def test_roles_in_several_organisations_combine(tree):
    user = staff_user(Role.EDITOR, tree["own"])
    RoleAssignmentFactory.create(
        user=user, organisation=tree["unrelated"], role=Role.HEAD
    )
    allowed = set(
        organisations_where(user=user, permission=Permission.DOCUMENT_PUBLISH)
    )
    assert allowed == {tree["unrelated"]}
    assert has_permission(user, Permission.DOCUMENT_EDIT, tree["own"])
    assert not has_permission(user, Permission.DOCUMENT_EDIT, tree["unrelated"])


def test_role_assignments_fetched_once(tree, django_assert_num_queries):
    user = staff_user(Role.SUPERVISOR, tree["parent"])
    with django_assert_num_queries(1):
        for permission in Permission:
            for organisation in tree.values():
                has_permission(user, permission, organisation)
    with django_assert_num_queries(1):
        list(organisations_where(user=user, permission=Permission.DASHBOARD_VIEW))


def test_scopes_declared():
    assert {rule.scope for rules in PERMISSIONS.values() for rule in rules} == set(
        Scope
    )
