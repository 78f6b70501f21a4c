"""主动公开目录: the standard columns every organisation starts with.

The four sub-columns of the unified disclosure platform (国办公开办函〔2019〕61号,
spec §4.1) plus 依申请公开; 法定主动公开内容 has one child per 条例第二十条
item and the 第二十一条 local item that fits the organisation (乡镇 or the
others). Slugs are stable (URLs and oversight rely on them). Seeding is
idempotent and never overwrites a column an administrator has edited.

Every column has an expected update interval in days for freshness
monitoring (spec §4.3/§4.4: policy columns 6 months). The defaults below may
be overridden per slug with the setting GONGKAI_COLUMN_UPDATE_INTERVALS.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation

from gongkai.core.models import Organisation, OrganisationKind

from .models import Column, ColumnKind, StatutoryItem

HALF_YEAR = 183
YEAR = 365


@dataclass(frozen=True)
class ColumnSpec:
    slug: str
    name: str
    kind: ColumnKind
    interval_days: int
    statutory_item: str = ""
    description: str = ""
    parent_slug: str | None = None


def _statutory_slug(item: StatutoryItem) -> str:
    return item.value.replace("_", "-")


# Items whose content changes on a yearly cycle (budgets, fee lists, civil
# service recruitment) get a year; statistics a quarter; the rest half a year.
_STATUTORY_INTERVALS: dict[str, int] = {
    StatutoryItem.ART20_02: YEAR,
    StatutoryItem.ART20_04: 92,
    StatutoryItem.ART20_07: YEAR,
    StatutoryItem.ART20_08: YEAR,
    StatutoryItem.ART20_14: YEAR,
}

_ART20_ITEMS = [item for item in StatutoryItem if item.value.startswith("art20_")]


# The columns around the statutory ones, in the order the platform shows them.
_LEADING_COLUMNS = (
    ColumnSpec(
        "guide",
        "政府信息公开指南",
        ColumnKind.GUIDE,
        YEAR,
        description="条例第十二条：信息分类、获取方式和政府信息公开工作机构联系方式",
    ),
    ColumnSpec(
        "regulation",
        "政府信息公开制度",
        ColumnKind.REGULATION,
        YEAR,
        description="政府信息公开有关法规、规章和工作制度",
    ),
    ColumnSpec(
        "statutory",
        "法定主动公开内容",
        ColumnKind.STATUTORY,
        HALF_YEAR,
        description="条例第二十条、第二十一条规定应当主动公开的政府信息",
    ),
)
_TRAILING_COLUMNS = (
    ColumnSpec(
        "annual-report",
        "政府信息公开年报",
        ColumnKind.ANNUAL_REPORT,
        YEAR,
        description="条例第四十九条：历年政府信息公开工作年度报告",
    ),
    ColumnSpec(
        "on-application",
        "依申请公开",
        ColumnKind.ON_APPLICATION,
        YEAR,
        description="依申请公开的渠道、流程和申请表",
    ),
)


def _statutory_columns(organisation: Organisation) -> list[ColumnSpec]:
    """One child of 法定主动公开内容 per 条例第二十条 item, plus the one
    第二十一条 item that fits the organisation (乡镇 or the others)."""
    art21 = (
        StatutoryItem.ART21_TOWNSHIP
        if organisation.kind == OrganisationKind.TOWNSHIP
        else StatutoryItem.ART21_CITY
    )
    return [
        ColumnSpec(
            _statutory_slug(item),
            str(item.label),
            ColumnKind.STATUTORY,
            _STATUTORY_INTERVALS.get(item, HALF_YEAR),
            statutory_item=item.value,
            parent_slug="statutory",
        )
        for item in [*_ART20_ITEMS, art21]
    ]


def column_specs(organisation: Organisation) -> list[ColumnSpec]:
    """The organisation's standard columns, each parent before its children."""
    return [*_LEADING_COLUMNS, *_statutory_columns(organisation), *_TRAILING_COLUMNS]


def _interval(spec: ColumnSpec) -> int:
    overrides: dict[str, int] = getattr(settings, "GONGKAI_COLUMN_UPDATE_INTERVALS", {})
    return int(overrides.get(spec.slug, spec.interval_days))


@transaction.atomic
def catalogue_seed(*, organisation: Organisation) -> list[Column]:
    """The organisation's standard columns, created where missing."""
    # Column names are stored data, not interface text: always Chinese, even
    # when the organisation is created from the English back office.
    with translation.override(settings.GONGKAI_DATA_LANGUAGE):
        specs = column_specs(organisation)
        return _columns_create(organisation, specs)


def _columns_create(
    organisation: Organisation, specs: list[ColumnSpec]
) -> list[Column]:
    columns: dict[str, Column] = {}
    for position, spec in enumerate(specs, start=1):
        parent = columns[spec.parent_slug] if spec.parent_slug else None
        column, _ = Column.objects.get_or_create(
            organisation=organisation,
            slug=spec.slug,
            defaults={
                "parent": parent,
                "name": spec.name,
                "kind": spec.kind,
                "statutory_item": spec.statutory_item,
                "description": spec.description,
                "update_interval_days": _interval(spec),
                "sort_order": position * 10,
            },
        )
        columns[spec.slug] = column
    return list(columns.values())


def catalogues_seed_all() -> None:
    for organisation in Organisation.objects.all():
        catalogue_seed(organisation=organisation)
