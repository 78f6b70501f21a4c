"""The staff document list: filters and pages."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.core.access import actor, staff_required

from ...forms import DocumentFilterForm
from ...selectors.staff import documents_visible_to
from .access import may_create

PAGE_SIZE = 20


@require_GET
@staff_required
def document_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
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
            "may_create": may_create(user),
        },
    )
