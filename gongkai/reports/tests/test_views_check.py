from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.django_db
URL = reverse("staff:report_check")


@pytest.fixture
def supervisor_client(client):
    client.force_login(staff_user(Role.SUPERVISOR, OrganisationFactory.create()))
    return client


def test_supervisor_sees_planted_errors_by_cell(supervisor_client):
    upload = SimpleUploadedFile("planted.xlsx", (DATA / "planted.xlsx").read_bytes())
    response = supervisor_client.post(URL, {"file": upload})
    assert response.status_code == 200
    body = response.content.decode()
    assert "表四 行政复议 总计" in body
    assert "表三 R25 自然人" in body


def test_pasted_html_is_checked(supervisor_client):
    html = (DATA / "published.html").read_text(encoding="utf-8")
    response = supervisor_client.post(URL, {"html": html})
    assert "表三 R3 总计" in response.content.decode()


def test_neither_or_both_inputs_is_a_400_with_a_message(supervisor_client):
    response = supervisor_client.post(URL, {})
    assert response.status_code == 400
    assert "二选一" in response.content.decode()


def test_unreadable_file_is_a_400_not_a_500(supervisor_client):
    upload = SimpleUploadedFile("x.xlsx", b"garbage")
    response = supervisor_client.post(URL, {"file": upload})
    assert response.status_code == 400
    assert "无法读取该 Excel 文件" in response.content.decode()


def test_editor_without_report_rights_gets_404(client):
    client.force_login(staff_user(Role.EDITOR, OrganisationFactory.create()))
    assert client.get(URL).status_code == 404


def test_anonymous_goes_to_login(client):
    assert client.get(URL).status_code == 302
