import re
from datetime import date
from html import unescape
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.documents.models import (
    ColumnKind,
    ContentType,
    DocumentStatus,
    Genre,
    Validity,
)

from .helpers_public import (
    HIDDEN_STATUSES,
    make_attachment,
    make_city,
    make_column,
    make_document,
    make_topic,
)

pytestmark = pytest.mark.django_db


def meta(html: str, name: str) -> str | None:
    """The content of <meta name=...>, or None when the tag is missing."""
    match = re.search(rf'<meta name="{name}" content="([^"]*)">', html)
    return unescape(match.group(1)) if match else None


def text(response) -> str:
    return response.content.decode()


# -- document page ---------------------------------------------------------


def test_document_page_shows_the_gov_cn_metadata_table(client):
    orgs = make_city()
    topic = make_topic("政务公开", make_topic("综合政务"))
    doc = make_document(
        orgs["city"],
        title="鹤城市人民政府办公室关于印发政务公开工作要点的通知",
        doc_number="鹤政办〔2019〕20号",
        written_on=date(2019, 5, 6),
        published_on=date(2019, 5, 8),
        effective_on=date(2019, 6, 1),
        keywords="政务公开 要点",
        topic=topic,
        genre=Genre.NOTICE,
        co_issuers=[orgs["dept"]],
    )

    response = client.get(doc.get_absolute_url())

    assert response.status_code == 200
    html = text(response)
    for label in [
        "索引号",
        "主题分类",
        "发文机关",
        "成文日期",
        "标题",
        "发文字号",
        "发布日期",
        "主题词",
        "效力状态",
        "实施日期",
        "废止日期",
    ]:
        assert f'<th scope="row">{label}</th>' in html
    assert doc.index_number in html
    assert topic.path_label in html
    assert "鹤政办〔2019〕20号" in html
    assert "2019年5月6日" in html
    assert "2019年5月8日" in html
    assert "2019年6月1日" in html
    assert "鹤城市人民政府" in html and "鹤城市教育局" in html
    assert "<p>现将有关事项通知如下。</p>" in html
    assert "validity-stamp" not in html


def test_document_page_meta_tags(client):
    org = make_city()["city"]
    column = make_column(org, "规范性文件", description="本机关规范性文件")
    doc = make_document(
        org,
        column=column,
        title="关于印发实施办法的通知",
        keywords="实施办法",
        summary="实施办法全文。",
        published_on=date(2025, 4, 2),
    )
    image = make_attachment(doc, name="图解.png", mime_type="image/png")

    html = text(client.get(doc.get_absolute_url()))

    assert meta(html, "SiteName") == "鹤城市人民政府信息公开平台"
    assert meta(html, "SiteDomain")
    assert meta(html, "SiteIDCode")
    assert meta(html, "ArticleTitle") == "关于印发实施办法的通知"
    assert meta(html, "PubDate") == "2025-04-02"
    assert meta(html, "ContentSource") == org.name
    assert meta(html, "Keywords") == "实施办法"
    assert meta(html, "Author") == org.name
    assert meta(html, "Description") == "实施办法全文。"
    assert meta(html, "Url") == f"http://testserver/documents/{doc.pk}/"
    assert (meta(html, "Image") or "").endswith(
        f"/documents/{doc.pk}/attachments/{image.pk}/"
    )
    assert meta(html, "ColumnName") == "规范性文件"
    assert meta(html, "ColumnDescription") == "本机关规范性文件"
    assert meta(html, "ColumnType") is not None
    assert meta(html, "ColumnKeywords") is not None


@pytest.mark.parametrize("status", HIDDEN_STATUSES)
def test_unpublished_document_pages_are_404(client, status):
    doc = make_document(status=status)

    assert client.get(doc.get_absolute_url()).status_code == 404
    assert client.get(f"/documents/{doc.pk}/?print=1").status_code == 404
    url = reverse("public:document_print", args=[doc.pk])
    assert client.get(url).status_code == 404


def test_missing_document_is_404(client):
    assert client.get("/documents/999999/").status_code == 404


def test_unpublished_documents_never_listed(client):
    org = make_city()["city"]
    column = make_column(org)
    for status in HIDDEN_STATUSES:
        make_document(org, status=status, title=f"未公开{status}", column=column)
    make_document(org, title="已经公开的文件", column=column)

    for url in [
        "/",
        reverse("public:document_list"),
        org.get_absolute_url(),
        column.get_absolute_url(),
    ]:
        html = text(client.get(url))
        assert "已经公开的文件" in html, url
        assert "未公开" not in html, url


