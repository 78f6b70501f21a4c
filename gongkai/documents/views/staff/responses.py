"""Running one service from a view and reporting what came of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.functional import Promise

from gongkai.core.errors import DomainError, PermissionDenied

from ...models import Document

Report = Callable[[HttpRequest, Any], None]


def to_detail(document: Document) -> HttpResponseRedirect:
    return redirect("staff:document_detail", pk=document.pk)


def run(
    request: HttpRequest,
    document: Document,
    call: Callable[[], object],
    success: str | Promise,
    report: Report | None = None,
) -> HttpResponseRedirect:
    """Call one service; a rule's refusal is shown, an unseen object is 404.

    On success `report(request, result)` gives the message, if given;
    otherwise `success` is shown.
    """
    try:
        result = call()
    except PermissionDenied as exc:
        raise Http404(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        if report is None:
            messages.success(request, str(success))
        else:
            report(request, result)
    return to_detail(document)


def form_errors(request: HttpRequest, form: forms.Form) -> None:
    """A form's errors as messages, for forms that have no page of their own."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}：{error}" if label else str(error))
