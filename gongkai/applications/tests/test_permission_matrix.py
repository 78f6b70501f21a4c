"""Who sees a case (applicant data): its organisation's officers and heads.

Everyone else — other organisations' staff, supervisors above, editors and
administrators, the public — gets 404 (never 403) and an empty list.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from gongkai.applications.models import Application
from gongkai.applications.selectors import (
    application_get_for_staff,
    application_queue,
    applications_visible,
)
from gongkai.core.models import Role, User
from gongkai.core.tests.factories import OrganisationFactory, staff_user

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, object]:
    parent = OrganisationFactory.create()
    org = OrganisationFactory.create(parent=parent)
    sibling = OrganisationFactory.create(parent=parent)
    app = ApplicationFactory.create(organisation=org)
    return {"parent": parent, "org": org, "sibling": sibling, "app": app}


SEES = [("officer", "org"), ("head", "org")]
BLIND = [
    ("editor", "org"),
    ("reviewer", "org"),
    ("admin", "org"),
    ("officer", "sibling"),
    ("head", "sibling"),
    ("supervisor", "parent"),
    ("admin", "parent"),
    ("officer", "parent"),
    ("head", "parent"),
]


def user_for(world: dict[str, object], role: str, where: str) -> User:
    return staff_user(Role(role), world[where])  # type: ignore[arg-type]


@pytest.mark.parametrize(("role", "where"), SEES)
def test_own_officers_and_heads_see_it(world: dict[str, object], role: str, where: str):
    user = user_for(world, role, where)
    app = world["app"]
    assert isinstance(app, Application)
    assert list(applications_visible(user=user)) == [app]
    assert application_get_for_staff(user=user, pk=app.pk) == app
    assert list(application_queue(user=user)) == [app]


@pytest.mark.parametrize(("role", "where"), BLIND)
def test_everyone_else_gets_404(world: dict[str, object], role: str, where: str):
    user = user_for(world, role, where)
    app = world["app"]
    assert isinstance(app, Application)
    assert not applications_visible(user=user).exists()
    assert not application_queue(user=user).exists()
    with pytest.raises(Http404):
        application_get_for_staff(user=user, pk=app.pk)


def test_anonymous_and_inactive_get_404(world: dict[str, object]):
    app = world["app"]
    assert isinstance(app, Application)
    inactive = user_for(world, "officer", "org")
    inactive.is_active = False
    inactive.save()
    for user in (AnonymousUser(), inactive):
        assert not applications_visible(user=user).exists()
        with pytest.raises(Http404):
            application_get_for_staff(user=user, pk=app.pk)


def test_unknown_and_malformed_pk_are_404(world: dict[str, object]):
    user = user_for(world, "officer", "org")
    for pk in (999999, "abc"):
        with pytest.raises(Http404):
            application_get_for_staff(user=user, pk=pk)
