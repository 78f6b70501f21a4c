"""In Debian's Chromium: apply online, the office confirms and replies, the
applicant downloads the reply letter from the tracking page.

The officer's two steps go through the services (the staff pages have their
own tests); everything the applicant does goes through the browser, with
JavaScript switched off to prove the pages work without it.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone

from gongkai.applications.choices import Outcome
from gongkai.applications.models import Application
from gongkai.applications.services import application_confirm, application_reply
from gongkai.applications.tests.factories import officer_of
from gongkai.core.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def nojs(page, live_server):
    """A second context of the same browser with JavaScript disabled."""
    context = page.context.browser.new_context(
        java_script_enabled=False,
        locale="zh-CN",
        base_url=live_server.url,
        accept_downloads=True,
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def _apply(page, org):
    page.goto("/apply/?q=财政预算执行")
    page.get_by_role("link", name="继续：选择受理机关").click()
    page.get_by_label("受理机关").select_option(org.credit_code)
    page.get_by_role("button", name="继续：填写申请").click()
    page.get_by_label("姓名或单位名称").fill("张三")
    page.get_by_label("证件号码").fill("11010519491231002x")
    page.get_by_label("联系电话").fill("138 0013 8000")
    page.get_by_label("电子邮箱").fill("zhangsan@example.com")
    page.get_by_label("所需政府信息的内容描述").fill(
        "2025年本机关财政预算执行情况的报告"
    )
    page.get_by_label("电子邮件", exact=True).check()
    page.get_by_label("网上获取").check()
    page.get_by_role("button", name="提交申请").click()
    page.get_by_role("heading", name="您的申请已提交").wait_for()
    return page.locator(".receipt__code").inner_text()


def test_apply_confirm_reply_and_download_the_letter(nojs):
    page = nojs
    cache.clear()
    org = OrganisationFactory.create(name="鹤城市财政局")
    code = _apply(page, org)
    application = Application.objects.get()
    assert code.replace("-", "") == application.tracking_code
    with page.expect_download() as receipt:
        page.get_by_role("link", name="下载受理回执（PDF）").click()
    assert receipt.value.suggested_filename.endswith(".pdf")

    officer = officer_of(org)
    today = timezone.localdate()
    application = application_confirm(
        application=application, actor=officer, confirmed_on=today
    )
    assert application.received_on is not None
    application_reply(
        application=application,
        actor=officer,
        outcome=Outcome.DISCLOSED,
        replied_on=application.received_on,
    )

    page.goto("/apply/track/")
    page.get_by_label("查询码").fill(code.lower())
    page.get_by_label("联系电话后四位").fill("8000")
    page.get_by_role("button", name="查询").click()
    page.get_by_role("heading", name="申请办理进度").wait_for()
    body = page.locator("main").inner_text()
    assert "已办结" in body and "予以公开" in body
    assert "作出答复" in body
    reply = page.locator(".downloads li", has_text="答复书")
    with page.expect_download() as letter:
        reply.get_by_role("link", name="下载 PDF").click()
    path = letter.value.path()
    assert path is not None and Path(path).read_bytes()[:4] == b"%PDF"
    page.screenshot(path="var/screenshots/apply-track-replied.png", full_page=True)