def test_body_markup_is_sanitised(client):
    doc = make_document(body='<p onclick="x()">正文</p><script>alert(1)</script>')

    html = text(client.get(doc.get_absolute_url()))

    assert "<script>alert(1)</script>" not in html
    assert "onclick" not in html
    assert "正文" in html


def test_plain_text_body_keeps_paragraphs(client):
    doc = make_document(body="第一段。\n\n第二段：甲 < 乙 & 丙")

    html = text(client.get(doc.get_absolute_url()))

    assert "<p>第一段。</p>" in html
    assert "<p>第二段：甲 &lt; 乙 &amp; 丙</p>" in html


def test_validity_stamp_and_links_both_ways(client):
    org = make_city()["city"]
    original = make_document(
        org,
        status=DocumentStatus.SUPERSEDED,
        validity=Validity.REPEALED,
        title="旧的管理办法",
        expires_on=date(2025, 6, 30),
    )
    amending = make_document(org, title="新的管理办法", supersedes=original)

    old_html = text(client.get(original.get_absolute_url()))
    new_html = text(client.get(amending.get_absolute_url()))

    assert "validity-stamp" in old_html
    assert "废止" in old_html
    assert amending.get_absolute_url() in old_html
    assert "2025年6月30日" in old_html
    assert original.get_absolute_url() in new_html
    assert "validity-stamp" not in new_html


@pytest.mark.parametrize(
    "validity",
    [v for v in Validity.values if v != Validity.IN_FORCE],
)
def test_validity_stamp_for_every_state_not_in_force(client, validity):
    doc = make_document(validity=validity)

    html = text(client.get(doc.get_absolute_url()))

    assert "validity-stamp" in html
    assert str(Validity(validity).label) in html


def test_unpublished_amending_document_is_not_linked(client):
    original = make_document()
    draft = make_document(status=DocumentStatus.DRAFT, supersedes=original)

    html = text(client.get(original.get_absolute_url()))

    assert draft.get_absolute_url() not in html


def test_interpretation_links_both_ways(client):
    policy = make_document(title="关于促进就业的若干措施")
    interpretation = make_document(
        title="《关于促进就业的若干措施》政策解读",
        content_type=ContentType.INTERPRETATION,
    )
    interpretation.policies.add(policy)
    hidden = make_document(status=DocumentStatus.SUBMITTED, title="未发布的解读")
    hidden.policies.add(policy)

    policy_html = text(client.get(policy.get_absolute_url()))
    interpretation_html = text(client.get(interpretation.get_absolute_url()))

    assert "相关解读" in policy_html
    assert interpretation.get_absolute_url() in policy_html
    assert "未发布的解读" not in policy_html
    assert "解读的政策文件" in interpretation_html
    assert policy.get_absolute_url() in interpretation_html


def test_attachments_listed_and_downloaded_under_original_name(client):
    doc = make_document()
    attachment = make_attachment(doc, name="附件1：实施细则.pdf", content=b"%PDF-1.4 x")

    html = text(client.get(doc.get_absolute_url()))
    url = reverse("public:attachment", args=[doc.pk, attachment.pk])
    response = client.get(url)

    assert url in html
    assert "附件1：实施细则.pdf" in html
    assert attachment.storage_key not in html
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 x"
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert quote("附件1：实施细则.pdf") in disposition
    assert attachment.storage_key not in disposition


@pytest.mark.parametrize("status", HIDDEN_STATUSES)
def test_attachments_of_unpublished_documents_are_404(client, status):
    attachment = make_attachment(make_document(status=status))

    url = reverse("public:attachment", args=[attachment.document_id, attachment.pk])
    assert client.get(url).status_code == 404


def test_attachment_with_wrong_document_is_404(client):
    attachment = make_attachment(make_document())
    other = make_document()

    url = reverse("public:attachment", args=[other.pk, attachment.pk])
    assert client.get(url).status_code == 404


