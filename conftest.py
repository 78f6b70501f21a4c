"""Project-wide pytest configuration."""

import os

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# calls made by the live server's test code are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
