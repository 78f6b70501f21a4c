"""发布时限: when a document should be online (条例第二十六条; local rule)."""

from __future__ import annotations

from django.conf import settings

from gongkai.core.deadline_registry import deadline_store
from gongkai.core.models import StoredDeadline

from ..models import Document, LegalForm

OWNER_KIND = "documents.publish_due"


def publish_limit_days(document: Document) -> int:
    """Working days from 成文日期 to the latest lawful publication day.

    条例第二十六条: 20 WD for all government information; a locality's
    规范性文件管理办法 may set a shorter limit for normative documents (spec
    §6, default 5 WD, configurable).
    """
    limits = settings.GONGKAI_LIMITS
    if document.legal_form == LegalForm.NORMATIVE_DOCUMENT:
        return int(limits["normative_doc_publish_limit_wd"])
    return int(limits["proactive_publish_limit_wd"])


def publish_due_refresh(document: Document) -> None:
    """Store the deadline and copy it onto the document."""
    stored = deadline_store(
        owner_kind=OWNER_KIND,
        owner_id=document.pk,
        start=document.written_on,
        days=publish_limit_days(document),
    )
    document.publish_due_on = stored.due_on
    document.publish_due_provisional = stored.provisional
    Document.objects.filter(pk=document.pk).update(
        publish_due_on=stored.due_on, publish_due_provisional=stored.provisional
    )


def publish_due_recompute(deadline: StoredDeadline) -> None:
    """Recomputer registered with core.deadline_registry (apps.ready)."""
    Document.objects.filter(pk=deadline.owner_id).update(
        publish_due_on=deadline.due_on, publish_due_provisional=deadline.provisional
    )
