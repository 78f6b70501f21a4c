"""Editing letter templates: the service (permission, audit, compile check,
sandbox) and the back-office pages (list, edit, preview)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from gongkai.applications.choices import Outcome
from gongkai.applications.letters import (
    letter_issue,
    letter_render_text,
    letter_template_save,
    letter_templates_seed,
)
from gongkai.applications.models import LetterKind, LetterTemplate
from gongkai.applications.tests.letters_helpers import application_make, city_department
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import PermissionDenied
from gongkai.core.models import AuditEvent, Role, User
from gongkai.core.tests.factories import OrganisationFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def admin() -> User:
    return staff_user(Role.ADMIN, OrganisationFactory.create())


def _reply_template(outcome: Outcome = Outcome.DISCLOSED) -> LetterTemplate:
    return LetterTemplate.objects.get(kind=LetterKind.REPLY, outcome=outcome)


def test_a_valid_save_changes_the_text_and_is_audited(admin: User) -> None:
    template = _reply_template()
    letter_template_save(
        actor=admin,
        template=template,
        title="答复书",
        body="{{ applicant.name }}：\n　　根据{{ decision.article }}，予以公开。",
    )
    template.refresh_from_db()
    assert template.title == "答复书"
    assert template.updated_by == admin
    event = AuditEvent.objects.get(event_type=AuditEventType.LETTER_TEMPLATE_SAVED)
    assert event.actor == admin
    assert event.after is not None and event.after["title"] == "答复书"
    letter = letter_issue(
        application=application_make(city_department()),
        kind=LetterKind.REPLY,
        issued_on=dt.date(2026, 11, 20),
        extra={"outcome": Outcome.DISCLOSED},
    )
    assert letter.title == "答复书"
    assert "根据《中华人民共和国政府信息公开条例》第三十六条" in letter.text


@pytest.mark.parametrize(
    "body",
    [
        "{% if decision.label %}未闭合",
        "{{ applicant.name|nosuchfilter }}",
        "{% load i18n %}{% translate '你好' %}",
        "{% include 'staff/base.html' %}",
        "{% debug %}",
    ],
)
def test_an_invalid_template_is_refused_and_nothing_is_saved(
    admin: User, body: str
) -> None:
    template = _reply_template()
    before = template.body
    with pytest.raises(ValidationError) as caught:
        letter_template_save(actor=admin, template=template, title="x", body=body)
    assert "body" in caught.value.message_dict
    assert any("模板" in m for m in caught.value.message_dict["body"])
    template.refresh_from_db()
    assert template.body == before
    assert not AuditEvent.objects.filter(
        event_type=AuditEventType.LETTER_TEMPLATE_SAVED
    )


def test_only_administrators_may_edit_templates() -> None:
    organisation = OrganisationFactory.create()
    for role in (Role.OFFICER, Role.HEAD, Role.EDITOR):
        user = staff_user(role, organisation)
        with pytest.raises(PermissionDenied):
            letter_template_save(
                actor=user, template=_reply_template(), title="x", body="y"
            )
    assert not AuditEvent.objects.filter(
        event_type=AuditEventType.LETTER_TEMPLATE_SAVED
    )


def test_templates_see_plain_data_only() -> None:
    # Model methods are out of reach: the context holds no model instances.
    context = {"applicant": {"name": "张三"}}
    assert (
        letter_render_text("{{ applicant.name }}{{ application.delete }}", context)
        == "张三"
    )


def test_seeding_never_overwrites_an_edit(admin: User) -> None:
    template = _reply_template()
    letter_template_save(
        actor=admin, template=template, title="改过", body="改过的正文"
    )
    assert letter_templates_seed() == 0
    template.refresh_from_db()
    assert template.body == "改过的正文"
    template.delete()
    assert letter_templates_seed() == 1


def test_a_missing_row_falls_back_to_the_built_in_text() -> None:
    LetterTemplate.objects.all().delete()
    letter = letter_issue(
        application=application_make(city_department()),
        kind=LetterKind.CORRECTION,
        issued_on=dt.date(2026, 11, 5),
        extra={"items": "请补充项目名称", "deadline": dt.date(2026, 11, 19)},
    )
    assert "请补充项目名称" in letter.text


# -- pages ---------------------------------------------------------------------


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_list_and_edit_pages(admin: User) -> None:
    client = _client(admin)
    listing = client.get(reverse("staff:letter_template_list"))
    assert listing.status_code == 200
    assert "补正告知书" in listing.content.decode()
    template = _reply_template(Outcome.WITHHELD_STATE_SECRET)
    url = reverse("staff:letter_template_edit", args=[template.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"title": "新标题", "body": "正文{{ decision.article }}", "save": ""}
    )
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.title == "新标题"


def test_preview_renders_the_draft_without_saving(admin: User) -> None:
    OrganisationFactory.create(name="预览用机关")
    template = _reply_template(Outcome.PARTLY_DISCLOSED)
    url = reverse("staff:letter_template_edit", args=[template.pk])
    client = _client(admin)
    body = template.body
    response = client.post(url, {"title": template.title, "body": body, "preview": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "第三十七条" in page and "60日" in page
    assert "11010519491231002X" not in page
    pdf = client.post(url, {"title": template.title, "body": body, "preview_pdf": ""})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    for kind in LetterKind:
        row = LetterTemplate.objects.filter(kind=kind).first()
        assert row is not None
        page_url = reverse("staff:letter_template_edit", args=[row.pk])
        shown = client.post(
            page_url, {"title": row.title, "body": row.body, "preview": ""}
        )
        assert shown.status_code == 200, kind


def test_an_invalid_template_shows_the_error_on_the_form(admin: User) -> None:
    template = _reply_template()
    url = reverse("staff:letter_template_edit", args=[template.pk])
    response = _client(admin).post(url, {"title": "x", "body": "{% if %}", "save": ""})
    assert response.status_code == 400
    assert "模板语法错误" in response.content.decode()


def test_pages_refuse_non_administrators() -> None:
    officer = staff_user(Role.OFFICER, OrganisationFactory.create())
    client = _client(officer)
    assert client.get(reverse("staff:letter_template_list")).status_code == 403
    url = reverse("staff:letter_template_edit", args=[_reply_template().pk])
    assert client.post(url, {"title": "x", "body": "y", "save": ""}).status_code == 403
    assert Client().get(reverse("staff:letter_template_list")).status_code == 302


def test_restore_default_fills_the_form_without_saving(admin: User) -> None:
    template = _reply_template()
    letter_template_save(
        actor=admin, template=template, title="改过", body="改过的正文"
    )
    url = reverse("staff:letter_template_edit", args=[template.pk])
    response = _client(admin).post(
        url, {"title": "改过", "body": "改过的正文", "restore_default": ""}
    )
    assert response.status_code == 200
    assert "如对本答复不服" in response.content.decode()
    template.refresh_from_db()
    assert template.body == "改过的正文"
