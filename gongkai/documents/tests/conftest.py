"""Fixtures for the documents service tests (engineer C)."""

from pathlib import Path
from typing import Any

import pytest

from gongkai.documents.tests.workflow_helpers import Office


@pytest.fixture
def office(db: None) -> Office:
    """One organisation with an editor, a reviewer and a head."""
    return Office()


@pytest.fixture
def media_root(settings: Any, tmp_path: Path) -> Path:
    """Uploaded attachments go to a per-test folder, removed afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)
