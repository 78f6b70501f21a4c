"""Read API of proactively disclosed documents (/api/v1/documents).

Public documents only (selectors.public). Every query parameter is taken as
text and checked here, so a bad value is a 400 with a Chinese message rather
than a framework 422; a missing or unpublished document is one 404 shape.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

from gongkai.core.models import Organisation
from gongkai.core.schemas import ErrorOut

from .models import Attachment, Document, Genre, Topic, Validity
from .selectors import public as selectors

router = Router(tags=["documents"])

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
TRUE_VALUES = {"1", "true", "yes"}
FALSE_VALUES = {"0", "false", "no", ""}


class OrganisationOut(Schema):
    id: int
    name: str
    credit_code: str


class AttachmentOut(Schema):
    name: str
    url: str
    size: int
    mime_type: str


class DocumentSummaryOut(Schema):
    id: int
    index_number: str
    title: str
    doc_number: str
    organisation: OrganisationOut
    written_on: date
    published_on: date
    topic: str | None
    topic_id: int | None
    genre: str
    genre_label: str
    validity: str
    validity_label: str
    url: str


class DocumentListOut(Schema):
    count: int
    page: int
    page_size: int
    num_pages: int
    results: list[DocumentSummaryOut]


class DocumentDetailOut(DocumentSummaryOut):
    co_issuers: list[OrganisationOut]
    effective_on: date | None
    expires_on: date | None
    content_type: str
    content_type_label: str
    legal_form: str
    legal_form_label: str
    disclosure: str
    disclosure_label: str
    statutory_item: str
    statutory_item_label: str
    column: str | None
    keywords: str
    summary: str
    body: str
    attachments: list[AttachmentOut]
    interpretations: list[int]
    policies: list[int]
    supersedes: int | None
    superseded_by: list[int]


class BadRequest(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _error(code: str, message: str) -> dict[str, str]:
    return {"error": code, "message": message}


def _int(value: str, *, name: str, low: int, high: int) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        raise BadRequest(_("参数 %(name)s 应为整数。") % {"name": name}) from None
    if not low <= number <= high:
        raise BadRequest(
            _("参数 %(name)s 应在 %(low)s 至 %(high)s 之间。")
            % {"name": name, "low": low, "high": high}
        )
    return number


def _choice(value: str, *, name: str, choices: list[str]) -> str:
    if value not in choices:
        raise BadRequest(
            _("参数 %(name)s 的取值无效，可选：%(choices)s。")
            % {"name": name, "choices": "、".join(choices)}
        )
    return value


def _flag(value: str, *, name: str) -> bool:
    lowered = value.strip().lower()
    if lowered in TRUE_VALUES:
        return True
    if lowered in FALSE_VALUES:
        return False
    raise BadRequest(_("参数 %(name)s 应为 1 或 0。") % {"name": name})


def _filters(
    *,
    organisation: str | None,
    subtree: str | None,
    year: str | None,
    topic: str | None,
    genre: str | None,
    validity: str | None,
) -> dict[str, Any]:
    """Turn query text into `documents_filter` arguments, or raise BadRequest."""
    filters: dict[str, Any] = {}
    if organisation:
        try:
            filters["organisation"] = Organisation.objects.get(
                credit_code=organisation.strip(), is_active=True
            )
        except Organisation.DoesNotExist:
            raise BadRequest(
                _("参数 organisation 应为已登记机关的统一社会信用代码。")
            ) from None
        filters["include_subtree"] = _flag(subtree or "", name="subtree")
    elif subtree:
        _flag(subtree, name="subtree")
    if year:
        filters["year"] = _int(
            year, name="year", low=1949, high=timezone.localdate().year + 1
        )
    if topic:
        topic_id = _int(topic, name="topic", low=1, high=2**31 - 1)
        try:
            filters["topic"] = Topic.objects.get(pk=topic_id)
        except Topic.DoesNotExist:
            raise BadRequest(_("参数 topic 不是已有的主题分类编号。")) from None
    if genre:
        filters["genre"] = _choice(genre, name="genre", choices=list(Genre.values))
    if validity:
        filters["validity"] = _choice(
            validity, name="validity", choices=list(Validity.values)
        )
    return filters


def _paging(page: str | None, page_size: str | None) -> tuple[int, int]:
    """Page number and size from query text, or raise BadRequest."""
    number = _int(page, name="page", low=1, high=10**6) if page else 1
    size = (
        _int(page_size, name="page_size", low=1, high=MAX_PAGE_SIZE)
        if page_size
        else DEFAULT_PAGE_SIZE
    )
    return number, size


def _organisation(org: Organisation) -> dict[str, Any]:
    return {"id": org.pk, "name": org.name, "credit_code": org.credit_code}


def _summary(request: HttpRequest, doc: Document) -> dict[str, Any]:
    return {
        "id": doc.pk,
        "index_number": doc.index_number,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "organisation": _organisation(doc.organisation),
        "written_on": doc.written_on,
        "published_on": doc.published_on,
        "topic": doc.topic.path_label if doc.topic else None,
        "topic_id": doc.topic_id,
        "genre": doc.genre,
        "genre_label": doc.get_genre_display() if doc.genre else "",
        "validity": doc.validity,
        "validity_label": doc.get_validity_display(),
        "url": request.build_absolute_uri(doc.get_absolute_url()),
    }


def _attachment(request: HttpRequest, attachment: Attachment) -> dict[str, Any]:
    url = reverse("public:attachment", args=[attachment.document_id, attachment.pk])
    return {
        "name": attachment.original_name,
        "url": request.build_absolute_uri(url),
        "size": attachment.size,
        "mime_type": attachment.mime_type,
    }


def _page_out(
    request: HttpRequest, qs: QuerySet[Document], *, number: int, size: int
) -> dict[str, Any]:
    """One page of summaries; a page past the end is empty, not an error."""
    count = qs.count()
    start = (number - 1) * size
    return {
        "count": count,
        "page": number,
        "page_size": size,
        "num_pages": max(1, -(-count // size)),
        "results": [_summary(request, d) for d in qs[start : start + size]],
    }


def _label(value: str, label: str) -> str:
    return label if value else ""


def _detail(request: HttpRequest, doc: Document) -> dict[str, Any]:
    relations = selectors.document_relations(document=doc)
    return {
        **_summary(request, doc),
        "co_issuers": [_organisation(o) for o in doc.co_issuers.all()],
        "effective_on": doc.effective_on,
        "expires_on": doc.expires_on,
        "content_type": doc.content_type,
        "content_type_label": doc.get_content_type_display(),
        "legal_form": doc.legal_form,
        "legal_form_label": _label(doc.legal_form, doc.get_legal_form_display()),
        "disclosure": doc.disclosure,
        "disclosure_label": _label(doc.disclosure, doc.get_disclosure_display()),
        "statutory_item": doc.statutory_item,
        "statutory_item_label": _label(
            doc.statutory_item, doc.get_statutory_item_display()
        ),
        "column": doc.column.name if doc.column else None,
        "keywords": doc.keywords,
        "summary": doc.summary,
        "body": doc.body,
        "attachments": [_attachment(request, a) for a in doc.attachments.all()],
        "interpretations": [d.pk for d in relations.interpretations],
        "policies": [d.pk for d in relations.policies],
        "supersedes": relations.supersedes.pk if relations.supersedes else None,
        "superseded_by": [d.pk for d in relations.superseded_by],
    }


@router.get(
    "/documents",
    response={200: DocumentListOut, 400: ErrorOut},
    summary="主动公开的政府信息列表",
)
def document_list(
    request: HttpRequest,
    page: str | None = None,
    page_size: str | None = None,
    organisation: str | None = None,
    subtree: str | None = None,
    year: str | None = None,
    topic: str | None = None,
    genre: str | None = None,
    validity: str | None = None,
) -> Status[dict[str, Any]]:
    """Published documents, newest first.

    Filters: `organisation` (统一社会信用代码; `subtree=1` adds every
    organisation below it), `year` (发布年份), `topic` (主题分类 id; a
    first-level topic includes its children), `genre`, `validity`.
    """
    try:
        number, size = _paging(page, page_size)
        filters = _filters(
            organisation=organisation,
            subtree=subtree,
            year=year,
            topic=topic,
            genre=genre,
            validity=validity,
        )
    except BadRequest as exc:
        return Status(400, _error("bad_request", exc.message))
    qs = selectors.documents_filter(**filters)
    return Status(200, _page_out(request, qs, number=number, size=size))


@router.get(
    "/documents/{document_id}",
    response={200: DocumentDetailOut, 404: ErrorOut},
    summary="一条主动公开的政府信息（全部元数据）",
)
def document_detail(request: HttpRequest, document_id: str) -> Status[dict[str, Any]]:
    not_found = _error("not_found", _("未找到该政府信息，或该信息尚未公开。"))
    if not (document_id.isascii() and document_id.isdigit()) or len(document_id) > 18:
        return Status(404, not_found)
    try:
        doc = selectors.document_get_published(pk=int(document_id))
    except Http404:
        return Status(404, not_found)
    return Status(200, _detail(request, doc))
