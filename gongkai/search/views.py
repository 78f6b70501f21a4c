"""The public search page and the staff page of query statistics."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from gongkai.core.models import User
from gongkai.core.permissions import Permission, has_permission_anywhere

from .params import parse_params
from .query import QueryError
from .selectors import search_run
from .services import search_log_result
from .stats import search_queries_frequent, search_queries_zero_results

FACET_TITLES = {
    "type": _("类型"),
    "org": _("发布机构"),
    "year": _("年份"),
    "topic": _("主题分类"),
    "genre": _("文种"),
    "validity": _("效力状态"),
}


def _facet_links(request: HttpRequest, facets: dict[str, Any]) -> list[dict[str, Any]]:
    """Each facet value as a link that sets (or clears) that filter."""
    out = []
    for facet, title in FACET_TITLES.items():
        values = facets.get(facet) or []
        current = request.GET.get(facet, "")
        links = []
        for value in values:
            query = request.GET.copy()
            query.pop("page", None)
            query[facet] = value.value
            links.append(
                {
                    "label": value.label,
                    "count": value.count,
                    "href": "?" + query.urlencode(),
                    "active": current == value.value,
                }
            )
        clear = request.GET.copy()
        clear.pop("page", None)
        clear.pop(facet, None)
        out.append(
            {
                "name": facet,
                "title": title,
                "links": links,
                "current": current,
                "clear": "?" + clear.urlencode(),
            }
        )
    return out


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {"q": request.GET.get("q", ""), "result": None}
    status = 200
    if request.GET.get("q", "").strip():
        try:
            params = parse_params(request.GET)
            result = search_run(
                q=params.q, filters=params.filters, sort=params.sort, page=params.page
            )
        except QueryError as exc:
            context["error"] = exc.message
            status = 400
        else:
            if params.page == 1:  # paging through is one search, not several
                search_log_result(result=result, user=request.user)
            page_query = request.GET.copy()
            page_query.pop("page", None)
            context.update(
                result=result,
                facets=_facet_links(request, result.facets),
                page_query=page_query.urlencode(),
                sort=params.sort,
                max_length=settings.GONGKAI_SEARCH["max_query_length"],
            )
    return render(request, "search/public/search.html", context, status=status)


@require_GET
def search_stats(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not isinstance(user, User) or not has_permission_anywhere(
        user, Permission.DASHBOARD_VIEW
    ):
        raise PermissionDenied
    return render(
        request,
        "search/staff/stats.html",
        {
            "days": settings.GONGKAI_SEARCH["log_days"],
            "frequent": search_queries_frequent(),
            "zero": search_queries_zero_results(),
        },
    )
