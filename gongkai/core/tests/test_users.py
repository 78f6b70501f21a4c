"""Staff accounts and role grants."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from gongkai.core.audit import audit_verify
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent, Role, RoleAssignment, User
from gongkai.core.permissions import Permission, has_permission
from gongkai.core.services.users import role_grant, role_revoke, user_create
from gongkai.core.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

STRONG = "Qiang-Mima-2026!"


def test_user_create_hashes_and_audits():
    actor = UserFactory.create()
    user = user_create(
        actor=actor,
        username="zhangsan",
        password=STRONG,
        display_name="张三",
        email="zs@example.gov.cn",
    )
    assert user.check_password(STRONG)
    event = AuditEvent.objects.get(event_type=AuditEventType.USER_CREATED)
    assert event.actor == actor
    assert (event.after or {})["username"] == "zhangsan"
    assert "password" not in (event.after or {})
    assert STRONG not in str(event.after)
    assert audit_verify() is None


@override_settings(
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
)
def test_passwords_are_hashed_with_argon2():
    user = user_create(actor=None, username="lisi", password=STRONG)
    assert identify_hasher(User.objects.get(pk=user.pk).password).algorithm == (
        "argon2"
    )


@pytest.mark.parametrize(
    ("password", "code", "fragment"),
    [
        # Django 5.2's zh_Hans catalogue lacks the new minimum-length text.
        ("Sh0rt!x", "password_too_short", ""),
        ("12345678901", "password_entirely_numeric", "只包含数字"),
        ("password123", "password_too_common", "太常见"),
    ],
)
def test_weak_passwords_are_refused(password, code, fragment):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as excinfo:
        user_create(actor=None, username="wangwu", password=password)
    assert code in {error.code for error in excinfo.value.error_list}
    assert fragment in " ".join(excinfo.value.messages)
    assert not User.objects.filter(username="wangwu").exists()
    assert not AuditEvent.objects.exists()


def test_password_similar_to_username_is_refused():
    with pytest.raises(ValidationError):
        user_create(actor=None, username="zhaoliu2026", password="zhaoliu2026x")


def test_duplicate_username_is_refused():
    user_create(actor=None, username="sunqi", password=STRONG)
    with pytest.raises(ValidationError):
        user_create(actor=None, username="sunqi", password=STRONG)


def test_role_grant_and_revoke_are_audited_and_refresh_permissions():
    org = OrganisationFactory.create()
    user = UserFactory.create()
    assert not has_permission(user, Permission.DOCUMENT_EDIT, org)
    assignment = role_grant(actor=None, user=user, organisation=org, role="editor")
    assert assignment.role == Role.EDITOR
    assert has_permission(user, Permission.DOCUMENT_EDIT, org)
    # Granting again changes nothing and writes nothing.
    role_grant(actor=None, user=user, organisation=org, role=Role.EDITOR)
    assert RoleAssignment.objects.filter(user=user).count() == 1
    assert (
        AuditEvent.objects.filter(event_type=AuditEventType.ROLE_GRANTED).count() == 1
    )

    role_revoke(actor=None, user=user, organisation=org, role=Role.EDITOR)
    assert not has_permission(user, Permission.DOCUMENT_EDIT, org)
    event = AuditEvent.objects.get(event_type=AuditEventType.ROLE_REVOKED)
    assert event.before == {
        "user_id": user.pk,
        "organisation_id": org.pk,
        "role": "editor",
    }
    assert audit_verify() is None


def test_revoking_a_role_not_held_is_a_domain_error():
    org = OrganisationFactory.create()
    user = UserFactory.create()
    with pytest.raises(DomainError):
        role_revoke(actor=None, user=user, organisation=org, role=Role.HEAD)


def test_unknown_role_is_refused():
    org = OrganisationFactory.create()
    user = UserFactory.create()
    with pytest.raises(ValueError):
        role_grant(actor=None, user=user, organisation=org, role="king")


def test_admin_creates_user_with_audit(admin_client):
    response = admin_client.post(
        reverse("admin:core_user_add"),
        {
            "username": "houtai",
            "display_name": "后台用户",
            "email": "ht@example.gov.cn",
            "password1": STRONG,
            "password2": STRONG,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(username="houtai")
    assert user.check_password(STRONG)
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.USER_CREATED, target_id=str(user.pk)
    ).exists()


def test_admin_role_inline_grants_and_revokes_through_services(admin_client):
    org, other = OrganisationFactory.create(), OrganisationFactory.create()
    user = UserFactory.create()
    assignment = role_grant(actor=None, user=user, organisation=org, role=Role.EDITOR)
    url = reverse("admin:core_user_change", args=[user.pk])
    prefix = "role_assignments"
    data = {
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
        f"{prefix}-TOTAL_FORMS": "2",
        f"{prefix}-INITIAL_FORMS": "1",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-id": str(assignment.pk),
        f"{prefix}-0-user": str(user.pk),
        f"{prefix}-0-organisation": str(org.pk),
        f"{prefix}-0-role": "editor",
        f"{prefix}-0-DELETE": "on",
        f"{prefix}-1-user": str(user.pk),
        f"{prefix}-1-organisation": str(other.pk),
        f"{prefix}-1-role": "head",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(
        RoleAssignment.objects.filter(user=user).values_list("role", flat=True)
    ) == ["head"]
    types = list(
        AuditEvent.objects.filter(
            event_type__in=[AuditEventType.ROLE_GRANTED, AuditEventType.ROLE_REVOKED]
        ).values_list("event_type", flat=True)
    )
    assert types == ["role.granted", "role.revoked", "role.granted"]
    assert audit_verify() is None


def test_admin_user_change_is_audited(admin_client):
    user = UserFactory.create(display_name="旧名")
    response = admin_client.post(
        reverse("admin:core_user_change", args=[user.pk]),
        {
            "username": user.username,
            "display_name": "新名",
            "email": user.email,
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
            "role_assignments-TOTAL_FORMS": "0",
            "role_assignments-INITIAL_FORMS": "0",
            "role_assignments-MIN_NUM_FORMS": "0",
            "role_assignments-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = AuditEvent.objects.get(event_type=AuditEventType.USER_UPDATED)
    assert event.before == {"display_name": "旧名"}
    assert event.after == {"display_name": "新名"}
