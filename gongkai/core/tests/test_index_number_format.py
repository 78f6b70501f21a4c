"""The 索引号 format check and its use on Organisation.index_number_format."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gongkai.core.admin import OrganisationAdminForm
from gongkai.core.credit_codes import credit_code_check_character
from gongkai.core.index_number_format import (
    render_index_number,
    validate_index_number_format,
)
from gongkai.core.models import AuditEvent, Organisation, OrganisationKind
from gongkai.core.models.organisations import DEFAULT_INDEX_NUMBER_FORMAT
from gongkai.core.services.organisations import (
    organisation_create,
    organisation_update,
)
from gongkai.core.tests.factories import OrganisationFactory


def code(n: int) -> str:
    first17 = f"1188{n:013d}"
    return first17 + credit_code_check_character(first17)


@pytest.mark.parametrize(
    "fmt",
    [
        DEFAULT_INDEX_NUMBER_FORMAT,
        "{year}-{serial}",
        "GK-{year}{month:02d}-{serial:04d}",
        "{credit_code}-{year}/{serial:06d}",
    ],
)
def test_valid_formats(fmt):
    validate_index_number_format(fmt)


@pytest.mark.parametrize(
    ("fmt", "error_code", "message"),
    [
        ("{credit_code}/{year}", "no_serial", "必须同时包含"),
        ("{credit_code}/{serial:05d}", "no_serial", "必须同时包含"),
        ("{year}-{serial}-{secret}", "unknown_placeholder", "未知占位符：secret"),
        ("{0}-{year}-{serial}", "unknown_placeholder", "未知占位符：0"),
        ("{credit_code/{year}-{serial}", "invalid", "索引号格式不正确"),
        ("{year}-{serial:zz}", "invalid", "索引号格式不正确"),
        ("{year}-{serial", "invalid", "索引号格式不正确"),
    ],
)
def test_invalid_formats_are_refused_in_chinese(fmt, error_code, message):
    with pytest.raises(ValidationError) as excinfo:
        validate_index_number_format(fmt)
    assert excinfo.value.code == error_code
    assert message in excinfo.value.messages[0]


def test_render():
    number = render_index_number(
        DEFAULT_INDEX_NUMBER_FORMAT,
        credit_code="11330100002489000X",
        on=dt.date(2026, 3, 9),
        serial=12,
    )
    assert number == "11330100002489000X/2026-00012"


@pytest.mark.django_db
def test_create_refuses_an_invalid_format():
    with pytest.raises(ValidationError) as excinfo:
        organisation_create(
            actor=None,
            parent=None,
            name="格式错误局",
            short_name="格式局",
            kind=OrganisationKind.CITY_DEPARTMENT,
            credit_code=code(1),
            index_number_format="{credit_code}/{serial:05d}",
        )
    assert "必须同时包含" in str(excinfo.value.message_dict["index_number_format"])
    assert not Organisation.objects.filter(name="格式错误局").exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_create_accepts_a_valid_format():
    org = organisation_create(
        actor=None,
        parent=None,
        name="格式正确局",
        short_name="格式局",
        kind=OrganisationKind.CITY_DEPARTMENT,
        credit_code=code(2),
        index_number_format="GK-{year}-{serial:04d}",
    )
    assert Organisation.objects.get(pk=org.pk).index_number_format == (
        "GK-{year}-{serial:04d}"
    )


@pytest.mark.django_db
def test_update_refuses_an_invalid_format():
    org = OrganisationFactory.create()
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        organisation_update(
            actor=None, organisation=org, index_number_format="{year}-{nope}"
        )
    assert "未知占位符" in str(excinfo.value.message_dict["index_number_format"])
    stored = Organisation.objects.get(pk=org.pk)
    assert stored.index_number_format == DEFAULT_INDEX_NUMBER_FORMAT
    assert AuditEvent.objects.count() == before


@pytest.mark.django_db
def test_admin_form_shows_the_error_on_the_field():
    form = OrganisationAdminForm(
        data={
            "name": "后台局",
            "short_name": "后台",
            "kind": OrganisationKind.CITY_DEPARTMENT,
            "credit_code": code(3),
            "index_number_format": "{credit_code}/{year}",
            "sort_order": "0",
        }
    )
    assert not form.is_valid()
    assert "必须同时包含" in str(form.errors["index_number_format"])
