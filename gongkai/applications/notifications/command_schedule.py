"""`manage.py applications schedule`: one daily run waiting in the queue."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from .schedule import daily_schedule


def add_arguments(parser: ArgumentParser) -> None:
    return None


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    queued = daily_schedule()
    command.stdout.write("queued" if queued else "already queued")
