"""Organisation tree services, selectors and the staff profile pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.core.audit import audit_verify
from gongkai.core.audit_types import AuditEventType
from gongkai.core.credit_codes import credit_code_check_character
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent, Organisation, OrganisationKind, Role
from gongkai.core.selectors import ancestors, subtree
from gongkai.core.services.organisations import (
    organisation_create,
    organisation_move,
    organisation_update,
)
from gongkai.core.tests.factories import OrganisationFactory, staff_user

pytestmark = pytest.mark.django_db


def code(n: int) -> str:
    first17 = f"1199{n:013d}"
    return first17 + credit_code_check_character(first17)


def create(parent: Organisation | None, n: int, **extra: Any) -> Organisation:
    return organisation_create(
        actor=None,
        parent=parent,
        name=f"测试机关{n}",
        short_name=f"机关{n}",
        kind=OrganisationKind.CITY_DEPARTMENT,
        credit_code=code(n),
        **extra,
    )


@pytest.fixture
def city():
    """city → (dept → office), county → township."""
    root = create(None, 1)
    dept = create(root, 2)
    office = create(dept, 3)
    county = create(root, 4)
    township = create(county, 5)
    return {
        "root": root,
        "dept": dept,
        "office": office,
        "county": county,
        "township": township,
    }


def reload(org: Organisation) -> Organisation:
    return Organisation.objects.get(pk=org.pk)


def test_create_sets_materialised_path(city):
    root, dept, office = city["root"], city["dept"], city["office"]
    assert root.path == f"/{root.pk}/"
    assert dept.path == f"/{root.pk}/{dept.pk}/"
    assert reload(office).path == f"/{root.pk}/{dept.pk}/{office.pk}/"
    assert office.depth == 2


def test_create_is_audited_in_the_same_transaction(city):
    event = AuditEvent.objects.filter(
        event_type=AuditEventType.ORGANISATION_CREATED, target_id=str(city["dept"].pk)
    ).get()
    assert (event.after or {})["path"] == city["dept"].path
    assert (event.after or {})["credit_code"] == city["dept"].credit_code
    assert audit_verify() is None


def test_create_with_contact_details():
    org = create(None, 9, office_phone="0571-1234567", office_postal_code="310000")
    assert reload(org).office_phone == "0571-1234567"


def test_credit_code_check_character_is_validated():
    bad = code(7)[:-1] + ("0" if code(7)[-1] != "0" else "1")
    with pytest.raises(ValidationError) as excinfo:
        organisation_create(
            actor=None,
            parent=None,
            name="校验失败局",
            short_name="校验局",
            kind=OrganisationKind.CITY_DEPARTMENT,
            credit_code=bad,
        )
    assert "校验位" in str(excinfo.value.message_dict["credit_code"])
    assert not Organisation.objects.filter(name="校验失败局").exists()
    assert not AuditEvent.objects.exists()


def test_credit_code_is_normalised_to_upper_case():
    first17 = "91110000MA01ABCDE"[:17]
    full = first17 + credit_code_check_character(first17)
    org = organisation_create(
        actor=None,
        parent=None,
        name="大小写局",
        short_name="大小写",
        kind=OrganisationKind.CITY_DEPARTMENT,
        credit_code=full.lower(),
    )
    assert org.credit_code == full


def test_duplicate_name_is_refused_in_chinese(city):
    with pytest.raises(ValidationError) as excinfo:
        create(None, 1)
    assert "已存在" in str(excinfo.value)


def test_factory_path_matches_service(city):
    org = OrganisationFactory.create(parent=city["dept"])
    assert org.path == f"{city['dept'].path}{org.pk}/"
    assert reload(org).path == org.path
    assert OrganisationFactory.create().path.count("/") == 2


def test_update_records_only_changed_fields(city):
    dept = city["dept"]
    organisation_update(
        actor=None,
        organisation=dept,
        office_phone="0571-7654321",
        office_hours=dept.office_hours,
    )
    event = AuditEvent.objects.filter(
        event_type=AuditEventType.ORGANISATION_UPDATED
    ).get()
    assert event.before == {"office_phone": ""}
    assert event.after == {"office_phone": "0571-7654321"}
    assert dept.office_phone == "0571-7654321"
    assert reload(dept).office_phone == "0571-7654321"


def test_update_without_change_writes_nothing(city):
    before = AuditEvent.objects.count()
    organisation_update(actor=None, organisation=city["dept"], name=city["dept"].name)
    assert AuditEvent.objects.count() == before


def test_update_refuses_tree_fields(city):
    with pytest.raises(TypeError):
        organisation_update(
            actor=None, organisation=city["dept"], parent=city["county"]
        )
    with pytest.raises(TypeError):
        organisation_update(actor=None, organisation=city["dept"], path="/9/")


def test_update_validates(city):
    with pytest.raises(ValidationError):
        organisation_update(
            actor=None, organisation=city["dept"], office_email="不是邮箱"
        )
    assert reload(city["dept"]).office_email == ""


def test_move_rewrites_subtree_paths(city):
    root, dept, office, county = (
        city["root"],
        city["dept"],
        city["office"],
        city["county"],
    )
    organisation_move(actor=None, organisation=dept, new_parent=county)
    dept, office = reload(dept), reload(office)
    assert dept.parent == county
    assert dept.path == f"/{root.pk}/{county.pk}/{dept.pk}/"
    assert office.path == f"/{root.pk}/{county.pk}/{dept.pk}/{office.pk}/"
    assert set(subtree(county)) == {county, city["township"], dept, office}
    event = AuditEvent.objects.filter(
        event_type=AuditEventType.ORGANISATION_MOVED
    ).get()
    assert (event.before or {})["parent_id"] == root.pk
    assert (event.after or {})["parent_id"] == county.pk
    assert audit_verify() is None


def test_move_to_root(city):
    office = city["office"]
    organisation_move(actor=None, organisation=city["dept"], new_parent=None)
    assert reload(city["dept"]).path == f"/{city['dept'].pk}/"
    assert reload(office).path == f"/{city['dept'].pk}/{office.pk}/"


def test_move_refuses_cycles(city):
    with pytest.raises(DomainError):
        organisation_move(
            actor=None, organisation=city["dept"], new_parent=city["office"]
        )
    with pytest.raises(DomainError):
        organisation_move(
            actor=None, organisation=city["dept"], new_parent=city["dept"]
        )
    assert reload(city["dept"]).parent == city["root"]
    assert not AuditEvent.objects.filter(
        event_type=AuditEventType.ORGANISATION_MOVED
    ).exists()


def test_move_with_stale_instances_uses_fresh_paths(city):
    stale_office = reload(city["office"])
    organisation_move(actor=None, organisation=city["dept"], new_parent=city["county"])
    # stale_office.path still names the old place; the move must re-read it.
    organisation_move(
        actor=None, organisation=city["township"], new_parent=stale_office
    )
    township = reload(city["township"])
    assert township.path == f"{reload(city['office']).path}{township.pk}/"


def test_move_to_same_parent_is_a_no_op(city):
    count = AuditEvent.objects.count()
    organisation_move(actor=None, organisation=city["dept"], new_parent=city["root"])
    assert AuditEvent.objects.count() == count


def test_subtree_and_ancestors(city):
    assert set(subtree(city["root"])) == set(city.values())
    assert set(subtree(city["dept"])) == {city["dept"], city["office"]}
    assert ancestors(city["office"]) == [city["root"], city["dept"]]
    assert ancestors(city["root"]) == []


# Staff pages ---------------------------------------------------------------


def edit_url(org: Organisation) -> str:
    return reverse("staff:organisation_edit", args=[org.pk])


PROFILE = {
    "functions": "负责全市政务公开工作。",
    "head_names": "张三",
    "office_name": "政务公开办公室",
    "office_address": "鹤城市人民路1号",
    "office_hours": "工作日 9:00-17:00",
    "office_phone": "0571-1234567",
    "office_fax": "0571-1234568",
    "office_email": "gk@example.gov.cn",
    "office_postal_code": "310000",
    "website": "",
}


def test_head_edits_own_profile(client, city):
    head = staff_user(Role.HEAD, city["dept"])
    client.force_login(head)
    response = client.get(edit_url(city["dept"]))
    assert response.status_code == 200
    assert "credit_code" not in response.context["form"].fields
    response = client.post(edit_url(city["dept"]), PROFILE)
    assert response.status_code == 302
    dept = reload(city["dept"])
    assert dept.office_address == "鹤城市人民路1号"
    event = AuditEvent.objects.filter(
        event_type=AuditEventType.ORGANISATION_UPDATED
    ).get()
    assert event.actor == head


def test_head_cannot_edit_child_or_other(client, city):
    client.force_login(staff_user(Role.HEAD, city["dept"]))
    for org in (city["office"], city["root"], city["county"]):
        assert client.get(edit_url(org)).status_code == 404
        assert client.post(edit_url(org), PROFILE).status_code == 404


@pytest.mark.parametrize("role", [Role.EDITOR, Role.REVIEWER, Role.SUPERVISOR])
def test_other_roles_get_404(client, city, role):
    client.force_login(staff_user(role, city["dept"]))
    assert client.get(edit_url(city["dept"])).status_code == 404


def test_anonymous_is_sent_to_login(client, city):
    response = client.get(edit_url(city["dept"]))
    assert response.status_code == 302
    assert reverse("staff:login") in response["Location"]


def test_admin_edits_subtree_including_identity(client, city):
    client.force_login(staff_user(Role.ADMIN, city["dept"]))
    response = client.get(edit_url(city["office"]))
    assert response.status_code == 200
    assert "credit_code" in response.context["form"].fields
    data = {
        **PROFILE,
        "name": "新名称局",
        "short_name": "新名",
        "credit_code": city["office"].credit_code.lower(),
    }
    assert client.post(edit_url(city["office"]), data).status_code == 302
    assert reload(city["office"]).name == "新名称局"
    assert client.get(edit_url(city["county"])).status_code == 404


def test_invalid_input_rerenders_with_chinese_errors(client, city):
    client.force_login(staff_user(Role.HEAD, city["dept"]))
    data = {**PROFILE, "office_postal_code": "31000", "office_email": "bad"}
    response = client.post(edit_url(city["dept"]), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "邮政编码应为6位数字" in str(form.errors["office_postal_code"])
    assert "有效" in str(form.errors["office_email"])
    assert "邮政编码应为6位数字" in response.content.decode()
    assert reload(city["dept"]).office_address != PROFILE["office_address"]


def test_admin_invalid_credit_code_is_a_field_error(client, city):
    client.force_login(staff_user(Role.ADMIN, city["root"]))
    data = {**PROFILE, "name": "x局", "short_name": "x", "credit_code": "123"}
    response = client.post(edit_url(city["dept"]), data)
    assert response.status_code == 200
    assert "18位" in str(response.context["form"].errors["credit_code"])


def test_list_shows_the_manageable_tree(client, city):
    client.force_login(staff_user(Role.ADMIN, city["county"]))
    response = client.get(reverse("staff:organisation_list"))
    assert response.status_code == 200
    assert list(response.context["organisations"]) == [
        city["county"],
        city["township"],
    ]
    content = response.content.decode()
    assert city["township"].name in content
    assert city["dept"].name not in content


def test_list_for_user_without_rights_is_empty(client, city):
    client.force_login(staff_user(Role.EDITOR, city["dept"]))
    response = client.get(reverse("staff:organisation_list"))
    assert response.status_code == 200
    assert not response.context["organisations"]


# Django admin (system administrators) --------------------------------------


def admin_form_data(
    org: Organisation | None = None, **overrides: Any
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "parent": "",
        "name": "后台新建局",
        "short_name": "后台局",
        "kind": OrganisationKind.CITY_DEPARTMENT,
        "credit_code": code(42),
        "functions": "",
        "head_names": "",
        "index_number_format": "{credit_code}/{year}-{serial:05d}",
        "office_name": "",
        "office_address": "",
        "office_hours": "",
        "office_phone": "",
        "office_fax": "",
        "office_email": "",
        "office_postal_code": "",
        "website": "",
        "sort_order": "0",
        "is_active": "on",
    }
    if org is not None:
        data.update(
            {
                k: getattr(org, k)
                for k in data
                if k not in ("parent", "is_active") and getattr(org, k) is not None
            }
        )
        data["parent"] = org.parent_id or ""
    data.update(overrides)
    return data


def test_admin_add_goes_through_the_service(admin_client, city):
    response = admin_client.post(
        reverse("admin:core_organisation_add"),
        admin_form_data(parent=city["county"].pk),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    org = Organisation.objects.get(name="后台新建局")
    assert org.path == f"{city['county'].path}{org.pk}/"
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.ORGANISATION_CREATED, target_id=str(org.pk)
    ).exists()


def test_admin_change_updates_and_moves(admin_client, city):
    dept = city["dept"]
    url = reverse("admin:core_organisation_change", args=[dept.pk])
    response = admin_client.post(
        url,
        admin_form_data(dept, parent=city["county"].pk, office_phone="0571-8888888"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    dept = reload(dept)
    assert dept.office_phone == "0571-8888888"
    assert dept.path == f"{city['county'].path}{dept.pk}/"
    assert reload(city["office"]).path == f"{dept.path}{city['office'].pk}/"
    types = set(AuditEvent.objects.values_list("event_type", flat=True))
    assert {
        AuditEventType.ORGANISATION_UPDATED,
        AuditEventType.ORGANISATION_MOVED,
    } <= types
    assert audit_verify() is None


def test_admin_refuses_cycle_with_a_message(admin_client, city):
    dept = city["dept"]
    url = reverse("admin:core_organisation_change", args=[dept.pk])
    response = admin_client.post(url, admin_form_data(dept, parent=city["office"].pk))
    assert response.status_code == 200
    assert "下级机关" in str(response.context["adminform"].form.errors["parent"])
    assert reload(dept).parent == city["root"]
