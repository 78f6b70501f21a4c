"""The public page, the API, the log, the staff page and the rebuild command."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.documents.models import Validity
from gongkai.search.models import SearchEntry, SearchLog

from .conftest import publish

pytestmark = pytest.mark.django_db


def test_api_shape(client):
    org = OrganisationFactory.create()
    doc = publish(
        title="关于召开听证会的公告",
        organisation=org,
        doc_number="鹤政办〔2019〕20号",
        validity=Validity.IN_FORCE,
        body="<p>本次听证会在市政府举行。</p>",
    )
    response = client.get("/api/v1/search", {"q": "听证"})
    assert response.status_code == 200
    data = response.json()
    assert data["total"] == 1 and data["took_ms"] >= 0
    assert set(data["facets"]) == {"org", "year", "topic", "genre", "validity", "type"}
    hit = data["hits"][0]
    assert hit == {
        "type": "policy",
        "id": doc.pk,
        "title": doc.title,
        "snippet": hit["snippet"],
        "url": f"/documents/{doc.pk}/",
        "organisation": org.name,
        "published_on": "2026-03-05",
        "doc_number": "鹤政办〔2019〕20号",
        "index_number": doc.index_number,
        "validity": "in_force",
    }
    # The title is plain text; the snippet is escaped HTML with the match marked.
    assert hit["snippet"] == (
        "关于召开<mark>听证</mark>会的公告的主要内容。 本次<mark>听证</mark>会在市政府举行。"
    )


def test_api_filters(client):
    org = OrganisationFactory.create()
    publish(title="听证甲", organisation=org, published_on=dt.date(2025, 5, 1))
    publish(title="听证乙", published_on=dt.date(2026, 3, 1))
    assert (
        client.get("/api/v1/search", {"q": "听证", "org": org.credit_code}).json()[
            "total"
        ]
        == 1
    )
    assert (
        client.get("/api/v1/search", {"q": "听证", "year": "2026"}).json()["total"] == 1
    )
    assert (
        client.get(
            "/api/v1/search", {"q": "听证", "from": "2026-01-01", "to": "2026-12-31"}
        ).json()["total"]
        == 1
    )
    assert (
        client.get("/api/v1/search", {"q": "听证", "sort": "date", "page": "1"}).json()[
            "total"
        ]
        == 2
    )


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "  "},
        {"q": "字" * 201},
        {"q": "听证", "year": "x"},
        {"q": "听证", "sort": "best"},
        {"q": "听证", "from": "2026-13-01"},
        {"q": "听证", "org": "nope"},
        {"q": "听证", "page": "0"},
    ],
)
def test_api_bad_requests(client, params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400
    assert set(response.json()) == {"error", "message"}


def test_api_suggest(client):
    publish(title="关于听证会的公告")
    response = client.get("/api/v1/search/suggest", {"q": "听证"})
    assert response.json() == [
        {"title": "关于听证会的公告", "url": response.json()[0]["url"]}
    ]


def test_public_page(client):
    doc = publish(title="关于召开听证会的公告", body="<p>听证会定于五月举行。</p>")
    response = client.get("/search/", {"q": "聽證"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/documents/{doc.pk}/"' in html
    assert "<mark>听证</mark>" in html
    assert client.get("/search/").status_code == 200
    assert client.get("/search/", {"q": "字" * 201}).status_code == 400


def test_queries_are_logged_and_listed_for_staff(client):
    publish(title="听证公告")
    for q in ("听证", "听证", "不存在的词语"):
        client.get("/search/", {"q": q})
    client.get("/api/v1/search", {"q": "听证"})
    client.get("/search/", {"q": "听证", "page": "2"})  # paging is not a new search
    assert SearchLog.objects.count() == 4
    assert SearchLog.objects.filter(result_count=0).count() == 1
    old = SearchLog.objects.create(
        query="旧查询", normalised="旧查询", result_count=0, took_ms=1
    )
    SearchLog.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=31)
    )
    assert client.get("/staff/search/").status_code == 302  # login first
    user = staff_user(Role.EDITOR, OrganisationFactory.create())
    client.force_login(user)
    response = client.get("/staff/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "不存在的词语" in html and "旧查询" not in html
    frequent = response.context["frequent"]
    assert frequent[0].query == "听证" and frequent[0].count == 3


def test_staff_page_needs_a_role(client):
    from gongkai.core.tests.factories import UserFactory

    client.force_login(UserFactory.create())
    assert client.get("/staff/search/").status_code == 403


def test_rebuild_command():
    publish(title="听证一")
    publish(title="听证二")
    SearchEntry.objects.all().delete()
    out, err = StringIO(), StringIO()
    call_command("search", "rebuild", stdout=out, stderr=err)
    assert "2" in out.getvalue()
    assert SearchEntry.objects.count() == 2


def test_openapi_documents_the_parameters(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    names = {p["name"] for p in paths["/api/v1/search"]["get"]["parameters"]}
    assert {
        "q",
        "org",
        "year",
        "topic",
        "genre",
        "validity",
        "type",
        "from",
        "to",
        "sort",
        "page",
    } <= names
    assert "/api/v1/search/suggest" in paths
