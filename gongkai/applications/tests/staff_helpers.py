"""Helpers for the back-office view and staff API tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.applications.views.staff.action_table import ACTION_STEPS
from gongkai.applications.workflow import Action

D = dt.date
RECEIVED = D(2026, 11, 2)  # a Monday; 20 WD end 2026-11-30


def action_url(application: Application, action: Action) -> str:
    return reverse(f"staff:application_{action.value}", args=[application.pk])


def post_action(
    client: Client, application: Application, action: Action, data: dict[str, Any]
) -> Any:
    """POST `data` (unprefixed field names) to the action's URL."""
    prefix = ACTION_STEPS[action].slug
    payload = {
        f"{prefix}-{key}": value.isoformat() if isinstance(value, dt.date) else value
        for key, value in data.items()
    }
    return client.post(action_url(application, action), payload)


def detail_url(application: Application) -> str:
    return reverse("staff:application_detail", args=[application.pk])
