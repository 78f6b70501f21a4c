"""Reads for the back office: what a staff user may see and act on.

Visibility (architecture rule 4): public documents (published, or superseded
and stamped) are visible to everyone; every other state only where the user
holds DOCUMENT_VIEW_UNPUBLISHED. Everything else answers 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.permissions import Permission, has_permission
from gongkai.core.selectors import organisations_where

from ..models import Disclosure, Document
from ..workflow import (
    ACTION_PERMISSIONS,
    PUBLIC_STATUSES,
    UNPUBLISHED_STATUSES,
    DocumentAction,
    actions_from,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from gongkai.core.models import User


def documents_visible_to(*, user: User | AnonymousUser) -> QuerySet[Document]:
    """Exactly the documents `document_get_for` returns for `user`."""
    organisations = organisations_where(
        user=user, permission=Permission.DOCUMENT_VIEW_UNPUBLISHED
    )
    return Document.objects.filter(
        Q(status__in=PUBLIC_STATUSES) | Q(organisation__in=organisations)
    ).select_related("organisation", "topic")


def document_visible(*, user: User | AnonymousUser, document: Document) -> bool:
    """The predicate `documents_visible_to` lists (tests check they agree)."""
    return document.status in PUBLIC_STATUSES or has_permission(
        user, Permission.DOCUMENT_VIEW_UNPUBLISHED, document.organisation
    )


def document_get_for(*, user: User | AnonymousUser, pk: int | str) -> Document:
    """The document if `user` may see it; Http404 otherwise (never 403)."""
    try:
        return documents_visible_to(user=user).get(pk=pk)
    except (Document.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(_("文件不存在。")) from exc


def document_allowed_actions(
    *, user: User | AnonymousUser, document: Document
) -> list[DocumentAction]:
    """The actions the workflow table and `user`'s permissions allow now.

    SUPERSEDE is never offered: it happens when the amending document is
    published.
    """
    return [
        action
        for action in actions_from(document.status)
        if action is not DocumentAction.SUPERSEDE
        and has_permission(user, ACTION_PERMISSIONS[action], document.organisation)
    ]


def documents_publication_late(*, user: User | AnonymousUser) -> QuerySet[Document]:
    """Proactive documents published after their due day, or still unpublished
    past it (条例第二十六条 20 WD; normative documents the local limit).

    Limited to the organisations whose dashboard `user` may view, and to what
    `user` may see there.
    """
    today = timezone.localdate()
    dashboard = organisations_where(user=user, permission=Permission.DASHBOARD_VIEW)
    late = Q(published_on__gt=F("publish_due_on")) | Q(
        status__in=UNPUBLISHED_STATUSES, publish_due_on__lt=today
    )
    return (
        documents_visible_to(user=user)
        .filter(
            organisation__in=dashboard,
            disclosure=Disclosure.PROACTIVE,
            publish_due_on__isnull=False,
        )
        .filter(late)
        .order_by("publish_due_on", "id")
    )
