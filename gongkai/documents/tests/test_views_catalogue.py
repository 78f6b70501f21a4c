"""栏目管理 pages: who gets in (404 for everyone else), forms, PRG, messages."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.audit_types import AuditEventType
from gongkai.core.models import AuditEvent, Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.documents.models import Column
from gongkai.documents.tests.factories import ColumnFactory, DocumentFactory

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


@pytest.fixture
def custom(org):
    return ColumnFactory.create(organisation=org, slug="budget", name="财政预决算")


def _login(client, user):
    client.force_login(user)
    return client


def _column(org, slug):
    return Column.objects.get(organisation=org, slug=slug)


def _tree(org):
    return reverse("staff:catalogue_tree", args=[org.pk])


def _urls(org, column):
    return [
        _tree(org),
        reverse("staff:column_create", args=[org.pk]),
        reverse("staff:column_edit", args=[column.pk]),
        reverse("staff:column_move", args=[column.pk]),
        reverse("staff:column_delete", args=[column.pk]),
    ]


def _column_data(**overrides):
    data = {
        "parent": "",
        "name": "重大建设项目",
        "slug": "major-projects",
        "kind": "custom",
        "statutory_item": "",
        "description": "",
        "update_interval_days": "90",
    }
    data.update(overrides)
    return data


def _messages(response):
    return [str(m) for m in response.context["messages"]]


# --- who gets in ----------------------------------------------------------


def test_head_with_one_organisation_goes_straight_to_its_tree(client, org, head):
    response = _login(client, head).get(reverse("staff:catalogue_index"))
    assert response.status_code == 302
    assert response.url == _tree(org)


def test_admin_chooses_among_the_subtree(client, city, org):
    admin = staff_user(Role.ADMIN, city)
    response = _login(client, admin).get(reverse("staff:catalogue_index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert _tree(city) in page and _tree(org) in page
    assert _login(client, admin).get(_tree(org)).status_code == 200


def test_the_tree_shows_counts_intervals_and_last_publication(
    client, org, head, custom
):
    DocumentFactory.create(organisation=org, column=custom)  # draft
    DocumentFactory.create(
        organisation=org,
        column=_column(org, "art20-01"),
        published=True,
        published_on=dt.date(2026, 3, 9),
    )
    response = _login(client, head).get(_tree(org))
    assert response.status_code == 200
    page = response.content.decode()
    assert "财政预决算" in page and "0 / 1" in page
    assert "2026-03-09" in page
    assert "含下级共 1" in page  # 法定主动公开内容 counts its items
    assert "365 天" in page and "180 天" in page
    assert "栏目管理" in page  # the navigation entry
    delete = reverse("staff:column_delete", args=[custom.pk])
    standard_delete = reverse("staff:column_delete", args=[_column(org, "guide").pk])
    assert delete in page and standard_delete not in page


def test_other_heads_editors_and_lower_admins_get_404(client, org, custom):
    users = [
        staff_user(Role.HEAD, OrganisationFactory.create()),
        staff_user(Role.EDITOR, org),
        staff_user(Role.REVIEWER, org),
        staff_user(Role.ADMIN, OrganisationFactory.create(parent=org)),
    ]
    for user in users:
        _login(client, user)
        for url in _urls(org, custom):
            assert client.get(url).status_code == 404, (user, url)
        for url in _urls(org, custom)[1:]:  # the tree itself is GET only
            assert client.post(url, _column_data()).status_code == 404, (user, url)
    assert Column.objects.filter(pk=custom.pk).exists()
    assert not AuditEvent.objects.filter(event_type__startswith="column.").exists()


def test_editor_gets_404_on_the_index_and_no_navigation_entry(client, org):
    editor = staff_user(Role.EDITOR, org)
    assert (
        _login(client, editor).get(reverse("staff:catalogue_index")).status_code == 404
    )
    page = client.get(reverse("staff:document_list")).content.decode()
    assert "栏目管理" not in page


def test_anonymous_visitors_are_sent_to_login(client, org):
    response = client.get(_tree(org))
    assert response.status_code == 302
    assert reverse("staff:login") in response.url


# --- add ------------------------------------------------------------------


def test_add_a_column_under_a_parent(client, org, head):
    statutory = _column(org, "statutory")
    url = reverse("staff:column_create", args=[org.pk])
    form_page = _login(client, head).get(f"{url}?parent={statutory.pk}")
    assert form_page.status_code == 200
    assert f'value="{statutory.pk}" selected' in form_page.content.decode()
    response = client.post(url, _column_data(parent=str(statutory.pk)), follow=True)
    assert response.redirect_chain == [(_tree(org), 302)]
    assert "栏目已添加。" in _messages(response)
    column = _column(org, "major-projects")
    assert (column.parent_id, column.update_interval_days) == (statutory.pk, 90)
    event = AuditEvent.objects.get(event_type=AuditEventType.COLUMN_SAVED)
    assert event.actor_id == head.pk


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"slug": "重大 项目"}, "只能包含英文字母"),
        ({"slug": "guide"}, "已有标识为“guide”的栏目"),
        ({"name": ""}, "请填写栏目名称。"),
        ({"update_interval_days": "0"}, "1 至 3650 天"),
        ({"update_interval_days": "4000"}, "1 至 3650 天"),
        ({"kind": "annual_report"}, "只能有一个"),
        ({"statutory_item": "art20_01"}, "法定主动公开内容"),
    ],
)
def test_add_shows_chinese_errors(client, org, head, overrides, message):
    url = reverse("staff:column_create", args=[org.pk])
    response = _login(client, head).post(url, _column_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Column.objects.filter(organisation=org, name="重大建设项目").exists()


def test_parent_from_another_catalogue_is_not_a_choice(client, org, head):
    foreign = _column(OrganisationFactory.create(), "statutory")
    url = reverse("staff:column_create", args=[org.pk])
    response = _login(client, head).post(url, _column_data(parent=str(foreign.pk)))
    assert response.status_code == 400
    assert "请选择本机关目录中的栏目。" in response.content.decode()


# --- edit -----------------------------------------------------------------


def test_edit_a_column(client, org, head, custom):
    url = reverse("staff:column_edit", args=[custom.pk])
    assert _login(client, head).get(url).status_code == 200
    data = _column_data(name="预决算公开", slug="budget", update_interval_days="")
    response = client.post(url, data)
    assert response.status_code == 302
    custom.refresh_from_db()
    assert (custom.name, custom.update_interval_days) == ("预决算公开", None)


def test_a_standard_column_keeps_its_slug_and_kind(client, org, head):
    guide = _column(org, "guide")
    url = reverse("staff:column_edit", args=[guide.pk])
    page = _login(client, head).get(url).content.decode()
    assert "标准栏目的标识和类型不能修改" in page
    data = _column_data(name="信息公开指南", slug="zhinan", kind="custom")
    assert client.post(url, data).status_code == 302
    guide.refresh_from_db()
    assert (guide.name, guide.slug, guide.kind) == ("信息公开指南", "guide", "guide")


def test_edit_refusal_does_not_rename_the_page(client, org, head, custom):
    url = reverse("staff:column_edit", args=[custom.pk])
    data = _column_data(name="新名称", slug="guide")
    response = _login(client, head).post(url, data)
    assert response.status_code == 400
    assert "修改栏目：财政预决算" in response.content.decode()


# --- move -----------------------------------------------------------------


def test_move_a_column(client, org, head, custom):
    target = _column(org, "statutory")
    url = reverse("staff:column_move", args=[custom.pk])
    assert _login(client, head).get(url).status_code == 200
    response = client.post(url, {"parent": str(target.pk), "sort_order": "3"})
    assert response.status_code == 302
    custom.refresh_from_db()
    assert (custom.parent_id, custom.sort_order) == (target.pk, 3)
    assert AuditEvent.objects.filter(event_type=AuditEventType.COLUMN_MOVED).exists()


def test_move_under_its_own_child_is_refused(client, org, head, custom):
    child = ColumnFactory.create(organisation=org, parent=custom)
    url = reverse("staff:column_move", args=[custom.pk])
    page = _login(client, head).get(url).content.decode()
    assert f'value="{child.pk}"' not in page
    response = client.post(url, {"parent": str(child.pk), "sort_order": "1"})
    assert response.status_code == 400
    custom.refresh_from_db()
    assert custom.parent_id is None


def test_moving_a_standard_column_down_shows_the_rule(client, org, head):
    guide = _column(org, "guide")
    url = reverse("staff:column_move", args=[guide.pk])
    data = {"parent": str(_column(org, "regulation").pk), "sort_order": "1"}
    response = _login(client, head).post(url, data)
    assert response.status_code == 400
    assert "标准栏目须留在目录顶层" in response.content.decode()


# --- delete ---------------------------------------------------------------


def test_delete_asks_then_deletes(client, org, head, custom):
    url = reverse("staff:column_delete", args=[custom.pk])
    page = _login(client, head).get(url).content.decode()
    assert "确认删除" in page
    response = client.post(url, follow=True)
    assert response.redirect_chain == [(_tree(org), 302)]
    assert "栏目“财政预决算”已删除。" in _messages(response)
    assert not Column.objects.filter(pk=custom.pk).exists()
    assert AuditEvent.objects.filter(event_type=AuditEventType.COLUMN_DELETED).exists()


def test_delete_refused_with_documents(client, org, head, custom):
    DocumentFactory.create(organisation=org, column=custom)
    url = reverse("staff:column_delete", args=[custom.pk])
    page = _login(client, head).get(url).content.decode()
    assert "不能删除" in page and "确认删除" not in page
    response = client.post(url, follow=True)
    assert "还有 1 件文件" in " ".join(_messages(response))
    assert Column.objects.filter(pk=custom.pk).exists()


def test_delete_refused_for_a_standard_column(client, org, head):
    column = _column(org, "on-application")
    url = reverse("staff:column_delete", args=[column.pk])
    assert "确认删除" not in _login(client, head).get(url).content.decode()
    response = client.post(url, follow=True)
    assert "不能删除" in " ".join(_messages(response))
    assert Column.objects.filter(pk=column.pk).exists()


def test_delete_only_by_post(client, org, head, custom):
    url = reverse("staff:column_delete", args=[custom.pk])
    assert _login(client, head).put(url).status_code == 405
