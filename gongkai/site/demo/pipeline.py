"""Taking planned documents through the real workflow services.

Every document is created by an editor, submitted, given a passed 保密审查
by a reviewer, approved and published with the documents services, so each
step leaves its audit record exactly as a person's work would. Documents
whose title already exists in their organisation are skipped (idempotence).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gongkai.core.models import Organisation, User
from gongkai.documents.models import (
    Column,
    Disclosure,
    Document,
    DocumentStatus,
    PiiDecision,
    Topic,
)
from gongkai.documents.services import (
    confidentiality_review_record,
    document_approve,
    document_create,
    document_publish,
    document_return,
    document_submit,
    interpretation_link,
    pii_finding_decide,
)
from gongkai.documents.workflow import CONFIDENTIALITY_KEYS

from .fastpath import FastItem, documents_publish_fast
from .plan import DocPlan

PASSED = dict.fromkeys(sorted(CONFIDENTIALITY_KEYS), True)


@dataclass
class Actors:
    loader_editor: User
    loader_reviewer: User
    by_username: dict[str, User]

    def editor(self, plan: DocPlan) -> User:
        return self.by_username.get(plan.editor, self.loader_editor)

    def reviewer(self, plan: DocPlan) -> User:
        return self.by_username.get(plan.reviewer, self.loader_reviewer)


@dataclass
class Pipeline:
    organisations: dict[int, Organisation]
    actors: Actors
    today: date
    columns: dict[tuple[int, str], Column] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    existing: dict[tuple[int, str], Document] = field(default_factory=dict)
    created: int = 0

    def __post_init__(self) -> None:
        org_ids = [o.pk for o in self.organisations.values()]
        self.columns = {
            (c.organisation_id, c.slug): c
            for c in Column.objects.filter(organisation_id__in=org_ids)
        }
        self.topics = {
            t.path_label: t
            for t in Topic.objects.filter(parent__isnull=False).select_related("parent")
        }
        self.existing = {
            (d.organisation_id, d.title): d
            for d in Document.objects.filter(organisation_id__in=org_ids).only(
                "id", "organisation_id", "title", "status"
            )
        }

    # --- one document -------------------------------------------------

    def _fields(self, plan: DocPlan, organisation: Organisation) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "column": self.columns.get((organisation.pk, plan.column_slug)),
            "topic": self.topics.get(plan.topic),
            "genre": plan.genre,
            "content_type": plan.content_type,
            "legal_form": plan.legal_form,
            "doc_number": plan.doc_number,
            "effective_on": plan.effective_on,
            "expires_on": plan.expires_on,
            "validity": plan.validity,
            "disclosure": Disclosure.PROACTIVE,
            "statutory_item": plan.statutory_item,
            "keywords": plan.keywords,
            "summary": plan.summary,
            "body": plan.body,
            "needs_interpretation": plan.needs_interpretation,
        }
        if plan.supersedes:
            fields["supersedes"] = self.existing[(organisation.pk, plan.supersedes)]
            fields["supersede_effect"] = plan.supersede_effect
        return fields

    def _review_and_approve(self, plan: DocPlan, document: Document) -> None:
        reviewer = self.actors.reviewer(plan)
        confidentiality_review_record(
            actor=reviewer,
            document=document,
            checklist=PASSED,
            notes="经审查，可以公开。",
        )
        # Public office numbers and addresses in guides are not personal data.
        for finding in document.pii_findings.filter(decision=PiiDecision.PENDING):
            pii_finding_decide(
                actor=reviewer,
                finding=finding,
                decision=PiiDecision.CONFIRMED_PUBLIC,
                reason="机关对外公布的办公联系方式，可以公开。",
            )
        document_approve(actor=reviewer, document=document)

    def _published_on(self, plan: DocPlan) -> date:
        assert plan.published_on is not None
        return max(plan.written_on, min(plan.published_on, self.today))

    def ensure(self, plan: DocPlan) -> Document | None:
        """Create and move one planned document, unless it already exists."""
        organisation = self.organisations[plan.org_key]
        key = (organisation.pk, plan.title)
        if key in self.existing:
            return None
        editor = self.actors.editor(plan)
        document = document_create(
            actor=editor,
            organisation=organisation,
            title=plan.title,
            written_on=min(plan.written_on, self.today),
            **self._fields(plan, organisation),
        )
        self.existing[key] = document
        self.created += 1
        if plan.interprets:
            policy = self.existing[(organisation.pk, plan.interprets)]
            interpretation_link(
                actor=editor, interpretation=document, policies=[policy]
            )
        self._advance(plan, document, editor)
        return document

    def _advance(self, plan: DocPlan, document: Document, editor: User) -> None:
        """Take a new document as far as its planned status."""
        if plan.status == DocumentStatus.DRAFT:
            return
        document_submit(actor=editor, document=document)
        if plan.status == DocumentStatus.SUBMITTED:
            return
        if plan.status == DocumentStatus.RETURNED:
            document_return(
                actor=self.actors.reviewer(plan),
                document=document,
                reason=plan.return_reason,
            )
            return
        self._review_and_approve(plan, document)
        if plan.status == DocumentStatus.APPROVED or plan.needs_interpretation:
            # A policy waiting for its interpretation is published with it.
            return
        target = document
        if plan.interprets:
            target = self.existing[(document.organisation_id, plan.interprets)]
        document_publish(
            actor=self.actors.reviewer(plan),
            document=target,
            published_on=self._published_on(plan),
        )

    def ensure_fast(self, plans: list[DocPlan]) -> None:
        """Publish plain generated documents through the fast path."""
        items = []
        for plan in plans:
            organisation = self.organisations[plan.org_key]
            if (organisation.pk, plan.title) in self.existing:
                continue
            items.append(
                FastItem(
                    plan=plan,
                    organisation=organisation,
                    column=self.columns.get((organisation.pk, plan.column_slug)),
                    topic=self.topics.get(plan.topic),
                    published_on=self._published_on(plan),
                )
            )
        documents = documents_publish_fast(
            items=items,
            editor=self.actors.loader_editor,
            reviewer=self.actors.loader_reviewer,
        )
        for document in documents:
            self.existing[(document.organisation_id, document.title)] = document
        self.created += len(documents)


def needs_full_workflow(plan: DocPlan, showcase: set[int]) -> bool:
    """Whether a planned document goes through every workflow service."""
    return bool(
        plan.org_key in showcase
        or plan.seed_source
        or plan.status != DocumentStatus.PUBLISHED
        or plan.interprets
        or plan.supersedes
        or plan.needs_interpretation
        or plan.editor
    )
