"""Project-wide pytest configuration."""

import os
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.utils import translation

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# calls made by the live server's test code are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """A request leaves its language active in the thread: reset it, so one
    test choosing English never changes what the next one sees."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
