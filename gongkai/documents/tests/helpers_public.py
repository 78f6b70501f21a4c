"""Shortcuts over the documents factories for the public site and API tests.

Documents are created directly in a given state: the public side only reads
them, and the workflow services are tested on their own.
"""

# factory_boy factories are untyped; the helpers give their results types.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import hashlib
import itertools
from datetime import date
from typing import Any, cast

from django.core.files.base import ContentFile

from gongkai.core.models import Organisation, OrganisationKind
from gongkai.core.tests.factories import OrganisationFactory
from gongkai.documents.models import (
    Attachment,
    Column,
    ColumnKind,
    Document,
    DocumentStatus,
    Topic,
)

from .factories import ColumnFactory, DocumentFactory, TopicFactory

_serial = itertools.count(1)

PUBLIC = (DocumentStatus.PUBLISHED, DocumentStatus.SUPERSEDED)
HIDDEN_STATUSES = [
    DocumentStatus.DRAFT,
    DocumentStatus.SUBMITTED,
    DocumentStatus.RETURNED,
    DocumentStatus.APPROVED,
    DocumentStatus.WITHDRAWN,
]


def make_document(
    organisation: Organisation | None = None,
    *,
    status: str = DocumentStatus.PUBLISHED,
    published_on: date | None = date(2025, 3, 10),
    **fields: Any,
) -> Document:
    """A document in `status`; public ones get `published_on`."""
    co_issuers = fields.pop("co_issuers", [])
    fields.setdefault("written_on", date(2025, 3, 3))
    if organisation is not None:
        fields["organisation"] = organisation
    doc: Document = DocumentFactory.create(
        status=status,
        published_on=published_on if status in PUBLIC else None,
        **fields,
    )
    if co_issuers:
        doc.co_issuers.set(co_issuers)
    return doc


def make_attachment(
    document: Document,
    *,
    name: str = "附件1：实施细则.pdf",
    content: bytes = b"%PDF-1.4 test",
    mime_type: str = "application/pdf",
) -> Attachment:
    key = hashlib.sha256(f"{document.pk}-{name}-{next(_serial)}".encode()).hexdigest()
    attachment = Attachment(
        document=document,
        storage_key=key,
        original_name=name,
        mime_type=mime_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    attachment.file.save(key, ContentFile(content), save=False)
    attachment.save()
    return attachment


def make_topic(name: str, parent: Topic | None = None) -> Topic:
    return cast(Topic, TopicFactory(name=f"{name}{next(_serial)}", parent=parent))


def make_column(
    organisation: Organisation,
    name: str = "规范性文件",
    *,
    parent: Column | None = None,
    kind: str = ColumnKind.CUSTOM,
    **fields: Any,
) -> Column:
    column: Column = ColumnFactory.create(
        organisation=organisation, parent=parent, name=name, kind=kind, **fields
    )
    return column


def make_city() -> dict[str, Organisation]:
    """A city with a department, a county with a department and a township."""
    city: Organisation = OrganisationFactory.create(
        name="鹤城市人民政府",
        short_name="鹤城市政府",
        kind=OrganisationKind.CITY_GOVERNMENT,
    )
    dept: Organisation = OrganisationFactory.create(
        name="鹤城市教育局",
        short_name="市教育局",
        parent=city,
        kind=OrganisationKind.CITY_DEPARTMENT,
    )
    county: Organisation = OrganisationFactory.create(
        name="鹤城市东山县人民政府",
        short_name="东山县政府",
        parent=city,
        kind=OrganisationKind.COUNTY_GOVERNMENT,
    )
    county_dept: Organisation = OrganisationFactory.create(
        name="东山县财政局",
        short_name="县财政局",
        parent=county,
        kind=OrganisationKind.COUNTY_DEPARTMENT,
    )
    township: Organisation = OrganisationFactory.create(
        name="东山县青石镇人民政府",
        short_name="青石镇",
        parent=county,
        kind=OrganisationKind.TOWNSHIP,
    )
    return {
        "city": city,
        "dept": dept,
        "county": county,
        "county_dept": county_dept,
        "township": township,
    }
