"""Managing a catalogue (主动公开目录): add, edit, move and delete columns.

A head manages its own organisation's catalogue, an administrator every
catalogue in its subtree (Permission.CATALOGUE_MANAGE). The standard columns
stay: the four sub-columns of the unified platform and 依申请公开 (国办公开办函
〔2019〕61号) at the top of every catalogue, and the seeded 条例第二十条 items,
which the seed would re-create after the next migration anyway.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import Organisation, User
from gongkai.core.permissions import Permission, has_permission

from ..models import Column, ColumnKind, Document
from ..selectors.catalogue import STANDARD_KINDS, column_is_standard, seeded_slugs
from ..selectors.public import column_subtree_ids

EDITABLE_FIELDS = frozenset(
    {"name", "slug", "kind", "statutory_item", "description", "update_interval_days"}
)
_SNAPSHOT_FIELDS = ("parent", *sorted(EDITABLE_FIELDS), "sort_order")
# Oversight compares each column's last publication with this interval.
MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS = 1, 3650
SORT_STEP = 10


def _ensure_may_manage(actor: User, organisation: Organisation) -> None:
    if not has_permission(actor, Permission.CATALOGUE_MANAGE, organisation):
        raise PermissionDenied(_("您没有权限管理该机关的主动公开目录。"))


def _snapshot(
    column: Column, fields: tuple[str, ...] = _SNAPSHOT_FIELDS
) -> dict[str, Any]:
    return {
        name: column.parent_id if name == "parent" else getattr(column, name)
        for name in fields
    }


def _rule_errors(column: Column) -> dict[str, str]:
    """The catalogue's own rules, field by field (Chinese messages)."""
    errors: dict[str, str] = {}
    interval = column.update_interval_days
    if interval is not None and not MIN_INTERVAL_DAYS <= interval <= MAX_INTERVAL_DAYS:
        errors["update_interval_days"] = _(
            "应更新周期须在 %(min)s 至 %(max)s 天之间；没有固定更新要求的请留空。"
        ) % {"min": MIN_INTERVAL_DAYS, "max": MAX_INTERVAL_DAYS}
    parent = column.parent
    if parent is not None and parent.organisation_id != column.organisation_id:
        errors["parent"] = _("上级栏目必须属于同一机关的目录。")
    if column.statutory_item and column.kind != ColumnKind.STATUTORY:
        errors["statutory_item"] = _(
            "只有“法定主动公开内容”类型的栏目可以对应条例条目。"
        )
    siblings = Column.objects.filter(organisation_id=column.organisation_id).exclude(
        pk=column.pk
    )
    if column.slug and siblings.filter(slug=column.slug).exists():
        errors["slug"] = _("本机关目录中已有标识为“%(slug)s”的栏目。") % {
            "slug": column.slug
        }
    top_level = column.parent_id is None and column.kind in STANDARD_KINDS
    if top_level and siblings.filter(parent=None, kind=column.kind).exists():
        errors["kind"] = _("目录顶层已有“%(kind)s”栏目，每类标准栏目只能有一个。") % {
            "kind": column.get_kind_display()
        }
    return errors


def _validate(column: Column) -> None:
    """full_clean plus the catalogue's rules, all errors at once."""
    errors: dict[str, list[str]] = {}
    try:
        column.full_clean(validate_constraints=False)
    except ValidationError as exc:
        errors = {field: list(messages) for field, messages in exc.message_dict.items()}
    for field, message in _rule_errors(column).items():
        errors.setdefault(field, []).append(message)
    if errors:
        raise ValidationError(errors)
    column.validate_constraints()


def _apply(column: Column, values: dict[str, Any]) -> None:
    """Set and validate; a refused change leaves the object as stored."""
    for name, value in values.items():
        setattr(column, name, value)
    try:
        _validate(column)
    except ValidationError:
        if column.pk is not None:
            column.refresh_from_db()
        raise


@transaction.atomic
def column_create(
    *,
    actor: User,
    organisation: Organisation,
    parent: Column | None,
    name: str,
    slug: str,
    kind: str = ColumnKind.CUSTOM,
    statutory_item: str = "",
    description: str = "",
    update_interval_days: int | None = None,
) -> Column:
    """A new column, last among its siblings."""
    _ensure_may_manage(actor, organisation)
    siblings = Column.objects.filter(organisation=organisation, parent=parent)
    last = siblings.aggregate(last=Max("sort_order"))["last"]
    column = Column(organisation=organisation, parent=parent)
    _apply(
        column,
        {
            "name": (name or "").strip(),
            "slug": (slug or "").strip(),
            "kind": kind,
            "statutory_item": statutory_item,
            "description": (description or "").strip(),
            "update_interval_days": update_interval_days,
            "sort_order": (last or 0) + SORT_STEP,
        },
    )
    column.save()
    audit_record(
        actor=actor,
        event_type=AuditEventType.COLUMN_SAVED,
        target=column,
        after=_snapshot(column),
    )
    return column


