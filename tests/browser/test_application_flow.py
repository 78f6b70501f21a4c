"""End to end in Debian's Chromium: apply online → the officer confirms and
replies in /staff/ → the applicant downloads the reply letter when tracking.

Run with `pytest -m browser`. Uses pytest-django's `live_server`, which needs
a transactional database; Playwright's sync API drives /usr/bin/chromium
(never a downloaded browser). The letters are rendered for real (DOCX and
PDF with embedded CJK fonts).
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import re
from pathlib import Path
from typing import cast

import pytest
from django.conf import settings

from gongkai.applications.models import Application
from gongkai.core.models import Organisation, Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Gongkai-test-2026"  # UserFactory's password
RESIDENT_ID = "11010519491231002X"
PHONE = "13800138000"
SCREENSHOT = Path(settings.BASE_DIR) / "var" / "screenshots" / "application_flow.png"
STAFF_SCREENSHOT = (
    Path(settings.BASE_DIR) / "var" / "screenshots" / "application_case.png"
)
DESCRIPTION = "2025年本机关部门预算执行情况的报告全文"


def _expect_message(page, text: str) -> None:
    from playwright.sync_api import expect

    expect(page.locator(".messages")).to_contain_text(text)


def _apply(page, organisation: Organisation) -> str:
    """The applicant applies online; returns the tracking code shown."""
    page.goto("/apply/")
    page.get_by_role("link", name="继续：选择受理机关").click()
    page.get_by_label("受理机关").select_option(label=organisation.name)
    page.get_by_role("button", name="继续：填写申请").click()
    page.get_by_label("自然人").check()
    page.get_by_label("姓名或单位名称").fill("张三")
    page.get_by_label("证件类型").select_option(label="居民身份证")
    page.get_by_label("证件号码").fill(RESIDENT_ID)
    page.get_by_label("联系电话").fill(PHONE)
    page.get_by_label("电子邮箱").fill("zhangsan@example.com")
    page.get_by_label("所需政府信息的内容描述").fill(DESCRIPTION)
    page.get_by_label("电子邮件", exact=True).check()
    page.get_by_label("网上获取").check()
    page.get_by_role("button", name="提交申请").click()
    page.get_by_role("heading", name="您的申请已提交").wait_for()
    return str(page.locator(".receipt__code").inner_text()).strip()


def _staff_login(page, username: str) -> None:
    page.goto("/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("heading", name="工作台", exact=True).wait_for()


def _officer_confirms_and_replies(page, code: str) -> None:
    from playwright.sync_api import expect

    _staff_login(page, "officer")
    page.get_by_role("navigation", name="工作台导航").get_by_role(
        "link", name="依申请公开"
    ).click()
    page.get_by_role("heading", name="依申请公开").wait_for()
    compact = re.sub(r"[^0-9A-Z]", "", code.upper())
    page.get_by_role("link", name=compact).click()
    expect(page.locator(".status")).to_have_text("已提交待确认")
    confirm = page.get_by_role("group", name="确认收到申请")
    confirm.get_by_role("button", name="确认收到申请").click()
    _expect_message(page, "已确认收到申请")
    expect(page.locator(".status")).to_have_text("办理中")
    received = Application.objects.get(tracking_code=compact).received_on
    assert received is not None

    reply = page.get_by_role("group", name="作出答复")
    reply.get_by_label("答复日期").fill(received.isoformat())
    reply.get_by_label("办理结果").select_option(label="R3 予以公开")
    # The legal basis is prefilled with the outcome's article.
    expect(reply.get_by_label("法律依据")).to_have_value(re.compile("第三十六条"))
    reply.get_by_label("理由", exact=True).fill(
        "所申请信息属于本机关制作的政府信息，予以公开。"
    )
    reply.get_by_role("button", name="作出答复").click()
    _expect_message(page, "已作出答复")
    expect(page.locator(".status").first).to_contain_text("已办结")
    expect(page.get_by_role("region", name="文书")).to_contain_text("答复")
    STAFF_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(STAFF_SCREENSHOT), full_page=True)
    page.get_by_role("button", name="退出登录").click()
    page.get_by_role("heading", name="工作人员登录").wait_for()


def test_apply_confirm_reply_download(page) -> None:
    organisation = cast(
        Organisation, OrganisationFactory(name="鹤城市测试局", short_name="测试局")
    )
    staff_user(Role.OFFICER, organisation, username="officer", display_name="办理员")

    code = _apply(page, organisation)
    assert len(re.sub(r"[^0-9A-Z]", "", code)) >= 12
    _officer_confirms_and_replies(page, code)

    # The applicant tracks the case and downloads the reply letter.
    page.goto("/apply/track/")
    page.get_by_label("查询码").fill(code)
    page.get_by_label("联系电话后四位").fill(PHONE[-4:])
    page.get_by_role("button", name="查询").click()
    page.get_by_role("heading", name="申请办理进度").wait_for()
    assert "已办结" in page.content()
    assert RESIDENT_ID not in page.content()  # the tracking page shows no ID number
    link = page.get_by_role("link", name=re.compile(r"下载 PDF.*答复"))
    with page.expect_download() as download_info:
        link.first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    saved = Path(download.path())
    assert saved.read_bytes().startswith(b"%PDF")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 0
