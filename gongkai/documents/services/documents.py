"""Writing documents: create, edit and the review workflow up to approval."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import Organisation, User
from gongkai.core.permissions import Permission, has_permission

from ..index_numbers import index_number_allocate
from ..models import (
    ConfidentialityReview,
    ContentType,
    Disclosure,
    Document,
    DocumentStatus,
    PiiDecision,
)
from ..selectors.staff import document_visible, documents_visible_to
from ..workflow import ACTION_LABELS, DocumentAction
from ._fields import check_document, clean_values, set_co_issuers, split_fields
from ._transitions import apply_transition, audit_value, ensure_allowed, pks
from .deadlines import publish_due_refresh
from .scan import pii_scan, scanned_text


@transaction.atomic
def document_create(
    *,
    actor: User,
    organisation: Organisation,
    title: str,
    written_on: date,
    **fields: Any,
) -> Document:
    """A new draft with its 索引号 allocated (spec §5.2)."""
    if not has_permission(actor, Permission.DOCUMENT_EDIT, organisation):
        raise PermissionDenied(_("您没有权限在该机关录入文件。"))
    plain, m2m = split_fields({"title": title, "written_on": written_on, **fields})
    document = Document(
        organisation=organisation, status=DocumentStatus.DRAFT, created_by=actor
    )
    for name, value in clean_values(document, plain).items():
        setattr(document, name, value)
    for name, value in _index_allocate(document).items():
        setattr(document, name, value)
    check_document(document)
    _check_references(actor, document)
    document.save()
    if "co_issuers" in m2m:
        set_co_issuers(document, m2m["co_issuers"])
    publish_due_refresh(document)
    audit_record(
        actor=actor,
        event_type=AuditEventType.DOCUMENT_CREATED,
        target=document,
        after={
            "index_number": document.index_number,
            **{name: audit_value(document, name) for name in sorted(plain)},
            "co_issuers": pks(document.co_issuers.all()),
            "publish_due_on": audit_value(document, "publish_due_on"),
        },
    )
    return document


@transaction.atomic
def document_update(*, actor: User, document: Document, **fields: Any) -> Document:
    """Edit a draft. The 索引号 follows the 成文日期's year until publication."""
    ensure_allowed(actor=actor, document=document, action=DocumentAction.EDIT)
    plain, m2m = split_fields(fields)
    cleaned = clean_values(document, plain)
    old_year = document.written_on.year
    old_due_inputs = (document.written_on, document.legal_form)
    old_text = scanned_text(document)
    previous = {
        name: audit_value(document, name)
        for name in [*cleaned, "index_number", "index_year", "index_serial"]
    }
    for name, value in cleaned.items():
        setattr(document, name, value)
    check_document(document)
    _check_references(actor, document)
    if document.written_on.year != old_year:
        # Never published (only drafts are edited), so the number may change.
        cleaned.update(_index_allocate(document))
    extra = _co_issuers_replace(document, m2m)
    if not extra and all(audit_value(document, n) == previous[n] for n in cleaned):
        return document  # a form saved unchanged: nothing to record
    apply_transition(
        actor=actor,
        document=document,
        action=DocumentAction.EDIT,
        changes=cleaned,
        audit_extra=extra,
        previous=previous,
    )
    if (document.written_on, document.legal_form) != old_due_inputs:
        publish_due_refresh(document)
    if scanned_text(document) != old_text and document.pii_findings.exists():
        pii_scan(document=document)
    return document


def _index_allocate(document: Document) -> dict[str, Any]:
    """The next 索引号 of the organisation for the 成文日期's year (spec §5.2)."""
    allocated = index_number_allocate(
        organisation=document.organisation, on=document.written_on
    )
    return {
        "index_number": allocated.index_number,
        "index_year": allocated.year,
        "index_serial": allocated.serial,
    }


def _co_issuers_replace(document: Document, m2m: dict[str, Any]) -> dict[str, Any]:
    """Set the 联合发文机关 if given; the audit extra says what they became."""
    if "co_issuers" not in m2m:
        return {}
    old = pks(document.co_issuers.all())
    set_co_issuers(document, m2m["co_issuers"])
    new = pks(document.co_issuers.all())
    return {"co_issuers": new} if new != old else {}


def _check_references(actor: User, document: Document) -> None:
    """The document an amendment supersedes must be one the actor can see."""
    original = document.supersedes
    if original is not None and not document_visible(user=actor, document=original):
        raise PermissionDenied(_("所选原文件不存在或您无权查看。"))


