"""The staff back office for documents (主动公开 录入、审核、发布).

Views stay thin: parse with a form, call one service, render or redirect.
Each workflow action has its own POST URL; a domain error becomes a message
on the page, a document the user may not see (or act on) answers 404, and
every successful POST redirects (POST-redirect-GET).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, Concatenate, ParamSpec, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import AuditEvent, User
from gongkai.core.permissions import (
    Permission,
    has_permission,
    has_permission_anywhere,
    role_assignments,
)

from .. import services
from ..forms import (
    AttachmentForm,
    ConfidentialityReviewForm,
    DocumentFilterForm,
    DocumentForm,
    PiiConfirmForm,
    PiiRedactForm,
    PublishForm,
    ReasonForm,
    document_initial,
)
from ..models import (
    Attachment,
    Document,
    DocumentStatus,
    PiiDecision,
    PiiFinding,
)
from ..selectors.staff import (
    document_allowed_actions,
    document_get_for,
    documents_visible_to,
)
from ..workflow import ACTION_PERMISSIONS, DocumentAction

PAGE_SIZE = 20
P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, P], HttpResponse]


# ---------------------------------------------------------------------------
# Access to the back office


def staff_required(view: View[P]) -> View[P]:
    """Signed in and holding at least one role; anyone else never gets in.

    Anonymous visitors go to the login page; a signed-in account without any
    role (e.g. a Django-admin-only superuser) is refused with 403.
    """

    @login_required
    @wraps(view)
    def wrapper(
        request: HttpRequest, *args: P.args, **kwargs: P.kwargs
    ) -> HttpResponse:
        if not role_assignments(request.user):
            return render(request, "staff/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return cast(View[P], wrapper)


def _actor(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _post(request: HttpRequest) -> Any:
    """The POST data, or None so that a GET gives an unbound form."""
    return request.POST if request.method == "POST" else None


def _detail(document: Document) -> HttpResponseRedirect:
    return redirect("staff:document_detail", pk=document.pk)


def _run(
    request: HttpRequest,
    document: Document,
    call: Callable[[], object],
    success: str,
) -> HttpResponseRedirect:
    """Call one service; a rule's refusal is shown, an unseen object is 404."""
    try:
        call()
    except PermissionDenied as exc:
        raise Http404(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, success)
    return _detail(document)


def _form_errors(request: HttpRequest, form: forms.Form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}：{error}" if label else str(error))


# ---------------------------------------------------------------------------
# Which actions the user may take now


@dataclass(frozen=True)
class AvailableActions:
    """Flags for the template: which action forms to show."""

    edit: bool
    submit: bool
    return_: bool
    revise: bool
    review: bool
    approve: bool
    publish: bool
    withdraw: bool

    @property
    def any(self) -> bool:
        return any(vars(self).values())

    @property
    def attachments(self) -> bool:
        # The editor on a draft; the reviewer may swap in a redacted version.
        return self.edit or self.review


def available_actions(user: User, document: Document) -> AvailableActions:
    """The workflow table's actions in this state that the user holds."""
    allowed = set(document_allowed_actions(user=user, document=document))
    return AvailableActions(
        edit=DocumentAction.EDIT in allowed,
        submit=DocumentAction.SUBMIT in allowed,
        return_=DocumentAction.RETURN in allowed,
        revise=DocumentAction.REVISE in allowed,
        review=DocumentAction.REVIEW in allowed,
        approve=DocumentAction.APPROVE in allowed,
        publish=DocumentAction.PUBLISH in allowed,
        withdraw=DocumentAction.WITHDRAW in allowed,
    )


def _require(user: User, document: Document, action: DocumentAction) -> None:
    if not has_permission(user, ACTION_PERMISSIONS[action], document.organisation):
        raise Http404


# ---------------------------------------------------------------------------
# List, create, edit, detail


@require_GET
@staff_required
def document_list(request: HttpRequest) -> HttpResponse:
    user = _actor(request)
    form = DocumentFilterForm(request.GET or None, user=user)
    documents = form.apply(
        documents_visible_to(user=user)
        .select_related("organisation")
        .order_by("-updated_at", "-id")
    )
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "documents/staff/document_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "may_create": has_permission_to_create(user),
        },
    )


def has_permission_to_create(user: User) -> bool:
    return has_permission_anywhere(user, Permission.DOCUMENT_EDIT)


@require_http_methods(["GET", "POST"])
@staff_required
def document_create(request: HttpRequest) -> HttpResponse:
    user = _actor(request)
    if not has_permission_to_create(user):
        raise Http404
    form = DocumentForm(_post(request), user=user)
    if request.method == "POST" and form.is_valid():
        try:
            document = _save(user, form, None)
        except PermissionDenied as exc:
            raise Http404(exc.message) from exc
        except DomainError as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            _add_validation_error(form, exc)
        else:
            messages.success(request, _("文件已保存为草稿。"))
            return _detail(document)
    return render(
        request,
        "documents/staff/document_form.html",
        {"form": form, "document": None},
        status=400 if form.is_bound else 200,
    )


