"""Reads for the public disclosure site and the read API.

Only documents the public may see ever leave this module: published ones and
superseded ones (a superseded document stays public with its validity stamp,
because the 政府网站发展指引 requires the amendment or repeal to be marked on
the original document, spec §4.2/§5.5). Drafts, submitted, returned, approved
and withdrawn documents are invisible: callers answer 404.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from gongkai.core.models import Organisation, OrganisationKind

from ..models import Attachment, Column, Document, Topic
from ..workflow import PUBLIC_STATUSES


@dataclass
class OrganisationNode:
    organisation: Organisation
    children: list[OrganisationNode] = field(default_factory=list)


@dataclass
class ColumnNode:
    column: Column
    children: list[ColumnNode] = field(default_factory=list)


@dataclass
class DocumentRelations:
    policies: list[Document]
    interpretations: list[Document]
    supersedes: Document | None
    superseded_by: list[Document]


@dataclass
class TopicNode:
    topic: Topic
    children: list[Topic] = field(default_factory=list)


def published_documents() -> QuerySet[Document]:
    """Every publicly visible document, newest first, ready for list pages."""
    return (
        Document.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("organisation", "topic", "topic__parent", "column")
        .order_by("-published_on", "-id")
    )


def documents_filter(
    *,
    queryset: QuerySet[Document] | None = None,
    organisation: Organisation | None = None,
    include_subtree: bool = True,
    year: int | None = None,
    topic: Topic | None = None,
    genre: str | None = None,
    validity: str | None = None,
    column: Column | None = None,
) -> QuerySet[Document]:
    """Narrow the public documents; every argument left as None is no filter."""
    qs = published_documents() if queryset is None else queryset
    if organisation is not None:
        if include_subtree:
            qs = qs.filter(organisation__path__startswith=organisation.path)
        else:
            qs = qs.filter(organisation=organisation)
    if year is not None:
        qs = qs.filter(
            published_on__gte=date(year, 1, 1), published_on__lt=date(year + 1, 1, 1)
        )
    if topic is not None:
        # A top-level topic (一级分类) includes its second-level children.
        qs = qs.filter(Q(topic=topic) | Q(topic__parent=topic))
    if genre:
        qs = qs.filter(genre=genre)
    if validity:
        qs = qs.filter(validity=validity)
    if column is not None:
        qs = qs.filter(column_id__in=column_subtree_ids(column=column))
    return qs


def document_get_published(*, pk: int) -> Document:
    """One public document with its issuers and attachments, or Http404."""
    qs = (
        Document.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related(
            "organisation", "topic", "topic__parent", "column", "column__organisation"
        )
        .prefetch_related(
            Prefetch("co_issuers", queryset=Organisation.objects.order_by("path")),
            "attachments",
        )
    )
    try:
        return qs.get(pk=pk)
    except Document.DoesNotExist:
        raise Http404("document not found") from None


def document_relations(*, document: Document) -> DocumentRelations:
    """The public documents linked to this one, both ways.

    政策解读 ↔ policy (三同步) and amended original ↔ amending document
    (指引: mark the amendment or repeal on the original).
    """
    public = Document.objects.filter(status__in=PUBLIC_STATUSES).order_by(
        "-published_on", "-id"
    )
    supersedes = (
        public.filter(pk=document.supersedes_id).first()
        if document.supersedes_id
        else None
    )
    return DocumentRelations(
        policies=list(public.filter(interpretations=document)),
        interpretations=list(public.filter(policies=document)),
        supersedes=supersedes,
        superseded_by=list(public.filter(supersedes=document)),
    )


def attachment_get_published(*, document_pk: int, pk: int) -> Attachment:
    """An attachment of a public document, or Http404 (never of a draft)."""
    try:
        return Attachment.objects.select_related("document").get(
            pk=pk, document_id=document_pk, document__status__in=PUBLIC_STATUSES
        )
    except Attachment.DoesNotExist:
        raise Http404("attachment not found") from None


def organisation_get_public(*, credit_code: str) -> Organisation:
    try:
        return Organisation.objects.get(credit_code=credit_code, is_active=True)
    except Organisation.DoesNotExist:
        raise Http404("organisation not found") from None


def organisation_tree() -> list[OrganisationNode]:
    """Active organisations as a forest, in one query (ordered by sort, name)."""
    organisations = list(
        Organisation.objects.filter(is_active=True).order_by("sort_order", "name")
    )
    nodes = {org.pk: OrganisationNode(org) for org in organisations}
    roots: list[OrganisationNode] = []
    for org in organisations:
        parent = nodes.get(org.parent_id) if org.parent_id else None
        (parent.children if parent else roots).append(nodes[org.pk])
    return roots


def organisation_groups(node: OrganisationNode) -> dict[str, list[OrganisationNode]]:
    """A government's children split into its departments and the governments below.

    The home page lists a city as 市直部门 and 县（区）; a county the same way
    (its departments, then its townships).
    """
    governments = {OrganisationKind.COUNTY_GOVERNMENT, OrganisationKind.TOWNSHIP}
    departments = [n for n in node.children if n.organisation.kind not in governments]
    lower = [n for n in node.children if n.organisation.kind in governments]
    return {"departments": departments, "governments": lower}


def catalogue_tree(*, organisation: Organisation) -> list[ColumnNode]:
    """The organisation's 主动公开目录 as a tree, in one query."""
    columns = list(
        Column.objects.filter(organisation=organisation).order_by("sort_order", "id")
    )
    nodes = {c.pk: ColumnNode(c) for c in columns}
    roots: list[ColumnNode] = []
    for c in columns:
        # Queried columns share the organisation object: no query per url.
        c.organisation = organisation
        parent = nodes.get(c.parent_id) if c.parent_id else None
        (parent.children if parent else roots).append(nodes[c.pk])
    return roots


def column_get_public(*, organisation: Organisation, slug: str) -> Column:
    try:
        column = Column.objects.select_related("parent").get(
            organisation=organisation, slug=slug
        )
    except Column.DoesNotExist:
        raise Http404("column not found") from None
    column.organisation = organisation
    if column.parent is not None:
        column.parent.organisation = organisation
    return column


def column_subtree_ids(*, column: Column) -> list[int]:
    """The column and every column below it (a catalogue is small: one query)."""
    pairs = list(
        Column.objects.filter(organisation_id=column.organisation_id).values_list(
            "pk", "parent_id"
        )
    )
    ids = [column.pk]
    frontier = {column.pk}
    while frontier:
        frontier = {pk for pk, parent in pairs if parent in frontier}
        ids.extend(frontier)
    return ids


def topic_tree() -> list[TopicNode]:
    topics = list(Topic.objects.order_by("sort_order", "id"))
    nodes = {t.pk: TopicNode(t) for t in topics if t.parent_id is None}
    for t in topics:
        if t.parent_id is not None and t.parent_id in nodes:
            t.parent = nodes[t.parent_id].topic
            nodes[t.parent_id].children.append(t)
    return list(nodes.values())


def published_years(*, queryset: QuerySet[Document] | None = None) -> list[int]:
    """Years that have public documents, newest first (the year filter's choices)."""
    qs = published_documents() if queryset is None else queryset
    dates = qs.order_by().dates("published_on", "year", order="DESC")
    return [d.year for d in dates]
