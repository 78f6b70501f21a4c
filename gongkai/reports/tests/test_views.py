"""Staff report pages, drill-down links and the public report page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.core.models import Role
from gongkai.core.tests.factories import staff_user
from gongkai.reports.models import AnnualReport, ReportStatus
from gongkai.reports.services import report_approve, report_create, report_publish

from .conftest import Office
from .ledger import fixture_rows, ledger_create

pytestmark = pytest.mark.django_db


def _login(client: Client, user: object) -> Client:
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _report(office: Office) -> AnnualReport:
    ledger_create(office.organisation, fixture_rows())
    return report_create(
        actor=office.officer, organisation=office.organisation, year=2025
    )


def test_list_and_create(client: Client, office: Office) -> None:
    assert client.get(reverse("staff:report_list")).status_code == 302  # to login
    _login(client, office.officer)
    page = client.get(reverse("staff:report_list"))
    assert page.status_code == 200 and "新建报告" in page.content.decode()
    response = client.post(
        reverse("staff:report_new"),
        {"organisation": office.organisation.pk, "year": "2025", "scope": "own"},
    )
    report = AnnualReport.objects.get(organisation=office.organisation)
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:report_detail", args=[report.pk])


def test_report_page_links_every_number_to_its_records(
    client: Client, office: Office
) -> None:
    report = _report(office)
    html = (
        _login(client, office.officer).get(report.get_absolute_url()).content.decode()
    )
    cell = reverse(
        "staff:report_cell",
        args=[office.organisation.credit_code, 2025, "own", "table3.new.total"],
    )
    assert f'href="{cell}"' in html
    assert html.count("/staff/reports/cells/") == 6 + 25 * 7 + 15
    assert "<svg" in html and "每月新收申请" in html and "办理结果构成" in html
    assert "本年与上年对比" in html
    drill = client.get(cell)
    assert drill.status_code == 200
    text = drill.content.decode()
    assert "共 24 条" in text
    assert "申请人1" not in text and "13800138000" not in text


def test_others_get_404(client: Client, office: Office) -> None:
    report = _report(office)
    stranger = Office().officer
    _login(client, stranger)
    assert client.get(report.get_absolute_url()).status_code == 404
    cell = reverse(
        "staff:report_cell",
        args=[office.organisation.credit_code, 2025, "own", "table3.new.total"],
    )
    assert client.get(cell).status_code == 404
    _login(client, office.editor)
    assert client.get(cell).status_code == 404
    supervisor = staff_user(Role.SUPERVISOR, office.organisation)
    _login(client, supervisor)
    assert client.get(cell).status_code == 200
    assert client.get(report.get_absolute_url()).status_code == 200


def test_edit_approve_publish_through_the_pages(client: Client, office: Office) -> None:
    report = _report(office)
    _login(client, office.officer)
    data = {
        "overview": "总体情况。", "problems": "问题及改进。", "other_matters": "其他。",
        "licences": "5", "licences_source": "审批系统", "penalties": "0",
        "penalties_source": "", "coercions": "0", "coercions_source": "",
        "charges": "0", "charges_source": "",
    }  # fmt: skip
    response = client.post(reverse("staff:report_edit", args=[report.pk]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.problems == "问题及改进。" and report.licences == 5
    # The officer may not approve: the button is not there and the POST is 404.
    assert "审定报告" not in client.get(report.get_absolute_url()).content.decode()
    assert (
        client.post(reverse("staff:report_approve", args=[report.pk])).status_code
        == 404
    )
    public = reverse(
        "public:annual_report", args=[office.organisation.credit_code, 2025]
    )
    assert Client().get(public).status_code == 404
    _login(client, office.head)
    client.post(reverse("staff:report_approve", args=[report.pk]))
    client.post(reverse("staff:report_publish", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED
    page = Client().get(public)
    assert page.status_code == 200
    text = page.content.decode()
    assert "问题及改进。" in text and "三、收到和处理政府信息公开申请情况" in text
    assert "/staff/" not in text  # no drill-down links in public


def test_exports(client: Client, office: Office) -> None:
    report = _report(office)
    _login(client, office.officer)
    response = client.get(reverse("staff:report_export", args=[report.pk, "csv"]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert (
        client.get(reverse("staff:report_export", args=[report.pk, "exe"])).status_code
        == 404
    )


def test_published_report_page_shows_versions(office: Office) -> None:
    report = _report(office)
    report = report_publish(
        actor=office.head, report=report_approve(actor=office.head, report=report)
    )
    public = reverse(
        "public:annual_report", args=[office.organisation.credit_code, 2025]
    )
    assert Client().get(public).status_code == 200
    assert Client().get(public.replace("2025", "2024")).status_code == 404
