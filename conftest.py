"""Project-wide pytest configuration."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connections
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


CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
# Flags for a closed network: without the background-networking ones
# Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page(live_server: Any) -> Iterator[Any]:
    """A Playwright page in Debian's Chromium against the live server.

    `make test` installs Chromium; a missing browser is an error, not a skip,
    so a broken install can never pass as a green run.
    """
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` as root")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        context = browser.new_context(
            locale="zh-CN",
            base_url=live_server.url,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(15_000)
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()
            # Playwright's sync API runs the test in its own greenlet, where
            # Django's context-local connection is a second one; left open it
            # keeps PostgreSQL from dropping the test database.
            connections.close_all()
