"""Fixtures for the search tests: documents built directly, then indexed."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from gongkai.documents.models import Document, DocumentStatus
from gongkai.documents.search_index import KEY
from gongkai.documents.tests.factories import DocumentFactory
from gongkai.search.indexing import index_objects
from gongkai.site.demo.seeds import SeedDocument, parse_seed_file

SEEDS = Path(settings.SHARED_DIR) / "seeds"


def publish(**fields: Any) -> Document:
    """A published document, indexed (as the publish service would on commit)."""
    fields.setdefault("status", DocumentStatus.PUBLISHED)
    fields.setdefault("published_on", dt.date(2026, 3, 5))
    document = DocumentFactory.create(**fields)
    index_objects(KEY, [document.pk])
    return document


def seed(prefix: str) -> SeedDocument:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return parse_seed_file(path)[0]


@pytest.fixture
def seeds_available() -> None:
    if not SEEDS.exists():
        pytest.skip(f"seed texts not found in {SEEDS}")
