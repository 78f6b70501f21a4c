"""API tokens: stored hashed, shown once, revocable, 401 without a valid one."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from ninja.errors import HttpError

from gongkai.core.api_auth import ApiTokenAuth
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError
from gongkai.core.models import ApiToken, AuditEvent
from gongkai.core.services.tokens import (
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
)
from gongkai.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_only_the_digest_is_stored() -> None:
    user = UserFactory.create()
    token, raw = api_token_create(actor=None, user=user, name="对接系统")
    assert raw.startswith("gk_") and len(raw) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {stored.digest, stored.prefix, stored.name}
    assert raw.startswith(stored.prefix)
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.API_TOKEN_CREATED, target_id=str(token.pk)
    ).exists()


def test_two_tokens_differ() -> None:
    user = UserFactory.create()
    assert (
        api_token_create(actor=None, user=user)[1]
        != api_token_create(actor=None, user=user)[1]
    )


def test_authenticate_and_last_used() -> None:
    user = UserFactory.create()
    token, raw = api_token_create(actor=None, user=user)
    assert api_token_authenticate(raw) == user
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert api_token_authenticate(raw + "x") is None
    assert api_token_authenticate("not-a-token") is None


def test_revoked_token_no_longer_works() -> None:
    user = UserFactory.create()
    token, raw = api_token_create(actor=None, user=user)
    api_token_revoke(actor=None, token=token)
    assert api_token_authenticate(raw) is None
    with pytest.raises(DomainError):
        api_token_revoke(actor=None, token=token)
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.API_TOKEN_REVOKED
    ).exists()


def test_inactive_user_is_refused() -> None:
    user = UserFactory.create()
    _token, raw = api_token_create(actor=None, user=user)
    user.is_active = False
    user.save()
    assert api_token_authenticate(raw) is None
    with pytest.raises(DomainError):
        api_token_create(actor=None, user=user)


def test_bearer_auth_class() -> None:
    user = UserFactory.create()
    _token, raw = api_token_create(actor=None, user=user)
    auth = ApiTokenAuth()
    good = RequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert auth(good) == user
    bad = RequestFactory().get("/", HTTP_AUTHORIZATION="Bearer gk_wrong")
    for request in (bad, RequestFactory().get("/")):
        with pytest.raises(HttpError) as raised:
            auth(request)
        assert raised.value.status_code == 401
        assert "接口令牌" in str(raised.value)


def test_command_create_list_revoke() -> None:
    user = UserFactory.create(username="officer1")
    out, err = StringIO(), StringIO()
    call_command(
        "api_token", "create", "officer1", "--name", "测试", stdout=out, stderr=err
    )
    raw = out.getvalue().strip()
    assert api_token_authenticate(raw) == user
    assert "只显示这一次" in err.getvalue()
    listing = StringIO()
    call_command("api_token", "list", "officer1", stdout=listing)
    assert raw[:10] in listing.getvalue() and raw not in listing.getvalue()
    call_command("api_token", "revoke", raw[:10], stdout=StringIO())
    assert api_token_authenticate(raw) is None
    with pytest.raises(CommandError):
        call_command("api_token", "create", "nobody", stdout=StringIO())
