"""Publishing: interpretations with their policies, amendments with originals.

Rules implemented here:

- 政策解读 are published with their policies (“三同步”, spec §4.2): publishing
  a policy publishes every approved interpretation linked to it in the same
  transaction; a policy marked `needs_interpretation` is refused unless one of
  its interpretations is approved (and so published with it) or already public.
- Publishing an interpretation whose policy is approved but not yet published
  publishes the policy with it (one action publishes both, whichever of the
  two the reviewer starts from). An interpretation may not go online before
  its policy: if a linked policy is not yet approved, or has been withdrawn,
  the publication is refused.
- A document with `supersedes` set, when published, moves the original from
  published to superseded in the same transaction and sets its validity from
  `supersede_effect` (spec §5.5: mark the original when it is amended or
  repealed). The original must be public.
- Only documents whose 公开属性 is 主动公开 are published; the others are
  registered and reviewed but stay internal.
- The publication date is the real day of publication: never in the future
  (a falsified date is a single-veto item, spec §4.3) nor before 成文日期.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.errors import DomainError
from gongkai.core.models import User

from ..models import (
    Disclosure,
    Document,
    DocumentStatus,
    SupersedeEffect,
    Validity,
)
from ..workflow import PUBLIC_STATUSES, DocumentAction
from ._transitions import apply_transition, ensure_allowed

EFFECT_VALIDITY: dict[str, Validity] = {
    SupersedeEffect.AMENDED: Validity.AMENDED,
    SupersedeEffect.PARTLY_INVALID: Validity.PARTLY_INVALID,
    SupersedeEffect.INVALID: Validity.INVALID,
    SupersedeEffect.REPEALED: Validity.REPEALED,
}
ENDS_VALIDITY = {SupersedeEffect.INVALID, SupersedeEffect.REPEALED}


def _linked_policies(document: Document, group: dict[int, Document]) -> list[Document]:
    added = []
    for policy in document.policies.all():
        if policy.pk in group or policy.status in PUBLIC_STATUSES:
            continue
        if policy.status != DocumentStatus.APPROVED:
            raise DomainError(
                _(
                    "所解读的政策文件《%(title)s》尚未审核通过或已撤回，"
                    "政策解读不能先于政策文件发布。"
                )
                % {"title": policy.title}
            )
        added.append(policy)
    return added


def _approved_interpretations(
    document: Document, group: dict[int, Document]
) -> list[Document]:
    return [
        interpretation
        for interpretation in document.interpretations.filter(
            status=DocumentStatus.APPROVED
        )
        if interpretation.pk not in group
    ]


def publication_group(document: Document) -> list[Document]:
    """The documents one publish action puts online together, `document` first."""
    group: dict[int, Document] = {document.pk: document}
    queue = [document]
    while queue:
        current = queue.pop()
        for other in [
            *_linked_policies(current, group),
            *_approved_interpretations(current, group),
        ]:
            group[other.pk] = other
            queue.append(other)
    for member in group.values():
        if member.needs_interpretation and not any(
            i.pk in group or i.status in PUBLIC_STATUSES
            for i in member.interpretations.all()
        ):
            raise DomainError(
                _(
                    "《%(title)s》需要同步发布政策解读，但尚无审核通过的解读。"
                    "请先将解读审核通过，再一并发布。"
                )
                % {"title": member.title}
            )
    return list(group.values())


def _check_publishable(document: Document, published_on: date) -> None:
    if document.disclosure != Disclosure.PROACTIVE:
        label = (
            Disclosure(document.disclosure).label if document.disclosure else _("未定")
        )
        raise DomainError(
            _("《%(title)s》公开属性为“%(label)s”，不能主动发布。")
            % {"title": document.title, "label": label}
        )
    if published_on < document.written_on:
        raise DomainError(
            _("《%(title)s》的发布日期不能早于成文日期。") % {"title": document.title}
        )
    original = document.supersedes
    if original is not None and original.status not in PUBLIC_STATUSES:
        raise DomainError(
            _("《%(title)s》修订或废止的原文件《%(original)s》不在公开状态。")
            % {"title": document.title, "original": original.title}
        )


def _supersede(actor: User, amending: Document) -> None:
    original = amending.supersedes
    assert original is not None
    effect = SupersedeEffect(amending.supersede_effect)
    changes: dict[str, object] = {"validity": EFFECT_VALIDITY[effect]}
    if effect in ENDS_VALIDITY and original.expires_on is None:
        changes["expires_on"] = amending.effective_on or amending.published_on
    apply_transition(
        actor=actor,
        document=original,
        action=DocumentAction.SUPERSEDE,
        changes=changes,
        audit_extra={
            "superseded_by": amending.pk,
            "superseded_by_index_number": amending.index_number,
            "effect": str(effect),
        },
    )


@transaction.atomic
def document_publish(
    *, actor: User, document: Document, published_on: date | None = None
) -> Document:
    """approved → published, with linked interpretations/policies and originals."""
    today = timezone.localdate()
    published_on = published_on or today
    if published_on > today:
        raise DomainError(_("发布日期不能晚于今天。"))
    ensure_allowed(actor=actor, document=document, action=DocumentAction.PUBLISH)
    group = publication_group(document)
    for member in group:
        ensure_allowed(actor=actor, document=member, action=DocumentAction.PUBLISH)
        _check_publishable(member, published_on)
        if member.supersedes is not None:
            ensure_allowed(
                actor=actor,
                document=member.supersedes,
                action=DocumentAction.SUPERSEDE,
            )
    together = sorted(m.pk for m in group)
    for member in group:
        apply_transition(
            actor=actor,
            document=member,
            action=DocumentAction.PUBLISH,
            changes={"published_on": published_on},
            audit_extra={"published_together": together} if len(group) > 1 else {},
        )
    for member in group:
        if member.supersedes is not None:
            _supersede(actor, member)
    return document
