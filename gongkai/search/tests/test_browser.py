"""In Debian's Chromium: search on the public page, read a hit, open it.

Run with `pytest -m browser` (pytest-django's live_server; transactional
database). The `page` fixture is in the root conftest.py.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import pytest

from .conftest import publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_and_open_a_hit(page):
    target = publish(
        title="關於召開城鄉居民醫保聽證會的公告",
        body="<p>定于五月召开医保价格听证会。</p>",
        doc_number="鹤医保发〔2026〕3号",
    )
    publish(title="关于做好春季防火工作的通知", body="<p>防火</p>")
    page.goto("/search/")
    page.get_by_label("查询内容（标题、正文、发文字号或索引号，简繁皆可）").fill(
        "医保听证"
    )
    page.get_by_role("button", name="检索").click()
    page.get_by_role("heading", name="共找到 1 条结果", exact=False).wait_for()
    hit = page.locator(".search-hit").first
    assert hit.locator("mark").count() > 0
    hit.get_by_role("link").first.click()
    page.wait_for_url(f"**/documents/{target.pk}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("關於召開")
    # The 发文字号 typed with other brackets finds it first.
    page.goto("/search/?q=" + "鹤医保发[2026]3号")
    first = page.locator(".search-hit a").first
    assert f"/documents/{target.pk}/" in (first.get_attribute("href") or "")
