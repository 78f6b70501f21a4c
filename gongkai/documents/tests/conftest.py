"""Fixtures for the documents service tests (engineer C)."""

import pytest

from gongkai.documents.tests.workflow_helpers import Office


@pytest.fixture
def office(db: None) -> Office:
    """One organisation with an editor, a reviewer and a head."""
    return Office()
