"""Which workflow actions a user may take on a case, and who sees what."""

from __future__ import annotations

from django.http import Http404

from gongkai.core.models import Organisation, User
from gongkai.core.permissions import Permission, has_permission
from gongkai.core.selectors import organisations_where

from ...models import Application, ApplicationStatus
from ...selectors import application_get_for_staff
from ...workflow import Action, allowed_actions

# 条例第三十三条: the extension is the head's; assignment also the head's.
ACTION_PERMISSIONS: dict[Action, tuple[Permission, ...]] = {
    Action.EXTEND: (Permission.APPLICATION_EXTEND_APPROVE,),
    Action.ASSIGN: (
        Permission.APPLICATION_HANDLE,
        Permission.APPLICATION_EXTEND_APPROVE,
    ),
}
DEFAULT_PERMISSIONS = (Permission.APPLICATION_HANDLE,)


def case_get(user: User, pk: int) -> Application:
    """The case with its applicant's data, or 404 (APPLICATION_VIEW)."""
    return application_get_for_staff(user=user, pk=pk)


def may_act(user: User, application: Application, action: Action) -> bool:
    permissions = ACTION_PERMISSIONS.get(action, DEFAULT_PERMISSIONS)
    return any(
        has_permission(user, permission, application.organisation)
        for permission in permissions
    )


def actions_for(user: User, application: Application) -> list[Action]:
    """The transition table's actions in this status that the user holds."""
    return [
        action
        for action in allowed_actions(ApplicationStatus(application.status))
        if may_act(user, application, action)
    ]


def may_handle(user: User, application: Application) -> bool:
    return has_permission(user, Permission.APPLICATION_HANDLE, application.organisation)


def recording_organisations(user: User) -> list[Organisation]:
    """Where the user may record applications (APPLICATION_HANDLE)."""
    return list(
        organisations_where(user=user, permission=Permission.APPLICATION_HANDLE)
    )


def queue_organisations(user: User) -> list[Organisation]:
    organisations = list(
        organisations_where(user=user, permission=Permission.APPLICATION_VIEW)
    )
    if not organisations:
        raise Http404
    return organisations
