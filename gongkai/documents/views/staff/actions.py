"""The workflow actions: one generic view, one POST URL per row of the table."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from gongkai.core.access import View, actor, staff_required

from ...selectors.staff import document_get_for
from ...workflow import DocumentAction
from .access import require_action
from .action_table import ACTION_STEPS, form_key
from .detail import render_detail
from .responses import run


def action_view(action: DocumentAction) -> View[[int]]:
    """Load the visible document, check the action's permission, parse the
    action's form (an invalid one re-renders the page with 400), call the
    service and redirect to the document."""
    step = ACTION_STEPS[action]

    @require_POST
    @staff_required
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        user = actor(request)
        document = document_get_for(user=user, pk=pk)
        require_action(user, document, action)
        arguments: dict[str, Any] = {}
        if step.form is not None:
            form = step.form(request.POST, prefix=action.value)
            if not form.is_valid():
                bound = {form_key(action): form}
                return render_detail(request, user, document, bound=bound, status=400)
            arguments = form.arguments()
        return run(
            request,
            document,
            lambda: step.service(actor=user, document=document, **arguments),
            step.success,
            step.report,
        )

    view.__name__ = view.__qualname__ = f"document_{action.value}"
    return view


ACTION_VIEWS: dict[DocumentAction, View[[int]]] = {
    action: action_view(action) for action in ACTION_STEPS
}
