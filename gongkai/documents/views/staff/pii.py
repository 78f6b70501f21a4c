"""PII findings under review: one URL per decision."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.access import actor, staff_required
from gongkai.core.models import User

from ... import services
from ...forms import PiiConfirmForm, PiiRedactForm
from ...models import Document, PiiDecision, PiiFinding
from ...selectors.staff import document_get_for
from ...workflow import DocumentAction
from .access import require_action
from .responses import form_errors, run, to_detail


def _finding_for(
    request: HttpRequest, pk: int, finding_pk: int
) -> tuple[User, Document, PiiFinding]:
    """The reviewer, the visible document and its finding (else 404)."""
    user = actor(request)
    document = document_get_for(user=user, pk=pk)
    require_action(user, document, DocumentAction.REVIEW)
    finding = get_object_or_404(PiiFinding, pk=finding_pk, document=document)
    return user, document, finding


@require_POST
@staff_required
def pii_redact(request: HttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    user, document, finding = _finding_for(request, pk, finding_pk)
    form = PiiRedactForm(request.POST, prefix=f"pii-{finding.pk}")
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return run(
        request,
        document,
        lambda: services.pii_finding_decide(
            actor=user, finding=finding, decision=PiiDecision.REDACTED, reason=reason
        ),
        _("已遮盖该个人信息。"),
    )


@require_POST
@staff_required
def pii_confirm_public(request: HttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    user, document, finding = _finding_for(request, pk, finding_pk)
    form = PiiConfirmForm(request.POST, prefix=f"pii-{finding.pk}")
    if not form.is_valid():
        form_errors(request, form)
        return to_detail(document)
    return run(
        request,
        document,
        lambda: services.pii_finding_decide(
            actor=user,
            finding=finding,
            decision=PiiDecision.CONFIRMED_PUBLIC,
            reason=form.cleaned_data["reason"],
        ),
        _("已确认该信息可以公开。"),
    )