@transaction.atomic
def _save(user: User, form: DocumentForm, document: Document | None) -> Document:
    """Create or update, then the interpretation links: one change or none.

    The document services take every metadata field but the 解读 links,
    which have their own service (`interpretation_link`).
    """
    policies = list(form.cleaned_data["policies"])
    if document is None:
        document = services.document_create(
            actor=user,
            organisation=form.cleaned_data["organisation"],
            **form.service_fields(),
        )
        linked: set[int] = set()
    else:
        linked = set(document.policies.values_list("pk", flat=True))
        document = services.document_update(
            actor=user, document=document, **form.service_fields()
        )
    if {p.pk for p in policies} != linked:
        services.interpretation_link(
            actor=user, interpretation=document, policies=policies
        )
    return document


def _add_validation_error(form: forms.Form, exc: ValidationError) -> None:
    """A model-level ValidationError from the service, onto the form's fields."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@require_http_methods(["GET", "POST"])
@staff_required
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _actor(request)
    document = document_get_for(user=user, pk=pk)
    if not available_actions(user, document).edit:
        raise Http404
    form = DocumentForm(
        _post(request),
        user=user,
        document=document,
        initial=document_initial(document),
    )
    if request.method == "POST" and form.is_valid():
        try:
            _save(user, form, document)
        except PermissionDenied as exc:
            raise Http404(exc.message) from exc
        except DomainError as exc:
            form.add_error(None, exc.message)
            document.refresh_from_db()  # the rolled-back values
        except ValidationError as exc:
            _add_validation_error(form, exc)
            document.refresh_from_db()
        else:
            messages.success(request, _("修改已保存。"))
            return _detail(document)
    return render(
        request,
        "documents/staff/document_form.html",
        {"form": form, "document": document},
        status=400 if form.is_bound else 200,
    )


def document_history(document: Document) -> list[AuditEvent]:
    """The audit events about this document, newest first.

    Attachments, 保密审查 and PII decisions are audited on the document itself.
    """
    return list(
        AuditEvent.objects.filter(
            target_type=Document._meta.label_lower, target_id=str(document.pk)
        )
        .select_related("actor")
        .order_by("-id")[:200]
    )


@require_GET
@staff_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _actor(request)
    document = document_get_for(user=user, pk=pk)
    return _render_detail(request, user, document)


def _render_detail(
    request: HttpRequest,
    user: User,
    document: Document,
    *,
    bound: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    forms_: dict[str, forms.Form] = {
        "return_form": ReasonForm(prefix="return"),
        "withdraw_form": ReasonForm(prefix="withdraw"),
        "review_form": ConfidentialityReviewForm(prefix="review"),
        "publish_form": PublishForm(prefix="publish"),
        "attachment_form": AttachmentForm(prefix="attachment"),
        "pii_confirm_form": PiiConfirmForm(prefix="pii"),
    }
    forms_.update(bound or {})
    findings = list(document.pii_findings.all())
    actions = available_actions(user, document)
    publish_group: list[Document] = []
    publish_problem = ""
    if actions.publish:
        try:
            publish_group = services.publication_group(document)[1:]
        except DomainError as exc:
            publish_problem = exc.message
    context: dict[str, Any] = {
        "document": document,
        "actions": actions,
        "publish_group": publish_group,
        "publish_problem": publish_problem,
        "history": document_history(document),
        "attachments": list(document.attachments.all()),
        "co_issuers": list(document.co_issuers.all()),
        "policies": list(document.policies.all()),
        "interpretations": list(document.interpretations.all()),
        "reviews": list(document.confidentiality_reviews.select_related("reviewer")),
        "pii_findings": findings,
        "pii_pending": [f for f in findings if f.decision == PiiDecision.PENDING],
        "public_url": (
            document.get_absolute_url()
            if document.status in (DocumentStatus.PUBLISHED, DocumentStatus.SUPERSEDED)
            else None
        ),
        **forms_,
    }
    return render(
        request, "documents/staff/document_detail.html", context, status=status
    )


# ---------------------------------------------------------------------------
# Workflow actions: one POST URL each


def _action_view(
    action: DocumentAction,
) -> Callable[[Callable[[HttpRequest, User, Document], HttpResponse]], View[[int]]]:
    """Load the visible document, check the action's permission, then act."""

    def decorate(
        handler: Callable[[HttpRequest, User, Document], HttpResponse],
    ) -> View[[int]]:
        @require_POST
        @staff_required
        @wraps(handler)
        def view(request: HttpRequest, pk: int) -> HttpResponse:
            user = _actor(request)
            document = document_get_for(user=user, pk=pk)
            _require(user, document, action)
            return handler(request, user, document)

        return view

    return decorate


