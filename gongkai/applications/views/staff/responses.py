"""Running one service from a view; a refusal re-renders the case page."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext

from gongkai.core.errors import DomainError
from gongkai.core.models import User

from ...models import Application
from .detail import render_case


def to_case(application: Application) -> HttpResponseRedirect:
    return redirect("staff:application_detail", pk=application.pk)


def refusal(
    request: HttpRequest,
    user: User,
    application: Application,
    message: str,
    *,
    status: int,
    bound: Mapping[str, forms.Form] | None = None,
) -> HttpResponse:
    """The case page again, with the rule's message (nothing was stored)."""
    messages.error(request, message)
    application.refresh_from_db()
    return render_case(request, user, application, bound=bound, status=status)


def form_refusal(
    request: HttpRequest,
    user: User,
    application: Application,
    form: forms.Form,
    key: str,
) -> HttpResponse:
    """The case page again (400) with the invalid form's field messages."""
    message = gettext("提交的内容有误，请按提示修改。")
    return refusal(request, user, application, message, status=400, bound={key: form})


def attempt(
    request: HttpRequest,
    user: User,
    application: Application,
    form: forms.Form,
    key: str,
    call: Callable[[], Any],
) -> tuple[Any, HttpResponse | None]:
    """(result, None) on success; (None, the refusal page) otherwise.

    DomainError keeps its status (400; 403 PermissionDenied; 409
    InvalidTransition and a missing calendar year).
    """
    try:
        return call(), None
    except DomainError as exc:
        form.add_error(None, exc.message)
        page = refusal(
            request,
            user,
            application,
            exc.message,
            status=exc.status_code,
            bound={key: form},
        )
    except ValidationError as exc:
        message = "；".join(exc.messages)
        form.add_error(None, message)
        page = refusal(
            request, user, application, message, status=400, bound={key: form}
        )
    return None, page
