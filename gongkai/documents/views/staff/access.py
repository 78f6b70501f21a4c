"""Who enters the back office and which workflow actions a user may take."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from gongkai.core.models import User
from gongkai.core.permissions import (
    Permission,
    has_permission,
    has_permission_anywhere,
)

from ...models import Document
from ...selectors.staff import document_allowed_actions
from ...workflow import ACTION_PERMISSIONS, DocumentAction


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
