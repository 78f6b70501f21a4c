"""Reads for catalogue management (栏目管理) in the back office.

Which columns are standard (the law requires them, the seed keeps them), the
organisations and columns a user may manage, and the tree with each column's
documents and last publication date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404

from gongkai.core.models import Organisation
from gongkai.core.permissions import Permission
from gongkai.core.selectors import organisations_where

from ..catalogue_seed import column_specs
from ..models import Column, ColumnKind, Document
from ..workflow import PUBLIC_STATUSES

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from gongkai.core.models import User

# The four sub-columns of the unified platform and 依申请公开 (国办公开办函
# 〔2019〕61号): at the top of every catalogue, one of each.
STANDARD_KINDS: frozenset[str] = frozenset(
    {
        ColumnKind.GUIDE,
        ColumnKind.REGULATION,
        ColumnKind.STATUTORY,
        ColumnKind.ANNUAL_REPORT,
        ColumnKind.ON_APPLICATION,
    }
)


def seeded_slugs(*, organisation: Organisation) -> frozenset[str]:
    """Slugs the standard seed gives this organisation (re-created on migrate)."""
    return frozenset(spec.slug for spec in column_specs(organisation))


def column_is_standard(column: Column, slugs: frozenset[str]) -> bool:
    """A top-level column of a standard kind, or a seeded 条例第二十条 item.

    The seed runs after every migration and recreates a seeded slug that is
    missing, so seeded columns keep their slug and are never deleted.
    """
    top_level_standard = column.parent_id is None and column.kind in STANDARD_KINDS
    return top_level_standard or column.slug in slugs


def catalogue_organisations(*, user: User | AnonymousUser) -> QuerySet[Organisation]:
    """The organisations whose catalogue `user` may manage, in tree order."""
    return organisations_where(
        user=user, permission=Permission.CATALOGUE_MANAGE
    ).order_by("path")


def catalogue_organisation_get(*, user: User | AnonymousUser, pk: int) -> Organisation:
    """One organisation whose catalogue `user` manages, or Http404."""
    try:
        return catalogue_organisations(user=user).get(pk=pk)
    except Organisation.DoesNotExist:
        raise Http404("organisation not found") from None


def column_get_for_manager(*, user: User | AnonymousUser, pk: int) -> Column:
    """One column of a catalogue `user` manages, or Http404."""
    organisations = catalogue_organisations(user=user)
    try:
        return Column.objects.select_related("organisation", "parent").get(
            pk=pk, organisation__in=organisations
        )
    except Column.DoesNotExist:
        raise Http404("column not found") from None


@dataclass
class ColumnRow:
    """One line of the management tree; `*_total` include the columns below."""

    column: Column
    depth: int
    standard: bool
    documents: int = 0
    published: int = 0
    last_published_on: date | None = None
    documents_total: int = 0
    last_published_total: date | None = None
    has_children: bool = False


def _document_stats(organisation: Organisation) -> dict[int, tuple[int, int, date]]:
    """Per column id: (documents, public documents, last publication date)."""
    public = Q(status__in=PUBLIC_STATUSES)
    rows = (
        Document.objects.filter(column__organisation=organisation)
        .values("column_id")
        .annotate(
            n=Count("id"),
            public=Count("id", filter=public),
            last=Max("published_on", filter=public),
        )
    )
    return {r["column_id"]: (r["n"], r["public"], r["last"]) for r in rows}


def _later(a: date | None, b: date | None) -> date | None:
    return max((d for d in (a, b) if d is not None), default=None)


def catalogue_rows(*, organisation: Organisation) -> list[ColumnRow]:
    """The catalogue as rows in tree order (parents first), with statistics."""
    columns = list(Column.objects.filter(organisation=organisation))
    children: dict[int | None, list[Column]] = {}
    for column in columns:
        column.organisation = organisation
        children.setdefault(column.parent_id, []).append(column)
    stats = _document_stats(organisation)
    slugs = seeded_slugs(organisation=organisation)
    rows: list[ColumnRow] = []

    def walk(parent_id: int | None, depth: int) -> tuple[int, date | None]:
        total, last = 0, None
        for column in children.get(parent_id, []):
            n, public, own_last = stats.get(column.pk, (0, 0, None))
            row = ColumnRow(column, depth, column_is_standard(column, slugs))
            row.documents, row.published, row.last_published_on = n, public, own_last
            row.has_children = column.pk in children
            rows.append(row)
            below, below_last = walk(column.pk, depth + 1)
            row.documents_total = n + below
            row.last_published_total = _later(own_last, below_last)
            total += row.documents_total
            last = _later(last, row.last_published_total)
        return total, last

    walk(None, 0)
    return rows
