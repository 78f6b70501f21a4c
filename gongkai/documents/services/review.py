"""The reviewer's part: 保密审查 and the personal-data gate (条例第十五、十七条)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError
from gongkai.core.models import User

from ..models import (
    ConfidentialityReview,
    Document,
    PiiDecision,
    PiiFinding,
    PiiKind,
    PiiSource,
)
from ..pii import find_pii, mask_value
from ..workflow import CONFIDENTIALITY_KEYS, DocumentAction
from ._transitions import apply_transition, ensure_allowed
from .files import attachment_delete_with_findings
from .scan import TEXT_FIELDS, scanned_text


@transaction.atomic
def confidentiality_review_record(
    *,
    actor: User,
    document: Document,
    checklist: Mapping[str, bool],
    notes: str = "",
) -> ConfidentialityReview:
    """Record the 保密审查 checklist; it passes only when every item is ticked."""
    ensure_allowed(actor=actor, document=document, action=DocumentAction.REVIEW)
    missing = sorted(CONFIDENTIALITY_KEYS - set(checklist))
    unknown = sorted(set(checklist) - CONFIDENTIALITY_KEYS)
    if missing or unknown:
        raise DomainError(_("保密审查事项不完整，请逐项填写审查结论。"))
    answers = {key: bool(checklist[key]) for key in sorted(CONFIDENTIALITY_KEYS)}
    review = ConfidentialityReview.objects.create(
        document=document,
        reviewer=actor,
        submission=document.submission_count,
        checklist=answers,
        passed=all(answers.values()),
        notes=(notes or "").strip(),
    )
    apply_transition(
        actor=actor,
        document=document,
        action=DocumentAction.REVIEW,
        event_type=AuditEventType.CONFIDENTIALITY_REVIEWED,
        audit_extra={
            "review": review.pk,
            "passed": review.passed,
            "checklist": answers,
            "notes": review.notes,
        },
    )
    return review


def _value_pattern(kind: str, value: str) -> re.Pattern[str]:
    if kind == PiiKind.EMAIL:
        return re.compile(re.escape(value), re.I)
    return re.compile(rf"(?<![0-9A-Za-z]){re.escape(value)}(?![0-9A-Za-z])", re.I)


def _redacted_text(document: Document, finding: PiiFinding) -> dict[str, str]:
    """Title, summary, keywords and body with every occurrence masked."""
    values = {
        hit.value
        for hit in find_pii(scanned_text(document))
        if hit.digest == finding.value_digest
    }
    texts: dict[str, str] = {}
    for field in TEXT_FIELDS:
        text = getattr(document, field)
        for value in values:
            pattern = _value_pattern(finding.kind, value)
            text = pattern.sub(mask_value(finding.kind, value), text)
        texts[field] = text
    after = scanned_text(Document(**texts))
    if any(h.digest == finding.value_digest for h in find_pii(after)):
        raise DomainError(
            _(
                "该内容在正文中被格式标记分隔，无法自动遮盖。请退文，由录入人员修改正文。"
            )
        )
    return {f: t for f, t in texts.items() if t != getattr(document, f)}


def _decision_reason(decision: str, reason: str) -> str:
    """The reason, checked: 确认可公开 must say why the value may be public."""
    if decision not in (PiiDecision.REDACTED, PiiDecision.CONFIRMED_PUBLIC):
        raise DomainError(_("请选择“遮盖删除”或“确认可公开”。"))
    reason = (reason or "").strip()
    if decision == PiiDecision.CONFIRMED_PUBLIC and not reason:
        raise DomainError(_("确认可公开须说明理由（例如：对外公布的服务电话）。"))
    return reason


def _attachment_redact(*, actor: User, finding: PiiFinding, reason: str) -> str:
    """An attachment cannot be edited here: it is removed, and the editor may
    add a redacted version (which is scanned again). Returns the reason."""
    assert finding.attachment is not None
    reason = reason or "已删除含个人信息的附件"
    attachment_delete_with_findings(
        actor=actor,
        attachment=finding.attachment,
        reason=reason,
        action=DocumentAction.REVIEW,
    )
    finding.refresh_from_db()
    return reason


@transaction.atomic
def pii_finding_decide(
    *, actor: User, finding: PiiFinding, decision: str, reason: str = ""
) -> PiiFinding:
    """Redact (mask in the body / remove the attachment) or confirm public."""
    document = finding.document
    ensure_allowed(actor=actor, document=document, action=DocumentAction.REVIEW)
    reason = _decision_reason(decision, reason)
    changes: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    if decision == PiiDecision.REDACTED and finding.source == PiiSource.BODY:
        changes.update(_redacted_text(document, finding))
    elif decision == PiiDecision.REDACTED and finding.attachment is not None:
        extra["attachment_removed"] = finding.attachment.pk
        reason = _attachment_redact(actor=actor, finding=finding, reason=reason)
    finding.decision = decision
    finding.reason = reason
    finding.decided_by = actor
    finding.decided_at = timezone.now()
    finding.save()
    apply_transition(
        actor=actor,
        document=document,
        action=DocumentAction.REVIEW,
        event_type=AuditEventType.PII_DECIDED,
        changes=changes,
        audit_extra={
            "finding": finding.pk,
            "kind": finding.kind,
            "masked_value": finding.masked_value,
            "source": finding.source,
            "attachment_name": finding.attachment_name,
            "decision": decision,
            "reason": reason,
            **extra,
        },
    )
    return finding