def _ensure_standard_kept(column: Column, changes: dict[str, Any]) -> None:
    """Seeded slugs are URLs and the seed's key; standard kinds are the law's."""
    slugs = seeded_slugs(organisation=column.organisation)
    if "slug" in changes and column.slug in slugs:
        raise DomainError(_("标准栏目的标识不能修改：公开网址和栏目更新监测都依赖它。"))
    if "kind" in changes and column_is_standard(column, slugs):
        raise DomainError(_("标准栏目的类型不能修改。"))


@transaction.atomic
def column_update(*, actor: User, column: Column, **fields: Any) -> Column:
    """Edit name, slug, kind, statutory item, description or update interval."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"not editable column fields: {sorted(unknown)}")
    _ensure_may_manage(actor, column.organisation)
    for name in ("name", "slug", "description"):
        if name in fields:
            fields[name] = (fields[name] or "").strip()
    changes = {k: v for k, v in fields.items() if getattr(column, k) != v}
    if not changes:
        return column
    _ensure_standard_kept(column, changes)
    before = _snapshot(column, tuple(sorted(changes)))
    _apply(column, changes)
    column.save(update_fields=sorted(changes))
    audit_record(
        actor=actor,
        event_type=AuditEventType.COLUMN_SAVED,
        target=column,
        before=before,
        after=_snapshot(column, tuple(sorted(changes))),
    )
    return column


def _ensure_movable(column: Column, new_parent: Column | None) -> None:
    if new_parent is None:
        return
    if new_parent.organisation_id != column.organisation_id:
        raise DomainError(_("只能在同一机关的目录内移动栏目。"))
    if new_parent.pk in column_subtree_ids(column=column):
        raise DomainError(_("不能把栏目移到它自己或它的下级栏目之下。"))
    slugs = seeded_slugs(organisation=column.organisation)
    if column.parent_id is None and column_is_standard(column, slugs):
        raise DomainError(_("标准栏目须留在目录顶层，只能调整排序。"))


@transaction.atomic
def column_move(
    *, actor: User, column: Column, new_parent: Column | None, sort_order: int
) -> Column:
    """Put the column under `new_parent` (None: top level) at `sort_order`."""
    _ensure_may_manage(actor, column.organisation)
    # One move at a time per catalogue, so two moves cannot close a cycle.
    Organisation.objects.select_for_update().filter(pk=column.organisation_id).get()
    _ensure_movable(column, new_parent)
    fields = ("parent", "sort_order")
    before = _snapshot(column, fields)
    if before == {"parent": getattr(new_parent, "pk", None), "sort_order": sort_order}:
        return column
    _apply(column, {"parent": new_parent, "sort_order": sort_order})
    column.save(update_fields=list(fields))
    audit_record(
        actor=actor,
        event_type=AuditEventType.COLUMN_MOVED,
        target=column,
        before=before,
        after=_snapshot(column, fields),
    )
    return column


def _ensure_deletable(column: Column, subtree: list[int]) -> None:
    slugs = seeded_slugs(organisation=column.organisation)
    for below in Column.objects.filter(pk__in=subtree):
        if column_is_standard(below, slugs):
            raise DomainError(
                _(
                    "“%(name)s”是法律要求设置的标准栏目，不能删除。"
                    "没有相应内容的，可在栏目说明中注明。"
                )
                % {"name": below.name}
            )
    held = Document.objects.filter(column_id__in=subtree).count()
    if held:
        raise DomainError(
            _(
                "栏目“%(name)s”及其下级栏目中还有 %(held)s 件文件（含草稿和已撤回的），"
                "请先把这些文件移到其他栏目再删除。"
            )
            % {"name": column.name, "held": held}
        )


@transaction.atomic
def column_delete(*, actor: User, column: Column) -> None:
    """Delete an empty, non-standard column together with its sub-columns."""
    _ensure_may_manage(actor, column.organisation)
    Organisation.objects.select_for_update().filter(pk=column.organisation_id).get()
    subtree = column_subtree_ids(column=column)
    _ensure_deletable(column, subtree)
    below = Column.objects.filter(pk__in=subtree).exclude(pk=column.pk)
    audit_record(
        actor=actor,
        event_type=AuditEventType.COLUMN_DELETED,
        target=column,
        before={
            **_snapshot(column),
            "sub_columns": sorted(below.values_list("slug", flat=True)),
        },
    )
    column.delete()
