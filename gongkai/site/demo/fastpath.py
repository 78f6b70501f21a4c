"""The one fast path: bulk documents published without the step-by-step review.

Hundreds of generated documents fill every column of every catalogue. Taking
each through create → submit → 保密审查 → approve → publish costs about 45 ms
of CPU per document (≈30 s for the demo), so only the documents people look
at closely go through the services (pipeline.py): those of the two
organisations with demo accounts, the seeds, and the workflow examples.

The rest are written here, in the same transaction, using the documents
domain's own rules where they exist — `index_number_allocate` for the 索引号,
`normalise_doc_number`, `sanitise_body`, `full_clean`, `publish_due_refresh`
for the 发布时限 — and each leaves two audit records, 创建文件 and 发布,
whose `after` says `"via": "demo_fast_path"`. No 保密审查 record is invented:
none took place. (A search index, when there is one, is rebuilt by its own
command.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.models import Organisation, User
from gongkai.documents.body import sanitise_body
from gongkai.documents.doc_numbers import normalise_doc_number
from gongkai.documents.index_numbers import index_number_allocate
from gongkai.documents.models import Column, Disclosure, Document, DocumentStatus, Topic
from gongkai.documents.search_index import search_index_changed
from gongkai.documents.services import publish_due_refresh

from .plan import DocPlan

VIA = "demo_fast_path"


@dataclass(frozen=True)
class FastItem:
    plan: DocPlan
    organisation: Organisation
    column: Column | None
    topic: Topic | None
    published_on: date


def _document(item: FastItem, editor: User) -> Document:
    plan = item.plan
    allocated = index_number_allocate(
        organisation=item.organisation, on=plan.written_on
    )
    document = Document(
        organisation=item.organisation,
        column=item.column,
        status=DocumentStatus.PUBLISHED,
        title=plan.title,
        index_number=allocated.index_number,
        index_year=allocated.year,
        index_serial=allocated.serial,
        doc_number=normalise_doc_number(plan.doc_number) if plan.doc_number else "",
        written_on=plan.written_on,
        published_on=item.published_on,
        effective_on=plan.effective_on,
        expires_on=plan.expires_on,
        topic=item.topic,
        genre=plan.genre,
        content_type=plan.content_type,
        legal_form=plan.legal_form,
        validity=plan.validity,
        disclosure=Disclosure.PROACTIVE,
        statutory_item=plan.statutory_item,
        keywords=plan.keywords,
        summary=plan.summary,
        body=sanitise_body(plan.body),
        created_by=editor,
    )
    # The related objects were just read from the database: skip re-querying
    # them; the index number is unique by its locked counter.
    document.full_clean(
        exclude=["organisation", "column", "topic", "created_by"],
        validate_unique=False,
        validate_constraints=False,
    )
    return document


def _audit(document: Document, *, editor: User, reviewer: User) -> None:
    """The two records a person's work would leave: 创建文件 and 发布."""
    audit_record(
        actor=editor,
        event_type=AuditEventType.DOCUMENT_CREATED,
        target=document,
        after={
            "via": VIA,
            "index_number": document.index_number,
            "title": document.title,
            "doc_number": document.doc_number,
            "written_on": document.written_on,
            "column": document.column_id,
            "topic": document.topic_id,
            "genre": document.genre,
            "content_type": document.content_type,
            "legal_form": document.legal_form,
            "validity": document.validity,
            "disclosure": document.disclosure,
            "statutory_item": document.statutory_item,
            "publish_due_on": document.publish_due_on,
        },
    )
    audit_record(
        actor=reviewer,
        event_type=AuditEventType.DOCUMENT_PUBLISHED,
        target=document,
        before={"status": DocumentStatus.DRAFT},
        after={
            "via": VIA,
            "action": "publish",
            "status": DocumentStatus.PUBLISHED,
            "published_on": document.published_on,
        },
    )


def documents_publish_fast(
    *, items: list[FastItem], editor: User, reviewer: User
) -> list[Document]:
    """Create `items` as published documents; must run inside a transaction."""
    documents = Document.objects.bulk_create([_document(i, editor) for i in items])
    for document in documents:
        publish_due_refresh(document)
        _audit(document, editor=editor, reviewer=reviewer)
    # bulk_create bypasses the transition that normally indexes on commit.
    search_index_changed(*documents)
    return documents
