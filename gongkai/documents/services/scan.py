"""The personal-data scan of a document's body and attachment texts."""

from __future__ import annotations

from collections.abc import Collection

from django.db import transaction

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType

from ..body import html_to_text
from ..models import Attachment, Document, PiiDecision, PiiFinding, PiiSource
from ..pii import PiiHit, find_pii

# Everything that is published with the document, not only the body.
TEXT_FIELDS = ("title", "summary", "keywords", "body")


def scanned_text(document: Document) -> str:
    """The document's own text as scanned (source 正文): metadata and body."""
    return "\n".join(
        [
            document.title,
            document.summary,
            document.keywords,
            html_to_text(document.body),
        ]
    )


def _sources(document: Document) -> list[tuple[str, Attachment | None, str]]:
    sources: list[tuple[str, Attachment | None, str]] = [
        (PiiSource.BODY, None, scanned_text(document))
    ]
    for attachment in document.attachments.all():
        sources.append((PiiSource.ATTACHMENT, attachment, attachment.extracted_text))
    return sources


FindingKey = tuple[str, int | None, str]


def _key(finding: PiiFinding) -> FindingKey:
    return (finding.source, finding.attachment_id, finding.value_digest)


def _distinct_hits(
    document: Document,
) -> dict[FindingKey, tuple[str, Attachment | None, PiiHit]]:
    """Each value found, once per source (the body or one attachment)."""
    hits: dict[FindingKey, tuple[str, Attachment | None, PiiHit]] = {}
    for source, attachment, text in _sources(document):
        for hit in find_pii(text):
            key = (source, attachment.pk if attachment else None, hit.digest)
            hits.setdefault(key, (source, attachment, hit))
    return hits


def _new_finding(
    document: Document,
    source: str,
    attachment: Attachment | None,
    hit: PiiHit,
    confirmed: PiiFinding | None,
) -> PiiFinding:
    finding = PiiFinding(
        document=document,
        source=source,
        attachment=attachment,
        attachment_name=attachment.original_name if attachment else "",
        kind=hit.kind,
        masked_value=hit.masked,
        value_digest=hit.digest,
        context=hit.context,
    )
    if confirmed is not None:
        # The same value was already confirmed public in this document.
        finding.decision = PiiDecision.CONFIRMED_PUBLIC
        finding.reason = confirmed.reason
        finding.decided_by_id = confirmed.decided_by_id
        finding.decided_at = confirmed.decided_at
    finding.save()
    return finding


def _reopen(finding: PiiFinding, hit: PiiHit) -> None:
    finding.decision = PiiDecision.PENDING
    finding.reason = ""
    finding.decided_by = None
    finding.decided_at = None
    finding.context = hit.context
    finding.save()


def _pending_drop(
    existing: dict[FindingKey, PiiFinding], *, seen: Collection[FindingKey]
) -> list[int]:
    """Delete the pending findings whose value is gone; decided ones stay."""
    gone = [
        f.pk
        for key, f in existing.items()
        if key not in seen and f.decision == PiiDecision.PENDING
    ]
    PiiFinding.objects.filter(pk__in=gone).delete()
    return gone


@transaction.atomic
def pii_scan(*, document: Document) -> list[PiiFinding]:
    """Scan body and attachment texts; keep decisions taken for the same value.

    - a value seen before keeps its finding (and its 确认可公开 decision);
    - a value confirmed public elsewhere in the document is confirmed here too;
    - a value that had been redacted and is back is pending again;
    - a pending finding whose value is gone is dropped; decided ones stay as
      the record of the decision.
    Returns the document's current findings.
    """
    existing = {_key(f): f for f in document.pii_findings.select_for_update()}
    confirmed = {
        f.value_digest: f
        for f in existing.values()
        if f.decision == PiiDecision.CONFIRMED_PUBLIC
    }
    hits = _distinct_hits(document)
    created: list[int] = []
    reopened: list[int] = []
    for key, (source, attachment, hit) in hits.items():
        finding = existing.get(key)
        if finding is None:
            new = _new_finding(
                document, source, attachment, hit, confirmed.get(hit.digest)
            )
            created.append(new.pk)
        elif finding.decision == PiiDecision.REDACTED:
            _reopen(finding, hit)
            reopened.append(finding.pk)
    gone = _pending_drop(existing, seen=hits.keys())
    if created or reopened or gone:
        audit_record(
            actor=None,
            event_type=AuditEventType.PII_SCANNED,
            target=document,
            after={"created": created, "reopened": reopened, "dropped": gone},
        )
    return list(document.pii_findings.all())
