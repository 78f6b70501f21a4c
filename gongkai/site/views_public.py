"""The public home page: latest documents and the organisations' tree."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from gongkai.documents.models import ContentType
from gongkai.documents.selectors import public as selectors

LATEST_COUNT = 10


def _grouped(node: selectors.OrganisationNode) -> dict[str, Any]:
    """A government with its departments and, recursively, the governments below."""
    groups = selectors.organisation_groups(node)
    return {
        "organisation": node.organisation,
        "departments": groups["departments"],
        "governments": [_grouped(child) for child in groups["governments"]],
    }


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    documents = selectors.published_documents()
    context = {
        "latest": documents[:LATEST_COUNT],
        "interpretations": documents.filter(content_type=ContentType.INTERPRETATION)[
            :5
        ],
        "governments": [_grouped(root) for root in selectors.organisation_tree()],
        "topics": selectors.topic_tree(),
    }
    return render(request, "site/home.html", context)