@_action_view(DocumentAction.SUBMIT)
def document_submit(
    request: HttpRequest, user: User, document: Document
) -> HttpResponse:
    try:
        document = services.document_submit(actor=user, document=document)
    except PermissionDenied as exc:
        raise Http404(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
        return _detail(document)
    if document.status == DocumentStatus.RETURNED:
        # The domain returned it at once (公开属性未定或缺少理由).
        messages.error(request, document.return_reason)
    elif document.pii_findings.filter(decision=PiiDecision.PENDING).exists():
        messages.warning(
            request, _("已提交审核。检测到疑似个人信息，审核人员须逐项处理。")
        )
    else:
        messages.success(request, _("已提交审核。"))
    return _detail(document)


@_action_view(DocumentAction.RETURN)
def document_return(
    request: HttpRequest, user: User, document: Document
) -> HttpResponse:
    form = ReasonForm(request.POST, prefix="return")
    if not form.is_valid():
        return _render_detail(
            request, user, document, bound={"return_form": form}, status=400
        )
    return _run(
        request,
        document,
        lambda: services.document_return(
            actor=user, document=document, reason=form.cleaned_data["reason"]
        ),
        _("已退文。"),
    )


@_action_view(DocumentAction.REVISE)
def document_revise(
    request: HttpRequest, user: User, document: Document
) -> HttpResponse:
    return _run(
        request,
        document,
        lambda: services.document_revise(actor=user, document=document),
        _("文件已恢复为草稿，可以修改后重新提交。"),
    )


@_action_view(DocumentAction.REVIEW)
def document_review(
    request: HttpRequest, user: User, document: Document
) -> HttpResponse:
    form = ConfidentialityReviewForm(request.POST, prefix="review")
    if not form.is_valid():
        return _render_detail(
            request, user, document, bound={"review_form": form}, status=400
        )
    return _run(
        request,
        document,
        lambda: services.confidentiality_review_record(
            actor=user,
            document=document,
            checklist=form.checklist(),
            notes=form.cleaned_data["notes"],
        ),
        _("保密审查已记录。"),
    )


@_action_view(DocumentAction.APPROVE)
def document_approve(
    request: HttpRequest, user: User, document: Document
) -> HttpResponse:
    return _run(
        request,
        document,
        lambda: services.document_approve(actor=user, document=document),
        _("审核通过。"),
    )


@_action_view(DocumentAction.PUBLISH)
def document_publish(
    request: HttpRequest, user: User, document: Document
) -> HttpResponse:
    form = PublishForm(request.POST, prefix="publish")
    if not form.is_valid():
        return _render_detail(
            request, user, document, bound={"publish_form": form}, status=400
        )
    return _run(
        request,
        document,
        lambda: services.document_publish(
            actor=user,
            document=document,
            published_on=form.cleaned_data["published_on"],
        ),
        _("文件已发布。"),
    )


@_action_view(DocumentAction.WITHDRAW)
def document_withdraw(
    request: HttpRequest, user: User, document: Document
) -> HttpResponse:
    form = ReasonForm(request.POST, prefix="withdraw")
    if not form.is_valid():
        return _render_detail(
            request, user, document, bound={"withdraw_form": form}, status=400
        )
    return _run(
        request,
        document,
        lambda: services.document_withdraw(
            actor=user, document=document, reason=form.cleaned_data["reason"]
        ),
        _("文件已撤回，公开网站不再显示。"),
    )


# ---------------------------------------------------------------------------
# PII findings: one URL per decision


def _finding(document: Document, finding_pk: int) -> PiiFinding:
    return get_object_or_404(PiiFinding, pk=finding_pk, document=document)


@require_POST
@staff_required
def pii_redact(request: HttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    user = _actor(request)
    document = document_get_for(user=user, pk=pk)
    _require(user, document, DocumentAction.REVIEW)
    finding = _finding(document, finding_pk)
    form = PiiRedactForm(request.POST, prefix=f"pii-{finding.pk}")
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _run(
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
    user = _actor(request)
    document = document_get_for(user=user, pk=pk)
    _require(user, document, DocumentAction.REVIEW)
    finding = _finding(document, finding_pk)
    form = PiiConfirmForm(request.POST, prefix=f"pii-{finding.pk}")
    if not form.is_valid():
        _form_errors(request, form)
        return _detail(document)
    return _run(
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


# ---------------------------------------------------------------------------
# Attachments


@require_POST
@staff_required
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = _actor(request)
    document = document_get_for(user=user, pk=pk)
    form = AttachmentForm(request.POST, request.FILES, prefix="attachment")
    if not form.is_valid():
        return _render_detail(
            request, user, document, bound={"attachment_form": form}, status=400
        )
    return _run(
        request,
        document,
        lambda: services.attachment_add(
            actor=user, document=document, uploaded_file=form.cleaned_data["file"]
        ),
        _("附件已上传。"),
    )


@require_POST
@staff_required
def attachment_remove(
    request: HttpRequest, pk: int, attachment_pk: int
) -> HttpResponse:
    user = _actor(request)
    document = document_get_for(user=user, pk=pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, document=document)
    return _run(
        request,
        document,
        lambda: services.attachment_remove(actor=user, attachment=attachment),
        _("附件已删除。"),
    )
