"""Who enters the back office: signed in and holding at least one role."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import User
from .permissions import role_assignments

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, P], HttpResponse]


def staff_required(view: View[P]) -> View[P]:
    """Signed in and holding at least one role; anyone else never gets in.

    Anonymous visitors go to the login page; a signed-in account without any
    role (e.g. a Django-admin-only superuser) is refused with 403.
    """

    @login_required
    @wraps(view)
    def wrapper(
        request: HttpRequest, *args: P.args, **kwargs: P.kwargs
    ) -> HttpResponse:
        if not role_assignments(request.user):
            return render(request, "staff/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return cast(View[P], wrapper)


def actor(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user
