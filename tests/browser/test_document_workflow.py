"""End to end in Debian's Chromium: draft → submit → review → approve → publish → public.

Run with `pytest -m browser`. Uses pytest-django's `live_server`, which needs
a transactional database; Playwright's sync API drives /usr/bin/chromium
(never a downloaded browser).
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import cast

import pytest
from django.conf import settings
from django.utils import timezone

from gongkai.core.models import Organisation, Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Gongkai-test-2026"  # UserFactory's password
TITLE = "关于做好2026年度政务公开工作的通知"
SCREENSHOT = Path(settings.BASE_DIR) / "var" / "screenshots" / "document_workflow.png"


def _login(page, username: str) -> None:
    page.goto("/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("heading", name="工作台", exact=True).wait_for()


def _logout(page) -> None:
    page.get_by_role("button", name="退出登录").click()
    page.get_by_role("heading", name="工作人员登录").wait_for()


def _expect_message(page, text: str) -> None:
    from playwright.sync_api import expect

    expect(page.locator(".messages")).to_contain_text(text)


def test_editor_drafts_reviewer_publishes_public_finds(page) -> None:
    from playwright.sync_api import expect

    organisation = cast(
        Organisation, OrganisationFactory(name="鹤城市测试局", short_name="测试局")
    )
    staff_user(Role.EDITOR, organisation, username="editor", display_name="录入员")
    staff_user(Role.REVIEWER, organisation, username="reviewer", display_name="审核员")
    written_on = timezone.localdate() - dt.timedelta(days=1)

    # 1. The editor drafts the document and submits it.
    _login(page, "editor")
    page.get_by_role("navigation", name="工作台导航").get_by_role(
        "link", name="文件管理"
    ).click()
    page.get_by_role("link", name="新建文件").click()
    page.get_by_label("标题").fill(TITLE)
    page.get_by_label("发布机构").select_option(label=organisation.name)
    page.get_by_label("发文字号").fill("测政办发[2026]7号")
    page.get_by_label("成文日期").fill(written_on.isoformat())
    page.get_by_label("文种").select_option(label="通知")
    page.get_by_label("公开属性", exact=True).select_option(label="主动公开")
    page.get_by_label("内容概述").fill("部署本年度政务公开重点工作。")
    page.get_by_label("正文").fill(
        "<p>各科室：</p><p>现就做好本年度政务公开工作通知如下。</p>"
        "<script>alert(1)</script>"
    )
    page.get_by_role("button", name="保存草稿").click()
    _expect_message(page, "文件已保存为草稿")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("table.meta-table")).to_contain_text("测政办发〔2026〕7号")
    page.get_by_role("button", name="提交审核").click()
    _expect_message(page, "已提交审核")
    expect(page.locator(".status")).to_have_text("待审核")
    _logout(page)

    # 2. The reviewer does the 保密审查, approves and publishes.
    _login(page, "reviewer")
    page.get_by_role("navigation", name="工作台导航").get_by_role(
        "link", name="待审核"
    ).click()
    page.get_by_role("link", name=TITLE).click()
    checklist = page.get_by_role("group", name="保密审查")
    boxes = checklist.get_by_role("checkbox")
    assert boxes.count() >= 1
    for i in range(boxes.count()):
        boxes.nth(i).check()
    checklist.get_by_label("审查意见").fill("经审查，可以主动公开。")
    page.get_by_role("button", name="记录保密审查").click()
    _expect_message(page, "保密审查已记录")
    page.get_by_role("button", name="审核通过").click()
    _expect_message(page, "审核通过")
    expect(page.locator(".status")).to_have_text("审核通过")
    page.get_by_role("button", name="发布", exact=True).click()
    _expect_message(page, "文件已发布")
    expect(page.locator(".status")).to_have_text("已发布")

    # 3. A citizen finds it on the organisation's page and opens it.
    page.goto(organisation.get_absolute_url())
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", name=TITLE).first).to_be_visible()
    body = page.content()
    assert "测政办发〔2026〕7号" in body
    assert "现就做好本年度政务公开工作通知如下" in body
    assert "alert(1)" not in body  # the body was sanitised
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 0
