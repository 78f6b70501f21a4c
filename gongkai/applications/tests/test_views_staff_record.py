"""Recording an application from each channel with its receipt-date rule
(条例第三十一条): the form asks for the right date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.applications.models import Application, ApplicationStatus
from gongkai.core.models import Organisation, Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user

from .factories import RESIDENT_ID, head_of, officer_of
from .services_helpers import fast_letters  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_letters")]

D = dt.date
URL = reverse("staff:application_record")


@pytest.fixture
def org() -> Organisation:
    return OrganisationFactory.create()


@pytest.fixture
def client(org: Organisation) -> Client:
    client = Client()
    client.force_login(officer_of(org))
    return client


def _data(org: Organisation, **extra: Any) -> dict[str, Any]:
    return {
        "organisation": org.pk,
        "channel": "in_person",
        "lodged_on": "2026-11-02",
        "type": "natural_person",
        "name": "张三",
        "id_type": "resident_id",
        "id_number": RESIDENT_ID,
        "phone": "13800138000",
        "email": "a@example.com",
        "address": "鹤城市南湖路1号",
        "description": "2025年本机关财政预算执行情况",
        "form": "paper",
        "delivery": "post",
        **extra,
    }


@pytest.mark.parametrize(
    ("extra", "received_on"),
    [
        ({"channel": "in_person"}, D(2026, 11, 2)),
        ({"channel": "oral"}, D(2026, 11, 2)),
        ({"channel": "registered_post", "signed_for_on": "2026-11-04"}, D(2026, 11, 4)),
        ({"channel": "ordinary_post", "confirmed_on": "2026-11-05"}, D(2026, 11, 5)),
        ({"channel": "fax", "confirmed_on": "2026-11-03"}, D(2026, 11, 3)),
        # Confirmed on a Saturday: counts from the next working day (spec §7.5 N).
        ({"channel": "email", "confirmed_on": "2026-11-07"}, D(2026, 11, 9)),
    ],
)
def test_receipt_date_per_channel(
    org: Organisation, client: Client, extra: dict[str, Any], received_on: dt.date
) -> None:
    response = client.post(URL, _data(org, **extra))
    assert response.status_code == 302, response.content.decode()[:2000]
    application = Application.objects.get()
    assert response["Location"] == reverse(
        "staff:application_detail", args=[application.pk]
    )
    assert application.status == ApplicationStatus.RECEIVED
    assert application.received_on == received_on
    assert application.channel == extra["channel"]
    assert application.due_on is not None


def test_ordinary_post_unconfirmed_waits(org: Organisation, client: Client) -> None:
    response = client.post(URL, _data(org, channel="ordinary_post"))
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.status == ApplicationStatus.LODGED
    assert application.received_on is None


def test_registered_post_needs_signed_for_date(
    org: Organisation, client: Client
) -> None:
    response = client.post(URL, _data(org, channel="registered_post"))
    assert response.status_code == 400
    assert "邮寄申请需填写本机关签收日期" in response.content.decode()
    assert not Application.objects.exists()


def test_online_is_not_a_staff_channel(org: Organisation, client: Client) -> None:
    response = client.post(URL, _data(org, channel="online"))
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_bad_identity_is_400(org: Organisation, client: Client) -> None:
    response = client.post(URL, _data(org, id_number="110105194912310021"))
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert not Application.objects.exists()


def test_dates_not_in_the_future_or_before_lodging(
    org: Organisation, client: Client
) -> None:
    response = client.post(
        URL,
        _data(org, channel="fax", lodged_on="2026-11-05", confirmed_on="2026-11-04"),
    )
    assert response.status_code == 400
    assert "不能早于申请日期" in response.content.decode()
    response = client.post(URL, _data(org, lodged_on="2099-01-01"))
    assert response.status_code == 400
    assert "不能晚于今天" in response.content.decode()
    assert not Application.objects.exists()


def test_organisation_applicant(org: Organisation, client: Client) -> None:
    from gongkai.core.credit_codes import credit_code_check_character

    first17 = "91440000000000001"
    data = _data(
        org,
        type="commercial_enterprise",
        name="鹤城科技有限公司",
        id_type="",
        id_number="",
        credit_code=first17 + credit_code_check_character(first17),
        legal_representative="王五",
        contact_person="赵六",
    )
    assert client.post(URL, data).status_code == 302
    assert Application.objects.get().credit_code.startswith(first17)


def test_only_for_officers(org: Organisation) -> None:
    for user in (head_of(org), staff_user(Role.EDITOR, org)):
        client = Client()
        client.force_login(user)
        assert client.get(URL).status_code == 404
        assert client.post(URL, _data(org)).status_code == 404
    assert not Application.objects.exists()


def test_other_organisation_not_choosable(org: Organisation, client: Client) -> None:
    other = OrganisationFactory.create()
    response = client.post(URL, _data(other))
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_form_page(client: Client) -> None:
    body = client.get(URL).content.decode()
    assert "签收日期" in body and "确认日期" in body
    assert "口头申请" in body and "互联网渠道" not in body
