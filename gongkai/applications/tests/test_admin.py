"""Django admin shows the cases read-only (changes only through services)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.core.tests.factories import UserFactory

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_and_shows_applications_read_only(client: Client):
    app = ApplicationFactory.create()
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    client.force_login(admin)
    changelist = client.get(reverse("admin:applications_application_changelist"))
    assert changelist.status_code == 200
    assert app.tracking_code in changelist.content.decode()
    page = client.get(reverse("admin:applications_application_change", args=[app.pk]))
    assert page.status_code == 200
    assert client.get(reverse("admin:applications_application_add")).status_code == 403
    for name in ("remedycase", "feedecision", "consultation", "correctionnotice"):
        assert (
            client.get(reverse(f"admin:applications_{name}_changelist")).status_code
            == 200
        )
