"""Who enters the back office and which workflow actions a user may take."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Concatenate, ParamSpec, cast

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.core.models import User
from gongkai.core.permissions import (
    Permission,
    has_permission,
    has_permission_anywhere,
    role_assignments,
)

from ...models import Document
from ...selectors.staff import document_allowed_actions
from ...workflow import ACTION_PERMISSIONS, DocumentAction

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


def may_create(user: User) -> bool:
    return has_permission_anywhere(user, Permission.DOCUMENT_EDIT)


def require_action(user: User, document: Document, action: DocumentAction) -> None:
    """404 unless the user holds the action's permission for the document."""
    if not has_permission(user, ACTION_PERMISSIONS[action], document.organisation):
        raise Http404


@dataclass(frozen=True)
class AvailableActions:
    """Flags for the template: which action forms to show."""

    edit: bool
    submit: bool
    return_: bool
    revise: bool
    review: bool
    approve: bool
    publish: bool
    withdraw: bool

    @property
    def any(self) -> bool:
        return any(vars(self).values())

    @property
    def attachments(self) -> bool:
        # The editor on a draft; the reviewer may swap in a redacted version.
        return self.edit or self.review


def available_actions(user: User, document: Document) -> AvailableActions:
    """The workflow table's actions in this state that the user holds."""
    allowed = set(document_allowed_actions(user=user, document=document))
    return AvailableActions(
        edit=DocumentAction.EDIT in allowed,
        submit=DocumentAction.SUBMIT in allowed,
        return_=DocumentAction.RETURN in allowed,
        revise=DocumentAction.REVISE in allowed,
        review=DocumentAction.REVIEW in allowed,
        approve=DocumentAction.APPROVE in allowed,
        publish=DocumentAction.PUBLISH in allowed,
        withdraw=DocumentAction.WITHDRAW in allowed,
    )
