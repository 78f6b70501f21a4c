"""The back-office shell: sign-in with lockout, sign-out, navigation, dashboard."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt
from typing import cast

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, UserFactory, staff_user
from gongkai.documents import services
from gongkai.documents.models import Disclosure, Document, DocumentStatus, LegalForm
from gongkai.documents.tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Gongkai-test-2026"  # UserFactory's
LOGIN = "staff:login"


@pytest.fixture
def org():
    return OrganisationFactory()


@pytest.fixture
def editor(org):
    return staff_user(Role.EDITOR, org, username="editor1")


def _login(client, username, password=PASSWORD, **extra):
    return client.post(
        reverse(LOGIN), {"username": username, "password": password}, **extra
    )


# ---------------------------------------------------------------------------
# Sign-in


def test_login_page_is_chinese_and_accessible(client):
    response = client.get(reverse(LOGIN))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="zh-Hans">' in body
    assert "工作人员登录" in body
    assert '<label for="id_username">用户名</label>' in body
    assert '<label for="id_password">密码</label>' in body
    assert "csrfmiddlewaretoken" in body


def test_login_redirects_to_dashboard(client, editor):
    response = _login(client, "editor1")
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:dashboard")
    assert client.get(reverse("staff:dashboard")).status_code == 200


def test_login_honours_safe_next_only(client, editor):
    target = reverse("staff:document_list")
    response = client.post(
        reverse(LOGIN) + f"?next={target}",
        {"username": "editor1", "password": PASSWORD, "next": target},
    )
    assert response["Location"] == target
    client.logout()
    response = client.post(
        reverse(LOGIN),
        {"username": "editor1", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("staff:dashboard")


def test_wrong_password_is_a_chinese_error(client, editor):
    response = _login(client, "editor1", "wrong-password")
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()


def test_empty_login_form_is_a_chinese_error(client):
    response = client.post(reverse(LOGIN), {})
    assert response.status_code == 200
    assert "请输入用户名" in response.content.decode()


def test_user_without_role_cannot_enter(client):
    UserFactory(username="norole")
    response = _login(client, "norole")
    assert response.status_code == 200
    assert "未分配工作角色" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_inactive_user_cannot_enter(client, org):
    staff_user(Role.EDITOR, org, username="gone", is_active=False)
    response = _login(client, "gone")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_lockout_after_five_failures(client, editor, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        assert _login(client, "editor1", "wrong").status_code == 200
    locked = _login(client, "editor1", "wrong")
    assert locked.status_code == 429
    assert "登录已暂时锁定" in locked.content.decode()
    assert "请约 15 分钟后再试" in locked.content.decode()  # AXES_COOLOFF_TIME
    # Even the right password is refused while locked.
    again = _login(client, "editor1")
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username="editor1").exists()


def test_lockout_is_per_username(client, editor, org):
    staff_user(Role.EDITOR, org, username="editor2")
    for _ in range(5):
        _login(client, "editor1", "wrong")
    assert _login(client, "editor2").status_code == 302


def test_success_resets_failure_count(client, editor):
    for _ in range(4):
        _login(client, "editor1", "wrong")
    assert _login(client, "editor1").status_code == 302
    client.post(reverse("staff:logout"))
    for _ in range(4):
        assert _login(client, "editor1", "wrong").status_code == 200


def test_logout_is_post_only(client, editor):
    client.force_login(editor)
    assert client.get(reverse("staff:logout")).status_code == 405
    response = client.post(reverse("staff:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse(LOGIN)
    assert "_auth_user_id" not in client.session


# ---------------------------------------------------------------------------
# Shell and navigation


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("staff:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(LOGIN))


def test_signed_in_without_role_is_forbidden(client):
    client.force_login(UserFactory())
    response = client.get(reverse("staff:dashboard"))
    assert response.status_code == 403
    assert "未分配工作角色" in response.content.decode()
    # …but may still sign out.
    assert reverse("staff:logout") in response.content.decode()


def _nav(response):
    body = response.content.decode()
    start = body.index('<nav class="staff-nav"')
    return body[start : body.index("</nav>", start)]


def test_navigation_by_permission(client, org, editor):
    client.force_login(editor)
    response = client.get(reverse("staff:dashboard"))
    nav = _nav(response)
    assert "工作台" in nav and "文件管理" in nav
    assert "待审核" not in nav
    assert "工作日历" not in nav
    assert "机构信息" not in nav
    body = response.content.decode()
    assert editor.display_name in body
    assert org.short_name in body
    assert reverse("staff:logout") in body

    client.force_login(staff_user(Role.REVIEWER, org))
    nav = _nav(client.get(reverse("staff:dashboard")))
    assert "待审核" in nav

    client.force_login(staff_user(Role.ADMIN, org))
    nav = _nav(client.get(reverse("staff:dashboard")))
    assert "工作日历" in nav and "机构信息" in nav


def test_current_section_is_marked(client, editor):
    client.force_login(editor)
    nav = _nav(client.get(reverse("staff:document_list")))
    assert f'href="{reverse("staff:document_list")}" aria-current="page"' in nav


def test_messages_are_shown(client, editor, org):
    document = services.document_create(
        actor=editor,
        organisation=org,
        title="测试文件",
        written_on=dt.date(2026, 3, 2),
        disclosure=Disclosure.PROACTIVE,
    )
    client.force_login(editor)
    response = client.post(
        reverse("staff:document_submit", args=[document.pk]), follow=True
    )
    assert '<ul class="messages"' in response.content.decode()
    assert "已提交审核" in response.content.decode()


# ---------------------------------------------------------------------------
# Dashboard


def test_dashboard_queues(client, org):
    editor = staff_user(Role.EDITOR, org)
    reviewer = staff_user(Role.REVIEWER, org)

    def make(title, **fields):
        return services.document_create(
            actor=editor,
            organisation=org,
            title=title,
            written_on=dt.date(2026, 3, 2),
            disclosure=Disclosure.PROACTIVE,
            **fields,
        )

    make("我的草稿一")
    submitted = make("待审文件一")
    services.document_submit(actor=editor, document=submitted)
    returned = make("被退回文件一")
    services.document_submit(actor=editor, document=returned)
    services.document_return(actor=reviewer, document=returned, reason="请补充")
    other = OrganisationFactory()
    DocumentFactory(organisation=other, title="外单位草稿")

    client.force_login(editor)
    queues = {
        q.key: q for q in client.get(reverse("staff:dashboard")).context["queues"]
    }
    assert [d.title for d in queues["drafts"].documents] == ["我的草稿一"]
    assert [d.title for d in queues["returned"].documents] == ["被退回文件一"]
    assert queues["review"].total == 0

    client.force_login(reviewer)
    response = client.get(reverse("staff:dashboard"))
    queues = {q.key: q for q in response.context["queues"]}
    assert [d.title for d in queues["review"].documents] == ["待审文件一"]
    assert queues["drafts"].total == 0
    body = response.content.decode()
    assert "外单位草稿" not in body
    # Recent audit events of the organisation.
    events = response.context["events"]
    assert any(e.event_type == "document.returned" for e in events)
    counts = {status: n for status, _label, n in response.context["status_counts"]}
    assert counts[DocumentStatus.SUBMITTED] == 1
    assert counts[DocumentStatus.RETURNED] == 1


def test_dashboard_flags_late_publication(client, org):
    editor = staff_user(Role.EDITOR, org)
    late = cast(
        Document,
        DocumentFactory(
            organisation=org,
            title="迟发的规范性文件",
            legal_form=LegalForm.NORMATIVE_DOCUMENT,
            status=DocumentStatus.PUBLISHED,
            written_on=dt.date(2026, 3, 2),
            published_on=dt.date(2026, 4, 20),
            publish_due_on=dt.date(2026, 3, 9),
        ),
    )
    DocumentFactory(
        organisation=org,
        title="按时发布的文件",
        status=DocumentStatus.PUBLISHED,
        written_on=dt.date(2026, 3, 2),
        published_on=dt.date(2026, 3, 3),
        publish_due_on=dt.date(2026, 3, 30),
    )
    client.force_login(editor)
    response = client.get(reverse("staff:dashboard"))
    assert [d.pk for d in response.context["late_documents"]] == [late.pk]
    body = response.content.decode()
    assert "迟发的规范性文件" in body
    assert "超过发布时限" in body
    assert "<td>5 个工作日</td>" in body  # the normative-document limit applied
    assert (
        "按时发布的文件"
        not in body.split('id="late-heading"')[1].split("</section>")[0]
    )


def test_dashboard_late_flags_come_from_the_deadline_service(client, org):
    """End to end: a normative document published 2 weeks late is flagged."""
    editor = staff_user(Role.EDITOR, org)
    reviewer = staff_user(Role.REVIEWER, org)
    document = services.document_create(
        actor=editor,
        organisation=org,
        title="规范性文件晚发",
        written_on=dt.date(2026, 3, 2),
        disclosure=Disclosure.PROACTIVE,
        legal_form=LegalForm.NORMATIVE_DOCUMENT,
    )
    assert document.publish_due_on is not None
    services.document_submit(actor=editor, document=document)
    from gongkai.documents.workflow import CONFIDENTIALITY_KEYS

    services.confidentiality_review_record(
        actor=reviewer,
        document=document,
        checklist=dict.fromkeys(CONFIDENTIALITY_KEYS, True),
    )
    services.document_approve(actor=reviewer, document=document)
    services.document_publish(
        actor=reviewer, document=document, published_on=dt.date(2026, 3, 20)
    )
    client.force_login(editor)
    response = client.get(reverse("staff:dashboard"))
    assert document.pk in [d.pk for d in response.context["late_documents"]]
