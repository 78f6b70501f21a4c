"""GET /api/v1/search and /api/v1/search/suggest (public, read only)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.params.functions import Query
from ninja.responses import Status

from gongkai.core.schemas import ErrorOut

from .params import parse_params
from .query import QueryError
from .selectors import SearchResult, search_run, search_suggest
from .services import search_log_result

router = Router(tags=["search"])


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


class HitOut(Schema):
    type: str
    id: int
    title: str
    snippet: str
    url: str
    organisation: str
    published_on: date | None
    doc_number: str
    index_number: str
    validity: str


class SearchOut(Schema):
    total: int
    # False when the query matched more than the count limit (1,000 by
    # default): `total` and the facet counts are then estimates.
    total_exact: bool
    took_ms: float
    page: int
    pages: int
    facets: dict[str, list[FacetValueOut]]
    hits: list[HitOut]


class SuggestionOut(Schema):
    title: str
    url: str


def _hits(result: SearchResult) -> list[dict[str, Any]]:
    return [
        {
            "type": hit.entry.content_type,
            "id": hit.entry.object_id,
            "title": hit.entry.title,
            "snippet": hit.snippet,
            "url": hit.entry.url,
            "organisation": hit.entry.organisation.name
            if hit.entry.organisation
            else "",
            "published_on": hit.entry.published_on,
            "doc_number": hit.entry.doc_number,
            "index_number": hit.entry.index_number,
            "validity": hit.entry.validity,
        }
        for hit in result.hits
    ]


@router.get(
    "/search",
    response={200: SearchOut, 400: ErrorOut},
    summary="全文检索（已公开的政府信息）",
)
def search(
    request: HttpRequest,
    q: str = "",
    org: str = "",
    year: str = "",
    topic: str = "",
    genre: str = "",
    validity: str = "",
    type: str = "",
    date_from: str = Query("", alias="from"),
    date_to: str = Query("", alias="to"),
    sort: str = "relevance",
    page: str = "",
) -> Status[dict[str, Any]]:
    """Parameters: q (required, ≤ 200 characters), org (id or 统一社会信用代码,
    includes subordinate organisations), year, topic, genre, validity, type,
    from, to (YYYY-MM-DD), sort (relevance|date), page. `snippet` is HTML:
    escaped text with matches in <mark>. Values are checked by the search
    app (400 with a Chinese message), not by the schema."""
    raw = {
        "q": q,
        "org": org,
        "year": year,
        "topic": topic,
        "genre": genre,
        "validity": validity,
        "type": type,
        "from": date_from,
        "to": date_to,
        "sort": sort,
        "page": page,
    }
    return _search(request, raw)


def _search(request: HttpRequest, raw: dict[str, str]) -> Status[dict[str, Any]]:
    try:
        params = parse_params(raw)
        result = search_run(
            q=params.q, filters=params.filters, sort=params.sort, page=params.page
        )
    except QueryError as exc:
        return Status(400, {"error": "bad_request", "message": exc.message})
    if params.page == 1:  # paging through is one search, not several
        search_log_result(result=result, user=request.user)
    return Status(200, _result_out(result))


def _result_out(result: SearchResult) -> dict[str, Any]:
    return {
        "total": result.total,
        "total_exact": result.total_exact,
        "took_ms": result.took_ms,
        "page": result.page,
        "pages": result.pages,
        "facets": {
            facet: [vars(v) for v in values] for facet, values in result.facets.items()
        },
        "hits": _hits(result),
    }


@router.get(
    "/search/suggest",
    response={200: list[SuggestionOut], 400: ErrorOut},
    summary="标题联想",
)
def suggest(request: HttpRequest, q: str = "") -> Status[Any]:
    try:
        entries = search_suggest(q=q)
    except QueryError as exc:
        return Status(400, {"error": "bad_request", "message": exc.message})
    return Status(200, [{"title": e.title, "url": e.url} for e in entries])
