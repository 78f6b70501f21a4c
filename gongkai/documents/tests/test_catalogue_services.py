"""Catalogue management services: permission, validation, standard columns, audit."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gongkai.core.audit import audit_verify
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import AuditEvent, Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.documents import services
from gongkai.documents.models import Column, ColumnKind, DocumentStatus
from gongkai.documents.tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    return OrganisationFactory.create()


@pytest.fixture
def org(city):
    return OrganisationFactory.create(parent=city)


@pytest.fixture
def head(org):
    return staff_user(Role.HEAD, org)


def _column(org, slug):
    return Column.objects.get(organisation=org, slug=slug)


def _create(actor, org, slug="budget", parent=None, **fields):
    return services.column_create(
        actor=actor,
        organisation=org,
        parent=parent,
        name=fields.pop("name", "财政预决算"),
        slug=slug,
        **fields,
    )


def _events(event_type):
    return list(AuditEvent.objects.filter(event_type=event_type).order_by("id"))


def _errors(excinfo):
    return excinfo.value.message_dict


# --- permission -----------------------------------------------------------


def test_head_creates_a_column_last_among_siblings_and_audited(org, head):
    statutory = _column(org, "statutory")
    column = _create(head, org, parent=statutory, update_interval_days=90)
    last_sibling = statutory.children.exclude(pk=column.pk).order_by("-sort_order")[0]
    assert column.sort_order > last_sibling.sort_order
    assert column.kind == ColumnKind.CUSTOM
    (event,) = _events(AuditEventType.COLUMN_SAVED)
    assert event.target_id == str(column.pk)
    assert event.before is None
    assert event.after["slug"] == "budget"
    assert event.after["parent"] == statutory.pk
    assert event.after["update_interval_days"] == 90
    assert audit_verify() is None


def test_admin_of_an_ancestor_manages_the_catalogue(city, org):
    admin = staff_user(Role.ADMIN, city)
    column = _create(admin, org)
    services.column_update(actor=admin, column=column, name="预决算公开")
    assert Column.objects.get(pk=column.pk).name == "预决算公开"


@pytest.mark.parametrize("role", [Role.EDITOR, Role.REVIEWER, Role.SUPERVISOR])
def test_other_roles_may_not_manage(org, role):
    user = staff_user(role, org)
    with pytest.raises(PermissionDenied):
        _create(user, org)


def test_head_of_another_organisation_and_admin_below_are_refused(city, org):
    other_head = staff_user(Role.HEAD, OrganisationFactory.create())
    child_admin = staff_user(Role.ADMIN, OrganisationFactory.create(parent=org))
    city_head = staff_user(Role.HEAD, city)  # OWN scope: not the departments
    column = _column(org, "guide")
    for user in (other_head, child_admin, city_head):
        with pytest.raises(PermissionDenied):
            _create(user, org)
        with pytest.raises(PermissionDenied):
            services.column_update(actor=user, column=column, name="改名")
        with pytest.raises(PermissionDenied):
            services.column_move(
                actor=user, column=column, new_parent=None, sort_order=1
            )
        with pytest.raises(PermissionDenied):
            services.column_delete(actor=user, column=column)
    assert not _events(AuditEventType.COLUMN_SAVED)


# --- validation -----------------------------------------------------------


def test_slug_is_unique_per_organisation_only(org, head):
    with pytest.raises(ValidationError) as excinfo:
        _create(head, org, slug="guide")
    assert "已有标识为“guide”的栏目" in _errors(excinfo)["slug"][0]
    other = OrganisationFactory.create()
    staff = staff_user(Role.HEAD, other)
    _create(staff, other, slug="budget")
    _create(head, org, slug="budget")


@pytest.mark.parametrize("slug", ["预算", "has space", "", "a/b"])
def test_slug_format(org, head, slug):
    with pytest.raises(ValidationError) as excinfo:
        _create(head, org, slug=slug)
    assert "slug" in _errors(excinfo)
    assert not Column.objects.filter(organisation=org, name="财政预决算").exists()


@pytest.mark.parametrize("days", [0, 3651, 100000])
def test_update_interval_out_of_range(org, head, days):
    with pytest.raises(ValidationError) as excinfo:
        _create(head, org, update_interval_days=days)
    assert "1 至 3650 天" in _errors(excinfo)["update_interval_days"][0]


@pytest.mark.parametrize("days", [None, 1, 3650])
def test_update_interval_in_range_or_empty(org, head, days):
    assert _create(head, org, update_interval_days=days).update_interval_days == days


def test_parent_must_be_in_the_same_organisation(org, head):
    foreign = _column(OrganisationFactory.create(), "statutory")
    with pytest.raises(ValidationError) as excinfo:
        _create(head, org, parent=foreign)
    assert "同一机关" in _errors(excinfo)["parent"][0]


def test_name_is_required_and_errors_come_together(org, head):
    with pytest.raises(ValidationError) as excinfo:
        _create(head, org, name="  ", slug="guide", update_interval_days=0)
    assert set(_errors(excinfo)) == {"name", "slug", "update_interval_days"}


def test_statutory_item_only_on_statutory_columns(org, head):
    with pytest.raises(ValidationError) as excinfo:
        _create(head, org, statutory_item="art20_01")
    assert "statutory_item" in _errors(excinfo)
    column = _create(
        head,
        org,
        parent=_column(org, "statutory"),
        kind=ColumnKind.STATUTORY,
        statutory_item="art20_01",
    )
    assert column.statutory_item == "art20_01"


def test_one_top_level_column_of_each_standard_kind(org, head):
    with pytest.raises(ValidationError) as excinfo:
        _create(head, org, kind=ColumnKind.GUIDE)
    assert "只能有一个" in _errors(excinfo)["kind"][0]
    # Below the top, the kind is free.
    _create(head, org, kind=ColumnKind.REGULATION, parent=_column(org, "regulation"))


# --- update ---------------------------------------------------------------


def test_update_audits_only_what_changed(org, head):
    column = _create(head, org)
    services.column_update(
        actor=head,
        column=column,
        name="财政预决算",  # unchanged
        description="  年度预算和决算  ",
        update_interval_days=365,
    )
    event = _events(AuditEventType.COLUMN_SAVED)[-1]
    assert event.before == {"description": "", "update_interval_days": None}
    assert event.after == {"description": "年度预算和决算", "update_interval_days": 365}
    count = AuditEvent.objects.count()
    services.column_update(actor=head, column=column, name="财政预决算")
    assert AuditEvent.objects.count() == count


def test_refused_update_leaves_the_column_as_stored(org, head):
    column = _create(head, org)
    with pytest.raises(ValidationError):
        services.column_update(actor=head, column=column, slug="guide", name="新名")
    assert (column.slug, column.name) == ("budget", "财政预决算")
    assert Column.objects.get(pk=column.pk).slug == "budget"


def test_unknown_fields_are_a_programming_error(org, head):
    with pytest.raises(TypeError):
        services.column_update(actor=head, column=_create(head, org), parent=None)


def test_standard_columns_keep_slug_and_kind_but_may_be_renamed(org, head):
    guide = _column(org, "guide")
    item = _column(org, "art20-01")
    with pytest.raises(DomainError, match="标识不能修改"):
        services.column_update(actor=head, column=guide, slug="zhinan")
    with pytest.raises(DomainError, match="标识不能修改"):
        services.column_update(actor=head, column=item, slug="rules")
    with pytest.raises(DomainError, match="类型不能修改"):
        services.column_update(actor=head, column=guide, kind=ColumnKind.CUSTOM)
    services.column_update(
        actor=head, column=guide, name="信息公开指南", update_interval_days=180
    )
    guide.refresh_from_db()
    assert (guide.name, guide.update_interval_days) == ("信息公开指南", 180)


# --- move -----------------------------------------------------------------


def test_move_under_another_parent_is_audited(org, head):
    column = _create(head, org)
    target = _column(org, "statutory")
    services.column_move(actor=head, column=column, new_parent=target, sort_order=5)
    column.refresh_from_db()
    assert (column.parent_id, column.sort_order) == (target.pk, 5)
    (event,) = _events(AuditEventType.COLUMN_MOVED)
    assert event.before["parent"] is None
    assert event.after == {"parent": target.pk, "sort_order": 5}


def test_move_refuses_cycles(org, head):
    top = _create(head, org, slug="top")
    middle = _create(head, org, slug="middle", parent=top)
    bottom = _create(head, org, slug="bottom", parent=middle)
    for new_parent in (top, middle, bottom):
        with pytest.raises(DomainError, match="自己或它的下级栏目"):
            services.column_move(
                actor=head, column=top, new_parent=new_parent, sort_order=1
            )
    top.refresh_from_db()
    assert top.parent_id is None
    assert not _events(AuditEventType.COLUMN_MOVED)


def test_move_stays_in_the_organisation(org, head):
    foreign = _column(OrganisationFactory.create(), "statutory")
    with pytest.raises(DomainError, match="同一机关"):
        services.column_move(
            actor=head, column=_create(head, org), new_parent=foreign, sort_order=1
        )


def test_standard_top_level_columns_may_only_be_reordered(org, head):
    guide = _column(org, "guide")
    with pytest.raises(DomainError, match="目录顶层"):
        services.column_move(
            actor=head,
            column=guide,
            new_parent=_column(org, "regulation"),
            sort_order=1,
        )
    services.column_move(actor=head, column=guide, new_parent=None, sort_order=999)
    guide.refresh_from_db()
    assert (guide.parent_id, guide.sort_order) == (None, 999)


def test_move_with_a_negative_order_is_invalid(org, head):
    with pytest.raises(ValidationError):
        services.column_move(
            actor=head, column=_create(head, org), new_parent=None, sort_order=-1
        )


# --- delete ---------------------------------------------------------------


def test_delete_removes_the_subtree_and_audits_it(org, head):
    top = _create(head, org, slug="top")
    child = _create(head, org, slug="child", parent=top)
    pks = [top.pk, child.pk]
    services.column_delete(actor=head, column=top)
    assert not Column.objects.filter(pk__in=pks).exists()
    (event,) = _events(AuditEventType.COLUMN_DELETED)
    assert event.target_id == str(pks[0])
    assert event.before["slug"] == "top"
    assert event.before["sub_columns"] == ["child"]
    assert audit_verify() is None


@pytest.mark.parametrize(
    "fields",
    [
        {"status": DocumentStatus.DRAFT},
        {"published": True},
        {"status": DocumentStatus.WITHDRAWN, "published_on": dt.date(2026, 3, 5)},
    ],
)
def test_delete_refused_while_the_subtree_holds_documents(org, head, fields):
    top = _create(head, org, slug="top")
    child = _create(head, org, slug="child", parent=top)
    DocumentFactory.create(organisation=org, column=child, **fields)
    with pytest.raises(DomainError, match="还有 1 件文件"):
        services.column_delete(actor=head, column=top)
    assert Column.objects.filter(pk__in=[top.pk, child.pk]).count() == 2
    assert not _events(AuditEventType.COLUMN_DELETED)


@pytest.mark.parametrize(
    "slug", ["guide", "regulation", "statutory", "annual-report", "on-application"]
)
def test_the_five_standard_columns_cannot_be_deleted(org, head, slug):
    with pytest.raises(DomainError, match="标准栏目，不能删除"):
        services.column_delete(actor=head, column=_column(org, slug))
    assert Column.objects.filter(organisation=org, slug=slug).exists()


def test_seeded_statutory_items_cannot_be_deleted(org, head):
    """The seed re-creates them after every migration; the law requires them."""
    with pytest.raises(DomainError, match="标准栏目"):
        services.column_delete(actor=head, column=_column(org, "art20-01"))


def test_a_custom_column_holding_a_moved_standard_item_is_kept(org, head):
    top = _create(head, org, slug="top")
    item = _column(org, "art20-01")
    services.column_move(actor=head, column=item, new_parent=top, sort_order=1)
    with pytest.raises(DomainError, match="标准栏目"):
        services.column_delete(actor=head, column=top)
