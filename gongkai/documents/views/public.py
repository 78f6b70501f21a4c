"""The public disclosure site (政府信息公开平台): browse, read, print, download.

Every page works without JavaScript; filters are GET forms. Only documents the
public may see are ever shown (selectors.public); anything else answers 404.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.utils.html import linebreaks
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from gongkai.core.models import Organisation

from ..body import sanitise_body
from ..models import Column, ColumnKind, Document, Genre, Topic, Validity
from ..selectors import public as selectors

PAGE_SIZE = 20
_MARKUP = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z]|!--)")
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")


class DocumentFilterForm(forms.Form):
    """Catalogue filters (year, topic, genre, validity); all optional GET fields."""

    organisation = forms.ChoiceField(label=_("发布机构"), required=False)
    year = forms.TypedChoiceField(
        label=_("发布年份"), required=False, coerce=int, empty_value=None
    )
    topic = forms.TypedChoiceField(
        label=_("主题分类"), required=False, coerce=int, empty_value=None
    )
    genre = forms.ChoiceField(
        label=_("文种"),
        required=False,
        choices=[("", _("全部文种")), *Genre.choices],
    )
    validity = forms.ChoiceField(
        label=_("效力状态"),
        required=False,
        choices=[("", _("全部")), *Validity.choices],
    )

    def __init__(
        self,
        data: Any,
        *,
        years: list[int],
        organisations: list[Organisation] | None = None,
    ) -> None:
        super().__init__(data)
        self.fields["year"].choices = [  # type: ignore[attr-defined]
            ("", _("全部年份")),
            *((y, gettext("%(year)s年") % {"year": y}) for y in years),
        ]
        topic_choices: list[tuple[Any, str]] = [("", str(_("全部主题")))]
        self.topics: dict[int, Topic] = {}
        for node in selectors.topic_tree():
            self.topics[node.topic.pk] = node.topic
            topic_choices.append((node.topic.pk, node.topic.name))
            for child in node.children:
                self.topics[child.pk] = child
                topic_choices.append((child.pk, f"\u3000{child.name}"))
        self.fields["topic"].choices = topic_choices  # type: ignore[attr-defined]
        if organisations is None:
            del self.fields["organisation"]
        else:
            self.organisations = {o.credit_code: o for o in organisations}
            self.fields["organisation"].choices = [  # type: ignore[attr-defined]
                ("", _("全部机构")),
                *((o.credit_code, "\u3000" * o.depth + o.name) for o in organisations),
            ]

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for `documents_filter`; invalid fields are ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        code = data.get("organisation")
        topic = data.get("topic")
        return {
            "organisation": self.organisations.get(code) if code else None,
            "year": data.get("year"),
            "topic": self.topics.get(topic) if topic else None,
            "genre": data.get("genre") or None,
            "validity": data.get("validity") or None,
        }


def _paginate(request: HttpRequest, queryset: QuerySet[Document]) -> Any:
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _filtered_list(
    request: HttpRequest,
    base: QuerySet[Document],
    *,
    organisations: list[Organisation] | None = None,
) -> dict[str, Any]:
    form = DocumentFilterForm(
        request.GET or None,
        years=selectors.published_years(queryset=base),
        organisations=organisations,
    )
    filters = {k: v for k, v in form.filters().items() if v is not None}
    page_obj = _paginate(request, selectors.documents_filter(queryset=base, **filters))
    return {"form": form, "page_obj": page_obj, "filtered": bool(filters)}


@require_safe
def document_list(request: HttpRequest) -> HttpResponse:
    """Browse every public document without a search box (分类浏览)."""
    organisations = list(Organisation.objects.filter(is_active=True).order_by("path"))
    context = _filtered_list(
        request, selectors.published_documents(), organisations=organisations
    )
    return render(request, "documents/public/document_list.html", context)


@require_safe
def organisation_detail(request: HttpRequest, credit_code: str) -> HttpResponse:
    organisation = selectors.organisation_get_public(credit_code=credit_code)
    latest = selectors.documents_filter(
        organisation=organisation, include_subtree=False
    )[:10]
    context = {
        "organisation": organisation,
        "catalogue": selectors.catalogue_tree(organisation=organisation),
        "latest": latest,
        "children": organisation.children.filter(is_active=True).order_by(
            "sort_order", "name"
        ),
    }
    return render(request, "documents/public/organisation.html", context)


@require_safe
def column_detail(request: HttpRequest, credit_code: str, slug: str) -> HttpResponse:
    organisation = selectors.organisation_get_public(credit_code=credit_code)
    column = selectors.column_get_public(organisation=organisation, slug=slug)
    base = selectors.documents_filter(column=column)
    context = {
        "organisation": organisation,
        "column": column,
        "catalogue": selectors.catalogue_tree(organisation=organisation),
        **_filtered_list(request, base),
    }
    if column.kind == ColumnKind.GUIDE:
        context.update(_guide_context(organisation))
        return render(request, "documents/public/guide.html", context)
    return render(request, "documents/public/column.html", context)


def _guide_context(organisation: Organisation) -> dict[str, Any]:
    return {
        "guide_catalogue": selectors.catalogue_tree(organisation=organisation),
        "document_count": selectors.documents_filter(
            organisation=organisation, include_subtree=False
        ).count(),
        "superior": organisation.parent,
    }


@require_safe
def guide(request: HttpRequest, credit_code: str) -> HttpResponse:
    """政府信息公开指南, generated from the organisation's data (条例第十二条)."""
    organisation = selectors.organisation_get_public(credit_code=credit_code)
    guide_column = Column.objects.filter(
        organisation=organisation, kind=ColumnKind.GUIDE
    ).first()
    context = {
        "organisation": organisation,
        "column": guide_column,
        "catalogue": selectors.catalogue_tree(organisation=organisation),
        **_guide_context(organisation),
    }
    return render(request, "documents/public/guide.html", context)


