import itertools
import re
from datetime import date

import pytest
from django.test import override_settings
from django.urls import reverse

from gongkai.documents.models import ContentType, DocumentStatus
from gongkai.documents.tests.helpers_public import (
    HIDDEN_STATUSES,
    make_attachment,
    make_city,
    make_column,
    make_document,
    make_topic,
)

pytestmark = pytest.mark.django_db

SITE = {
    "name": "测试市政府信息公开平台",
    "domain": "www.ceshi.gov.cn",
    "id_code": "1234567890",
    "icp": "测ICP备12345678号",
    "police_record": "测公网安备11010102000001号",
    "sponsor": "测试市人民政府办公室",
}


def test_home_lists_latest_published_documents(client):
    orgs = make_city()
    make_document(orgs["dept"], title="较早的文件", published_on=date(2024, 1, 1))
    make_document(orgs["city"], title="最新的文件", published_on=date(2025, 6, 1))
    for status in HIDDEN_STATUSES:
        make_document(orgs["city"], status=status, title=f"不应出现{status}")
    make_document(
        orgs["city"],
        title="就业政策解读",
        content_type=ContentType.INTERPRETATION,
    )

    response = client.get(reverse("public:home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("最新的文件") < html.index("较早的文件")
    assert "不应出现" not in html
    assert "政策解读" in html and "就业政策解读" in html
    assert reverse("public:document_list") in html


def test_home_groups_the_organisation_tree(client):
    orgs = make_city()

    html = client.get("/").content.decode()

    assert "市直部门" in html
    assert "县（区）" in html
    assert "乡镇（街道）" in html
    for org in orgs.values():
        assert org.get_absolute_url() in html
    # The city's department is listed before the counties.
    assert html.index("鹤城市教育局") < html.index("鹤城市东山县人民政府")
    assert html.index("东山县财政局") < html.index("东山县青石镇人民政府")


def test_home_offers_browsing_by_topic(client):
    topic = make_topic("科技、教育")

    html = client.get("/").content.decode()

    assert f"/documents/?topic={topic.pk}" in html


def test_headings_in_order_and_landmarks_on_every_page(client):
    orgs = make_city()
    column = make_column(orgs["city"], "规范性文件")
    policy = make_document(orgs["city"], column=column)
    interpretation = make_document(orgs["city"])
    interpretation.policies.add(policy)
    make_attachment(policy)
    pages = [
        "/",
        reverse("public:document_list"),
        orgs["city"].get_absolute_url(),
        column.get_absolute_url(),
        reverse("public:guide", args=[orgs["city"].credit_code]),
        policy.get_absolute_url(),
        interpretation.get_absolute_url(),
    ]

    for url in pages:
        html = client.get(url).content.decode()
        headings = [int(h) for h in re.findall(r"<h([1-6])[ >]", html)]
        assert headings[0] == 1 and headings.count(1) == 1, url
        assert all(b - a <= 1 for a, b in itertools.pairwise(headings)), url
        assert '<a class="skip-link" href="#main">' in html, url
        assert '<nav class="site-nav" aria-label=' in html, url
        assert '<main id="main"' in html, url
        assert "<footer" in html, url
        # Every form control has a label.
        for control_id in re.findall(r'<select name="\w+" id="(\w+)"', html):
            assert f'<label for="{control_id}">' in html, (url, control_id)


@override_settings(GONGKAI_SITE=SITE)
def test_every_page_carries_site_meta_and_footer(client):
    orgs = make_city()
    doc = make_document(orgs["city"])
    pages = [
        "/",
        reverse("public:document_list"),
        orgs["city"].get_absolute_url(),
        reverse("public:guide", args=[orgs["city"].credit_code]),
        doc.get_absolute_url(),
    ]

    for url in pages:
        html = client.get(url).content.decode()
        assert '<meta name="SiteName" content="测试市政府信息公开平台">' in html, url
        assert '<meta name="SiteDomain" content="www.ceshi.gov.cn">' in html, url
        assert '<meta name="SiteIDCode" content="1234567890">' in html, url
        for label, value in [
            ("主办单位", "测试市人民政府办公室"),
            ("网站标识码", "1234567890"),
            ("ICP备案号", "测ICP备12345678号"),
            ("公安备案号", "测公网安备11010102000001号"),
        ]:
            assert label in html and value in html, (url, label)
        # Contact of the site owner (the root organisation).
        assert orgs["city"].office_email in html, url


def test_large_text_mode_changes_the_page(client):
    html = client.get("/").content.decode()
    assert '<html lang="zh-Hans" class="large-text">' not in html
    assert "长者模式" in html

    client.get(reverse("public:large_text"), {"on": "1", "next": "/"})
    html = client.get("/").content.decode()

    assert '<html lang="zh-Hans" class="large-text">' in html
    assert "标准模式" in html


def test_home_works_with_no_data(client):
    response = client.get("/")

    assert response.status_code == 200
    assert "暂无" in response.content.decode()


def test_home_refuses_post(client):
    assert client.post("/").status_code == 405


def test_superseded_documents_stay_listed_with_a_badge(client):
    make_document(
        status=DocumentStatus.SUPERSEDED, validity="repealed", title="已废止的旧办法"
    )

    html = client.get("/").content.decode()

    assert "已废止的旧办法" in html
    assert 'class="badge badge--repealed"' in html
