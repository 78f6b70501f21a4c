"""Bearer-token authentication for django-ninja (the staff API).

`Authorization: Bearer gk_…` with a token from `manage.py api_token create`.
A missing, unknown or revoked token answers 401; what the user may then do
is decided by the permission table, as in the back office.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from .models import User
from .services.tokens import api_token_authenticate


class ApiTokenAuth(HttpBearer):
    def __call__(self, request: HttpRequest) -> User:
        user = super().__call__(request)
        if not isinstance(user, User):
            # ninja's own answer would be {"detail": "Unauthorized"}.
            raise HttpError(401, _("缺少或无效的接口令牌（Authorization: Bearer …）。"))
        return user

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = api_token_authenticate(token.strip())
        if user is not None:
            request.user = user
        return user


def api_user(request: HttpRequest) -> User:
    """The user the token authenticated (ninja keeps it as `request.auth`)."""
    user: Any = getattr(request, "auth", None)
    assert isinstance(user, User)
    return user
