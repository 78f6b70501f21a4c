"""Create and edit a document: the metadata form and its interpretation links."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.core.access import actor, staff_required
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import User

from ... import services
from ...forms import DocumentForm, document_initial
from ...models import Document
from ...selectors.staff import document_get_for
from .access import available_actions, may_create
from .responses import to_detail


def _post(request: HttpRequest) -> Any:
    """The POST data, or None so that a GET gives an unbound form."""
    return request.POST if request.method == "POST" else None


@require_http_methods(["GET", "POST"])
@staff_required
def document_create(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    if not may_create(user):
        raise Http404
    form = DocumentForm(_post(request), user=user)
    if request.method == "POST" and form.is_valid():
        document = _try_save(user, form, None)
        if document is not None:
            messages.success(request, _("文件已保存为草稿。"))
            return to_detail(document)
    return _form_page(request, form, None)


@require_http_methods(["GET", "POST"])
@staff_required
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor(request)
    document = document_get_for(user=user, pk=pk)
    if not available_actions(user, document).edit:
        raise Http404
    form = DocumentForm(
        _post(request),
        user=user,
        document=document,
        initial=document_initial(document),
    )
    posted = request.method == "POST" and form.is_valid()
    if posted and _try_save(user, form, document) is not None:
        messages.success(request, _("修改已保存。"))
        return to_detail(document)
    return _form_page(request, form, document)


def _form_page(
    request: HttpRequest, form: DocumentForm, document: Document | None
) -> HttpResponse:
    return render(
        request,
        "documents/staff/document_form.html",
        {"form": form, "document": document},
        status=400 if form.is_bound else 200,
    )


def _try_save(
    user: User, form: DocumentForm, document: Document | None
) -> Document | None:
    """Save, or put the refusal on the form and return None."""
    try:
        return _save(user, form, document)
    except PermissionDenied as exc:
        raise Http404(exc.message) from exc
    except DomainError as exc:
        form.add_error(None, exc.message)
    except ValidationError as exc:
        _add_validation_error(form, exc)
    if document is not None:
        document.refresh_from_db()  # the rolled-back values
    return None


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