def test_attachment_missing_on_disk_is_404(client):
    attachment = make_attachment(make_document())
    attachment.file.storage.delete(attachment.file.name)

    url = reverse("public:attachment", args=[attachment.document_id, attachment.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("suffix", ["print/", "?print=1"])
def test_print_view(client, suffix):
    doc = make_document(title="可打印的文件")

    response = client.get(f"/documents/{doc.pk}/{suffix}")

    html = text(response)
    assert response.status_code == 200
    assert "print-view" in html
    assert "可打印的文件" in html
    assert 'class="site-nav"' not in html
    assert '<meta name="robots" content="noindex">' in html


def test_document_page_structure(client):
    doc = make_document()

    html = text(client.get(doc.get_absolute_url()))

    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<nav" in html and "<footer" in html
    assert html.count("<h1") == 1
    assert 'lang="zh-Hans"' in html
    assert reverse("public:document_print", args=[doc.pk]) in html


# -- organisation, catalogue and guide -------------------------------------


def test_organisation_page(client):
    orgs = make_city()
    org = orgs["dept"]
    column = make_column(org, "法定主动公开内容")
    make_column(org, "规范性文件", parent=column)
    make_document(org, title="教育局的最新文件")
    make_document(orgs["city"], title="市政府的文件")

    response = client.get(org.get_absolute_url())

    html = text(response)
    assert response.status_code == 200
    assert "<h1>鹤城市教育局</h1>" in html
    assert "法定主动公开内容" in html and "规范性文件" in html
    assert column.get_absolute_url() in html
    assert "教育局的最新文件" in html
    assert "市政府的文件" not in html
    assert org.office_phone in html
    assert org.office_email in html
    assert reverse("public:guide", args=[org.credit_code]) in html
    assert meta(html, "SiteIDCode")


def test_unknown_organisation_is_404(client):
    assert client.get("/org/91110000000000000X/").status_code == 404


def test_column_page_lists_its_documents_with_meta(client):
    org = make_city()["city"]
    column = make_column(
        org, "规范性文件", description="本机关制定的行政规范性文件", slug="gfxwj"
    )
    sub = make_column(org, "2025年", parent=column)
    make_document(org, column=sub, title="子栏目里的文件")
    make_document(org, column=column, title="栏目里的文件")
    make_document(org, title="别处的文件")

    response = client.get(f"/org/{org.credit_code}/catalogue/gfxwj/")

    html = text(response)
    assert response.status_code == 200
    assert "子栏目里的文件" in html and "栏目里的文件" in html
    assert "别处的文件" not in html
    assert meta(html, "ColumnName") == "规范性文件"
    assert meta(html, "ColumnDescription") == "本机关制定的行政规范性文件"
    assert meta(html, "ColumnType") == str(ColumnKind.CUSTOM.label)
    assert "规范性文件" in (meta(html, "ColumnKeywords") or "")


def test_column_of_another_organisation_is_404(client):
    orgs = make_city()
    column = make_column(orgs["city"], slug="only-city")

    url = f"/org/{orgs['dept'].credit_code}/catalogue/{column.slug}/"
    assert client.get(url).status_code == 404


def test_column_filters_and_labels(client):
    org = make_city()["city"]
    column = make_column(org)
    topic = make_topic("财政")
    make_document(org, column=column, title="甲文件", topic=topic, genre=Genre.OPINION)
    make_document(
        org,
        column=column,
        title="乙文件",
        published_on=date(2024, 2, 1),
        written_on=date(2024, 1, 1),
        validity=Validity.INVALID,
    )

    url = column.get_absolute_url()
    by_year = text(client.get(url, {"year": "2024"}))
    by_topic = text(client.get(url, {"topic": topic.pk}))
    by_genre = text(client.get(url, {"genre": Genre.OPINION}))
    by_validity = text(client.get(url, {"validity": Validity.INVALID}))

    assert "乙文件" in by_year and "甲文件" not in by_year
    assert "甲文件" in by_topic and "乙文件" not in by_topic
    assert "甲文件" in by_genre and "乙文件" not in by_genre
    assert "乙文件" in by_validity and "甲文件" not in by_validity
    for field in ["year", "topic", "genre", "validity"]:
        assert f'<label for="id_{field}">' in by_year
        assert f'id="id_{field}"' in by_year


def test_invalid_filter_values_are_ignored_with_a_message(client):
    org = make_city()["city"]
    column = make_column(org)
    make_document(org, column=column, title="甲文件")

    response = client.get(
        column.get_absolute_url(), {"year": "abc", "genre": "nonsense", "page": "x"}
    )

    html = text(response)
    assert response.status_code == 200
    assert "甲文件" in html
    assert "部分筛选条件无效" in html


def test_pagination_keeps_filters(client):
    org = make_city()["city"]
    for i in range(25):
        make_document(org, title=f"分页文件{i:02d}", published_on=date(2025, 1, i + 1))
    make_document(org, title="别的年份", published_on=date(2023, 1, 1))

    first = text(client.get("/documents/", {"year": "2025"}))
    second = text(client.get("/documents/", {"year": "2025", "page": "2"}))

    assert "共 25 条" in first
    assert "第 1 页，共 2 页" in first
    assert "?year=2025&amp;page=2" in first
    assert first.count('class="doc-item"') == 20
    assert second.count('class="doc-item"') == 5
    assert "分页文件00" in second and "分页文件24" not in second
    assert "别的年份" not in first + second


def test_document_list_filters_by_organisation_subtree(client):
    orgs = make_city()
    make_document(orgs["township"], title="镇的文件")
    make_document(orgs["dept"], title="局的文件")

    html = text(client.get("/documents/", {"organisation": orgs["county"].credit_code}))

    assert "镇的文件" in html
    assert "局的文件" not in html
    assert '<label for="id_organisation">' in html


def test_guide_page_from_organisation_data(client):
    orgs = make_city()
    org = orgs["county"]
    org.office_name = "东山县人民政府办公室政务公开科"
    org.office_address = "东山县人民路1号"
    org.office_hours = "工作日 8:30-12:00，14:30-17:30"
    org.office_phone = "0123-4567890"
    org.office_fax = "0123-4567891"
    org.office_email = "gk@dongshan.gov.cn"
    org.office_postal_code = "123456"
    org.save()
    make_column(org, "政府信息公开制度", description="有关规定")
    make_column(org, "法定主动公开内容")
    make_document(org)

    response = client.get(reverse("public:guide", args=[org.credit_code]))

    html = text(response)
    assert response.status_code == 200
    assert "东山县人民政府政府信息公开指南" in html
    for value in [
        "东山县人民政府办公室政务公开科",
        "东山县人民路1号",
        "工作日 8:30-12:00，14:30-17:30",
        "0123-4567890",
        "0123-4567891",
        "gk@dongshan.gov.cn",
        "123456",
    ]:
        assert value in html
    assert "政府信息的分类与编排" in html
    assert "政府信息公开制度" in html and "有关规定" in html
    assert "获取政府信息的方式" in html
    assert 'id="g-obtain"' in html  # the 依申请公开 links land here
    assert "已主动公开政府信息 1 条" in html
    assert "鹤城市人民政府" in html  # the superior organ for complaints
    assert meta(html, "ColumnName") == "政府信息公开指南"


def test_guide_column_renders_the_guide(client):
    org = make_city()["dept"]
    column = make_column(org, "政府信息公开指南", kind=ColumnKind.GUIDE, slug="zn")

    html = text(client.get(column.get_absolute_url()))

    assert "鹤城市教育局政府信息公开指南" in html
    assert org.office_email in html


def test_list_pages_query_count_does_not_grow(client):
    org = make_city()["city"]
    column = make_column(org)
    topic = make_topic("政务公开", make_topic("综合政务"))

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    make_document(org, column=column, topic=topic)
    urls = ["/", "/documents/", org.get_absolute_url(), column.get_absolute_url()]
    few = [queries(url) for url in urls]
    for _ in range(12):
        make_document(org, column=column, topic=topic)
    many = [queries(url) for url in urls]

    assert few == many


def test_pages_refuse_post(client):
    doc = make_document()

    assert client.post(doc.get_absolute_url()).status_code == 405


# -- elderly mode ---------------------------------------------------------


def test_large_text_toggle_sets_cookie_and_redirects_back(client):
    doc = make_document()
    url = reverse("public:large_text")

    response = client.get(url, {"on": "1", "next": doc.get_absolute_url()})

    assert response.status_code == 302
    assert response["Location"] == doc.get_absolute_url()
    assert response.cookies["gk_large_text"].value == "1"
    html = text(client.get(doc.get_absolute_url()))
    assert '<html lang="zh-Hans" class="large-text">' in html
    assert "标准模式" in html

    off = client.get(url, {"on": "0", "next": "/"})
    assert off.cookies["gk_large_text"].value == ""
    assert '<html lang="zh-Hans" class="large-text">' not in text(
        client.get(doc.get_absolute_url())
    )


def test_large_text_toggle_refuses_foreign_redirects(client):
    response = client.get(
        reverse("public:large_text"), {"on": "1", "next": "https://evil.example/"}
    )

    assert response["Location"] == "/"


def test_large_text_toggle_flips_without_parameter(client):
    client.cookies["gk_large_text"] = "1"

    response = client.get(reverse("public:large_text"), HTTP_REFERER="/documents/")

    assert response["Location"] == "/documents/"
    assert response.cookies["gk_large_text"].value == ""


def test_large_text_link_returns_to_current_page(client):
    doc = make_document()

    html = text(client.get(doc.get_absolute_url(), {"print": "0"}))

    assert f"?on=1&amp;next=/documents/{doc.pk}/%3Fprint%3D0" in html
