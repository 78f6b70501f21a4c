"""The document review workflow as data: one transition table (no ORM here).

Every service that changes a document goes through
`services._transitions.apply_transition`, which looks the action up here,
checks the permission named here and writes the audit record.

Actions that do not move the document (editing a draft, the reviewer's
保密审查 and PII decisions) are in the same table with target == source, so
"which actions are possible in which state" has exactly one answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.core.audit_types import AuditEventType
from gongkai.core.permissions import Permission

from .models import DocumentStatus

S = DocumentStatus


class DocumentAction(StrEnum):
    EDIT = "edit"  # metadata, body, attachments, interpretation links
    SUBMIT = "submit"
    RETURN = "return"  # 退文 (reason required)
    REVISE = "revise"  # returned → draft, to edit again
    REVIEW = "review"  # 保密审查 and PII decisions while under review
    APPROVE = "approve"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"  # reason required
    SUPERSEDE = "supersede"  # done when the amending document is published


ACTION_LABELS: dict[DocumentAction, str | Promise] = {
    DocumentAction.EDIT: _("编辑"),
    DocumentAction.SUBMIT: _("提交审核"),
    DocumentAction.RETURN: _("退文"),
    DocumentAction.REVISE: _("重新编辑"),
    DocumentAction.REVIEW: _("审查"),
    DocumentAction.APPROVE: _("审核通过"),
    DocumentAction.PUBLISH: _("发布"),
    DocumentAction.WITHDRAW: _("撤回"),
    DocumentAction.SUPERSEDE: _("标注为已被修订或废止"),
}


@dataclass(frozen=True)
class Transition:
    target: DocumentStatus
    event: AuditEventType


# (current status, action) → where the document goes and what the audit says.
TRANSITIONS: dict[tuple[DocumentStatus, DocumentAction], Transition] = {
    (S.DRAFT, DocumentAction.EDIT): Transition(
        S.DRAFT, AuditEventType.DOCUMENT_UPDATED
    ),
    (S.DRAFT, DocumentAction.SUBMIT): Transition(
        S.SUBMITTED, AuditEventType.DOCUMENT_SUBMITTED
    ),
    (S.SUBMITTED, DocumentAction.REVIEW): Transition(
        S.SUBMITTED, AuditEventType.CONFIDENTIALITY_REVIEWED
    ),
    (S.SUBMITTED, DocumentAction.RETURN): Transition(
        S.RETURNED, AuditEventType.DOCUMENT_RETURNED
    ),
    (S.RETURNED, DocumentAction.REVISE): Transition(
        S.DRAFT, AuditEventType.DOCUMENT_REVISED
    ),
    (S.SUBMITTED, DocumentAction.APPROVE): Transition(
        S.APPROVED, AuditEventType.DOCUMENT_APPROVED
    ),
    (S.APPROVED, DocumentAction.PUBLISH): Transition(
        S.PUBLISHED, AuditEventType.DOCUMENT_PUBLISHED
    ),
    (S.PUBLISHED, DocumentAction.WITHDRAW): Transition(
        S.WITHDRAWN, AuditEventType.DOCUMENT_WITHDRAWN
    ),
    (S.PUBLISHED, DocumentAction.SUPERSEDE): Transition(
        S.SUPERSEDED, AuditEventType.DOCUMENT_SUPERSEDED
    ),
    # A document amended once may later be amended again or repealed; it
    # stays superseded and takes the newer effect (spec §5.5).
    (S.SUPERSEDED, DocumentAction.SUPERSEDE): Transition(
        S.SUPERSEDED, AuditEventType.DOCUMENT_SUPERSEDED
    ),
}

# The permission each action needs in the document's organisation
# (gongkai.core.permissions holds who has it).
ACTION_PERMISSIONS: dict[DocumentAction, Permission] = {
    DocumentAction.EDIT: Permission.DOCUMENT_EDIT,
    DocumentAction.SUBMIT: Permission.DOCUMENT_SUBMIT,
    DocumentAction.REVIEW: Permission.DOCUMENT_REVIEW,
    DocumentAction.RETURN: Permission.DOCUMENT_REVIEW,
    DocumentAction.REVISE: Permission.DOCUMENT_EDIT,
    DocumentAction.APPROVE: Permission.DOCUMENT_REVIEW,
    DocumentAction.PUBLISH: Permission.DOCUMENT_PUBLISH,
    DocumentAction.WITHDRAW: Permission.DOCUMENT_WITHDRAW,
    DocumentAction.SUPERSEDE: Permission.DOCUMENT_SUPERSEDE,
}

# Statuses in which a document is public (a superseded document stays online,
# stamped with its validity; a withdrawn one is taken down).
PUBLIC_STATUSES: frozenset[DocumentStatus] = frozenset({S.PUBLISHED, S.SUPERSEDED})
# Statuses of a document that has not reached the public yet.
UNPUBLISHED_STATUSES: frozenset[DocumentStatus] = frozenset(
    {S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED}
)


def transition_for(status: str, action: DocumentAction) -> Transition | None:
    return TRANSITIONS.get((DocumentStatus(status), action))


def actions_from(status: str) -> list[DocumentAction]:
    """The actions the table allows in `status`, in declaration order."""
    current = DocumentStatus(status)
    return [action for (source, action) in TRANSITIONS if source == current]


# 保密审查 checklist (条例第十七条: review before release). Every item must be
# ticked for the review to pass.
CONFIDENTIALITY_CHECKLIST: list[tuple[str, str | Promise]] = [
    ("no_state_secret", _("不涉及国家秘密")),
    ("no_work_secret", _("不涉及工作秘密和敏感信息")),
    (
        "no_security_risk",
        _("公开后不危及国家安全、公共安全、经济安全和社会稳定（条例第十四条）"),
    ),
    (
        "no_third_party_harm",
        _("不涉及商业秘密、个人隐私，或已依法处理（条例第十五条）"),
    ),
    (
        "not_internal_or_process",
        _("不属于内部事务信息、过程性信息或行政执法案卷（条例第十六条）"),
    ),
    ("consulted", _("涉及其他机关的已协商确认，依法需批准的已获批准（条例第十一条）")),
    ("disclosure_attribute", _("公开属性认定准确")),
    ("accurate_wording", _("内容准确，无严重表述错误")),
]
CONFIDENTIALITY_KEYS: frozenset[str] = frozenset(
    k for k, _ in CONFIDENTIALITY_CHECKLIST
)