def _body_html(body: str) -> SafeString:
    """The body is sanitised on save; clean again so no stored markup can script.

    Bodies without markup (plain text imported from seeds) keep their lines.
    """
    if not _MARKUP.search(body):
        return mark_safe(linebreaks(body, autoescape=True))
    return mark_safe(sanitise_body(body))


@require_safe
def document_detail(
    request: HttpRequest, pk: int, *, print_view: bool = False
) -> HttpResponse:
    document = selectors.document_get_published(pk=pk)
    attachments = list(document.attachments.all())
    image = next((a for a in attachments if a.mime_type in IMAGE_TYPES), None)
    context = {
        "document": document,
        "organisation": document.organisation,
        "column": document.column,
        "co_issuers": list(document.co_issuers.all()),
        "attachments": attachments,
        "relations": selectors.document_relations(document=document),
        "body_html": _body_html(document.body),
        "print_view": print_view or request.GET.get("print") == "1",
        "image": image,
        "not_in_force": document.validity != Validity.IN_FORCE,
    }
    return render(request, "documents/public/document.html", context)


@require_safe
def document_print(request: HttpRequest, pk: int) -> HttpResponse:
    return document_detail(request, pk, print_view=True)


@require_safe
def attachment_download(
    request: HttpRequest, document_pk: int, pk: int
) -> FileResponse:
    """Serve an attachment of a public document under its original name.

    The storage path is never exposed; attachments of unpublished documents
    answer 404 like the documents themselves.
    """
    attachment = selectors.attachment_get_published(document_pk=document_pk, pk=pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("attachment file missing") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.mime_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


LARGE_TEXT_COOKIE = "gk_large_text"
LARGE_TEXT_MAX_AGE = 365 * 24 * 3600


@require_safe
def large_text_toggle(request: HttpRequest) -> HttpResponse:
    """适老化: switch the large-text, high-contrast mode and go back.

    `?on=1` or `?on=0` sets the mode explicitly; without it the mode flips.
    The return address must be on this site (no open redirect).
    """
    current = request.COOKIES.get(LARGE_TEXT_COOKIE) == "1"
    wanted = {"1": True, "0": False}.get(request.GET.get("on", ""), not current)
    target = request.GET.get("next") or request.headers.get("referer") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if wanted:
        response.set_cookie(
            LARGE_TEXT_COOKIE, "1", max_age=LARGE_TEXT_MAX_AGE, samesite="Lax"
        )
    else:
        response.delete_cookie(LARGE_TEXT_COOKIE, samesite="Lax")
    return response
