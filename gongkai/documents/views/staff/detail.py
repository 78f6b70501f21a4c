"""The document page: metadata, history and the forms of the allowed actions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.core.access import actor, staff_required
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent, User

from ... import services
from ...forms import AttachmentForm, PiiConfirmForm
from ...models import Document, DocumentStatus, PiiDecision
from ...selectors.staff import document_get_for
from .access import AvailableActions, available_actions
from .action_table import ACTION_STEPS, form_key

HISTORY_SHOWN = 200


@require_GET
@staff_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor(request)
    document = document_get_for(user=user, pk=pk)
    return render_detail(request, user, document)


def render_detail(
    request: HttpRequest,
    user: User,
    document: Document,
    *,
    bound: Mapping[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The page, with `bound` (invalid posted forms) in place of blank ones."""
    actions = available_actions(user, document)
    context: dict[str, Any] = {
        "document": document,
        "actions": actions,
        **_publish_context(document, actions),
        **_document_context(document),
        **_blank_forms(),
        **(bound or {}),
    }
    return render(
        request, "documents/staff/document_detail.html", context, status=status
    )


def _blank_forms() -> dict[str, forms.Form]:
    forms_: dict[str, forms.Form] = {
        form_key(action): step.form(prefix=action.value)
        for action, step in ACTION_STEPS.items()
        if step.form is not None
    }
    forms_["attachment_form"] = AttachmentForm(prefix="attachment")
    forms_["pii_confirm_form"] = PiiConfirmForm(prefix="pii")
    return forms_


def _publish_context(document: Document, actions: AvailableActions) -> dict[str, Any]:
    """The documents published together with this one, or why it cannot be."""
    publish_group: list[Document] = []
    publish_problem = ""
    if actions.publish:
        try:
            publish_group = services.publication_group(document)[1:]
        except DomainError as exc:
            publish_problem = exc.message
    return {"publish_group": publish_group, "publish_problem": publish_problem}


def _document_context(document: Document) -> dict[str, Any]:
    findings = list(document.pii_findings.all())
    public = document.status in (DocumentStatus.PUBLISHED, DocumentStatus.SUPERSEDED)
    return {
        "history": document_history(document),
        "attachments": list(document.attachments.all()),
        "co_issuers": list(document.co_issuers.all()),
        "policies": list(document.policies.all()),
        "interpretations": list(document.interpretations.all()),
        "reviews": list(document.confidentiality_reviews.select_related("reviewer")),
        "pii_findings": findings,
        "pii_pending": [f for f in findings if f.decision == PiiDecision.PENDING],
        "public_url": document.get_absolute_url() if public else None,
    }


def document_history(document: Document) -> list[AuditEvent]:
    """The audit events about this document, newest first.

    Attachments, 保密审查 and PII decisions are audited on the document itself.
    """
    return list(
        AuditEvent.objects.filter(
            target_type=Document._meta.label_lower, target_id=str(document.pk)
        )
        .select_related("actor")
        .order_by("-id")[:HISTORY_SHOWN]
    )
