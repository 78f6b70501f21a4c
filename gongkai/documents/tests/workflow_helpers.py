"""Shared set-up for the documents service tests (imported, not a conftest,
so other engineers' tests in this folder are unaffected)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.core.models import AuditEvent, Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.documents import services
from gongkai.documents.models import Disclosure, Document
from gongkai.documents.workflow import CONFIDENTIALITY_CHECKLIST

ALL_CLEAR: dict[str, bool] = {key: True for key, _ in CONFIDENTIALITY_CHECKLIST}


def after(event: AuditEvent | None) -> dict[str, Any]:
    """The `after` payload of an audit event (asserting there is one)."""
    assert event is not None and isinstance(event.after, dict)
    return event.after


class Office:
    """One organisation with a user per document role."""

    def __init__(self, **org_fields: Any) -> None:
        self.org = OrganisationFactory.create(**org_fields)
        self.editor = staff_user(Role.EDITOR, self.org)
        self.reviewer = staff_user(Role.REVIEWER, self.org)
        self.head = staff_user(Role.HEAD, self.org)

    def draft(self, **fields: Any) -> Document:
        fields.setdefault("title", "关于进一步做好政务公开工作的通知")
        fields.setdefault("written_on", dt.date(2026, 3, 2))
        fields.setdefault("disclosure", Disclosure.PROACTIVE)
        return services.document_create(
            actor=self.editor, organisation=self.org, **fields
        )

    def approved(self, **fields: Any) -> Document:
        document = self.draft(**fields)
        return self.approve(document)

    def approve(self, document: Document) -> Document:
        services.document_submit(actor=self.editor, document=document)
        services.confidentiality_review_record(
            actor=self.reviewer, document=document, checklist=ALL_CLEAR
        )
        return services.document_approve(actor=self.reviewer, document=document)

    def published(self, **fields: Any) -> Document:
        document = self.approved(**fields)
        return services.document_publish(
            actor=self.head, document=document, published_on=dt.date(2026, 3, 5)
        )