def submission_problems(document: Document) -> list[str]:
    """Why a submission cannot be reviewed: it goes back to the editor at once."""
    problems = []
    if not document.disclosure:
        problems.append(_("未确定公开属性（主动公开、依申请公开或不予公开）。"))
    elif document.disclosure != Disclosure.PROACTIVE and not document.disclosure_reason:
        label = Disclosure(document.disclosure).label
        problems.append(
            _("公开属性为“%(label)s”，须说明理由（条例第十四至十六条）。")
            % {"label": label}
        )
    return problems


@transaction.atomic
def document_submit(*, actor: User, document: Document) -> Document:
    """draft → submitted; an incomplete submission is returned automatically."""
    apply_transition(
        actor=actor,
        document=document,
        action=DocumentAction.SUBMIT,
        changes={
            "submission_count": document.submission_count + 1,
            "return_reason": "",
        },
    )
    problems = submission_problems(document)
    if problems:
        return apply_transition(
            actor=None,
            document=document,
            action=DocumentAction.RETURN,
            changes={"return_reason": "自动退文：" + "".join(problems)},
            automatic=True,
        )
    pii_scan(document=document)
    return document


# The transitions that must give a reason, and the field that keeps it.
_REASON_FIELDS = {
    DocumentAction.RETURN: "return_reason",
    DocumentAction.WITHDRAW: "withdrawal_reason",
}


def _apply_with_reason(
    actor: User, document: Document, action: DocumentAction, reason: str
) -> Document:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(
            _("%(action)s须填写理由。") % {"action": ACTION_LABELS[action]}
        )
    changes = {_REASON_FIELDS[action]: reason}
    return apply_transition(
        actor=actor, document=document, action=action, changes=changes
    )


@transaction.atomic
def document_return(*, actor: User, document: Document, reason: str) -> Document:
    """退文: submitted → returned, with the reviewer's reason."""
    return _apply_with_reason(actor, document, DocumentAction.RETURN, reason)


@transaction.atomic
def document_revise(*, actor: User, document: Document) -> Document:
    """returned → draft, so the editor can address the 退文 reason."""
    return apply_transition(
        actor=actor, document=document, action=DocumentAction.REVISE
    )


def _check_approvable(actor: User, document: Document) -> None:
    review = (
        ConfidentialityReview.objects.filter(
            document=document, reviewer=actor, submission=document.submission_count
        )
        .order_by("-created_at", "-id")
        .first()
    )
    if review is None or not review.passed:
        raise DomainError(_("审核通过前，须由您本人对本次提交完成保密审查且审查通过。"))
    pending = document.pii_findings.filter(decision=PiiDecision.PENDING).count()
    if pending:
        raise DomainError(
            _(
                "尚有 %(pending)s 处疑似个人信息未处理："
                "请逐项遮盖删除或确认可公开后再审核通过。"
            )
            % {"pending": pending}
        )


def document_approve(*, actor: User, document: Document) -> Document:
    """submitted → approved: needs this reviewer's passed 保密审查 and no open PII.

    The scan runs first in its own transaction, so that findings it adds are
    kept (and shown to the reviewer) when the approval is refused for them.
    """
    ensure_allowed(actor=actor, document=document, action=DocumentAction.APPROVE)
    pii_scan(document=document)
    return _approve(actor, document)


@transaction.atomic
def _approve(actor: User, document: Document) -> Document:
    _check_approvable(actor, document)
    return apply_transition(
        actor=actor, document=document, action=DocumentAction.APPROVE
    )


@transaction.atomic
def document_withdraw(*, actor: User, document: Document, reason: str) -> Document:
    """published → withdrawn (taken off the public site), with the reason."""
    return _apply_with_reason(actor, document, DocumentAction.WITHDRAW, reason)


@transaction.atomic
def interpretation_link(
    *, actor: User, interpretation: Document, policies: Iterable[Document]
) -> Document:
    """Link a 政策解读 to the policy documents it explains (replaces the set)."""
    ensure_allowed(actor=actor, document=interpretation, action=DocumentAction.EDIT)
    chosen = list(policies)
    visible = set(
        documents_visible_to(user=actor)
        .filter(pk__in=[p.pk for p in chosen])
        .values_list("pk", flat=True)
    )
    for policy in chosen:
        if policy.pk == interpretation.pk:
            raise DomainError(_("政策解读不能解读自身。"))
        if policy.pk not in visible:
            raise PermissionDenied(_("所选政策文件不存在或您无权查看。"))
    before = pks(interpretation.policies.all())
    interpretation.policies.set(chosen)
    return apply_transition(
        actor=actor,
        document=interpretation,
        action=DocumentAction.EDIT,
        changes={"content_type": ContentType.INTERPRETATION},
        audit_extra={"policies_before": before, "policies": pks(chosen)},
    )
