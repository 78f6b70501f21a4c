"""Each role × own / child / other organisation × each document state:
visible or 404, and which actions are allowed (table-driven).

The expectation below is written out by hand from the contract; the code
under test takes it from gongkai.core.permissions and workflow.TRANSITIONS.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from gongkai.core.errors import InvalidTransition, PermissionDenied
from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.documents.models import DocumentStatus
from gongkai.documents.selectors.staff import (
    document_allowed_actions,
    document_get_for,
    document_visible,
    documents_visible_to,
)
from gongkai.documents.services._transitions import ensure_allowed
from gongkai.documents.workflow import DocumentAction

from .factories import DocumentFactory

pytestmark = pytest.mark.django_db

S = DocumentStatus
A = DocumentAction
PUBLIC = {S.PUBLISHED, S.SUPERSEDED}

# Who may see unpublished documents, and where.
SEES_UNPUBLISHED = {
    Role.EDITOR: {"own"},
    Role.REVIEWER: {"own"},
    Role.OFFICER: set(),
    Role.HEAD: {"own"},
    Role.SUPERVISOR: {"own", "child"},
    Role.ADMIN: {"own", "child"},
}

# role → state → actions allowed in the role's own organisation. Nobody acts
# on a child's or another organisation's documents.
OWN_ACTIONS: dict[Role, dict[DocumentStatus, set[DocumentAction]]] = {
    Role.EDITOR: {
        S.DRAFT: {A.EDIT, A.SUBMIT},
        S.RETURNED: {A.REVISE},
    },
    Role.REVIEWER: {
        S.SUBMITTED: {A.REVIEW, A.RETURN, A.APPROVE},
        S.APPROVED: {A.PUBLISH},
        S.PUBLISHED: {A.WITHDRAW},
    },
    Role.HEAD: {
        S.APPROVED: {A.PUBLISH},
        S.PUBLISHED: {A.WITHDRAW},
    },
    Role.OFFICER: {},
    Role.SUPERVISOR: {},
    Role.ADMIN: {},
}
# SUPERSEDE happens only through publishing the amending document; its
# permission is checked separately below.
SUPERSEDERS = {Role.REVIEWER, Role.HEAD}


def expected_visible(role: Role, relation: str, state: DocumentStatus) -> bool:
    return state in PUBLIC or relation in SEES_UNPUBLISHED[role]


def expected_actions(
    role: Role, relation: str, state: DocumentStatus
) -> set[DocumentAction]:
    if relation != "own":
        return set()
    return OWN_ACTIONS[role].get(state, set())


@pytest.fixture
def world():
    own = OrganisationFactory.create()
    child = OrganisationFactory.create(parent=own)
    other = OrganisationFactory.create()
    documents = {}
    for relation, org in (("own", own), ("child", child), ("other", other)):
        for state in S:
            published_on = (
                dt.date(2026, 3, 5) if state in PUBLIC | {S.WITHDRAWN} else None
            )
            documents[relation, state] = DocumentFactory.create(
                organisation=org, status=state, published_on=published_on
            )
    return own, documents


@pytest.mark.parametrize("role", list(Role))
def test_matrix(world, role):
    own, documents = world
    user = staff_user(role, own)
    mismatches: list[tuple[object, ...]] = []
    visible_ids = set(documents_visible_to(user=user).values_list("pk", flat=True))
    for (relation, state), document in documents.items():
        want_visible = expected_visible(role, relation, state)
        try:
            document_get_for(user=user, pk=document.pk)
            got_visible = True
        except Http404:
            got_visible = False
        if got_visible != want_visible:
            mismatches.append((relation, state, "visible", got_visible))
        if (document.pk in visible_ids) != got_visible:
            mismatches.append((relation, state, "selector disagrees"))
        if document_visible(user=user, document=document) != got_visible:
            mismatches.append((relation, state, "predicate disagrees"))
        want = expected_actions(role, relation, state)
        got = set(document_allowed_actions(user=user, document=document))
        if got != want:
            mismatches.append((relation, state, "actions", sorted(got), sorted(want)))
        for action in DocumentAction:
            if action is A.SUPERSEDE:
                continue
            try:
                ensure_allowed(actor=user, document=document, action=action)
                allowed = True
            except (InvalidTransition, PermissionDenied):
                allowed = False
            if allowed != (action in want):
                mismatches.append((relation, state, "ensure_allowed", action))
        if state == S.PUBLISHED:
            try:
                ensure_allowed(actor=user, document=document, action=A.SUPERSEDE)
                may_supersede = True
            except PermissionDenied:
                may_supersede = False
            expected = relation == "own" and role in SUPERSEDERS
            if may_supersede != expected:
                mismatches.append((relation, state, "supersede", may_supersede))
    assert mismatches == []


def test_anonymous_sees_only_public_documents(world):
    _, documents = world
    anonymous = AnonymousUser()
    for (_, state), document in documents.items():
        if state in PUBLIC:
            assert document_get_for(user=anonymous, pk=document.pk) == document
        else:
            with pytest.raises(Http404):
                document_get_for(user=anonymous, pk=document.pk)
        assert document_allowed_actions(user=anonymous, document=document) == []


def test_unknown_or_malformed_pk_is_404(world):
    own, _ = world
    user = staff_user(Role.ADMIN, own)
    for pk in (999999, "abc"):
        with pytest.raises(Http404):
            document_get_for(user=user, pk=pk)
