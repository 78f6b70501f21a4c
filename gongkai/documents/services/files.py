"""Attachments of a document: add (sniffed, size-limited) and remove."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from gongkai.core.audit_types import AuditEventType
from gongkai.core.models import User

from ..attachments import check_upload
from ..models import Attachment, Document, DocumentStatus, PiiDecision
from ..workflow import DocumentAction
from ._transitions import apply_transition, ensure_allowed
from .scan import pii_scan


def _action_for(document: Document) -> DocumentAction:
    # The editor manages attachments of a draft; under review the reviewer may
    # replace one with a redacted version.
    if document.status == DocumentStatus.SUBMITTED:
        return DocumentAction.REVIEW
    return DocumentAction.EDIT


def _delete_file_on_commit(attachment: Attachment) -> None:
    storage, name = attachment.file.storage, attachment.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def attachment_add(
    *, actor: User, document: Document, uploaded_file: UploadedFile
) -> Attachment:
    """Store an upload under a random name; ValidationError if refused."""
    action = _action_for(document)
    ensure_allowed(actor=actor, document=document, action=action)
    checked = check_upload(uploaded_file)
    attachment = Attachment(
        document=document,
        storage_key=checked.storage_key,
        original_name=checked.original_name,
        mime_type=checked.mime_type,
        size=checked.size,
        sha256=checked.sha256,
        extracted_text=checked.extracted_text,
    )
    attachment.file.save(checked.storage_key, ContentFile(checked.content), save=False)
    try:
        attachment.save()
        apply_transition(
            actor=actor,
            document=document,
            action=action,
            event_type=AuditEventType.ATTACHMENT_ADDED,
            audit_extra={
                "attachment": attachment.pk,
                "name": attachment.original_name,
                "mime_type": attachment.mime_type,
                "size": attachment.size,
                "sha256": attachment.sha256,
            },
        )
        pii_scan(document=document)
    except BaseException:
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


def attachment_delete_with_findings(
    *, actor: User, attachment: Attachment, reason: str, action: DocumentAction
) -> None:
    """Delete the attachment; its open PII findings count as redacted by it."""
    document = attachment.document
    attachment.pii_findings.filter(decision=PiiDecision.PENDING).update(
        decision=PiiDecision.REDACTED,
        reason=reason,
        decided_by=actor,
        decided_at=timezone.now(),
    )
    attachment.pii_findings.update(attachment_name=attachment.original_name)
    details = {
        "attachment": attachment.pk,
        "name": attachment.original_name,
        "sha256": attachment.sha256,
        "reason": reason,
    }
    _delete_file_on_commit(attachment)
    attachment.delete()
    apply_transition(
        actor=actor,
        document=document,
        action=action,
        event_type=AuditEventType.ATTACHMENT_REMOVED,
        audit_extra=details,
    )


@transaction.atomic
def attachment_remove(*, actor: User, attachment: Attachment) -> None:
    document = attachment.document
    action = _action_for(document)
    ensure_allowed(actor=actor, document=document, action=action)
    attachment_delete_with_findings(
        actor=actor, attachment=attachment, reason="附件已删除", action=action
    )
