"""Seeding the default letter templates after every migrate (never
overwriting what an administrator has edited)."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate

from .defaults import letter_defaults


def letter_templates_seed(*, using: str = "default") -> int:
    """Create the missing templates; returns how many were created."""
    from ..models import LetterTemplate

    created = 0
    for kind, outcome, title, body in letter_defaults():
        _, was_created = LetterTemplate.objects.using(using).get_or_create(
            kind=kind, outcome=outcome, defaults={"title": title, "body": body}
        )
        created += int(was_created)
    return created


def _on_post_migrate(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    letter_templates_seed(using=using)


def letter_templates_connect(app_config: AppConfig) -> None:
    post_migrate.connect(
        _on_post_migrate, sender=app_config, dispatch_uid="letter_templates_seed"
    )
