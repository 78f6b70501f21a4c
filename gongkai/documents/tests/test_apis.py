from datetime import date

import pytest

from gongkai.documents.models import (
    ContentType,
    Disclosure,
    DocumentStatus,
    Genre,
    StatutoryItem,
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

LIST = "/api/v1/documents"

DETAIL_KEYS = {
    "id",
    "index_number",
    "title",
    "doc_number",
    "organisation",
    "co_issuers",
    "written_on",
    "published_on",
    "effective_on",
    "expires_on",
    "topic",
    "topic_id",
    "genre",
    "genre_label",
    "content_type",
    "content_type_label",
    "legal_form",
    "legal_form_label",
    "validity",
    "validity_label",
    "disclosure",
    "disclosure_label",
    "statutory_item",
    "statutory_item_label",
    "column",
    "keywords",
    "summary",
    "body",
    "attachments",
    "interpretations",
    "policies",
    "supersedes",
    "superseded_by",
    "url",
}


def test_list_shape_and_order(client):
    org = make_city()["city"]
    old = make_document(org, published_on=date(2024, 3, 1))
    new = make_document(
        org, published_on=date(2025, 3, 1), doc_number="鹤政发〔2025〕1号"
    )

    response = client.get(LIST)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert body["page"] == 1
    assert body["page_size"] == 20
    assert body["num_pages"] == 1
    assert [d["id"] for d in body["results"]] == [new.pk, old.pk]
    first = body["results"][0]
    assert first["organisation"] == {
        "id": org.pk,
        "name": org.name,
        "credit_code": org.credit_code,
    }
    assert first["doc_number"] == "鹤政发〔2025〕1号"
    assert first["published_on"] == "2025-03-01"
    assert first["genre"] == Genre.NOTICE
    assert first["genre_label"] == "通知"
    assert first["validity_label"] == "有效"
    assert first["url"] == f"http://testserver/documents/{new.pk}/"


def test_list_only_public_documents(client):
    published = make_document()
    superseded = make_document(status=DocumentStatus.SUPERSEDED)
    for status in HIDDEN_STATUSES:
        make_document(status=status)

    ids = {d["id"] for d in client.get(LIST).json()["results"]}

    assert ids == {published.pk, superseded.pk}


def test_list_pagination(client):
    for i in range(7):
        make_document(published_on=date(2025, 1, i + 1))

    page1 = client.get(LIST, {"page_size": "3"}).json()
    page3 = client.get(LIST, {"page_size": "3", "page": "3"}).json()
    beyond = client.get(LIST, {"page_size": "3", "page": "9"}).json()
    largest = client.get(LIST, {"page_size": "100"})

    assert page1["count"] == 7 and page1["num_pages"] == 3
    assert len(page1["results"]) == 3
    assert len(page3["results"]) == 1
    assert page3["results"][0]["published_on"] == "2025-01-01"
    assert beyond["results"] == []
    assert largest.status_code == 200


def test_list_filters(client):
    orgs = make_city()
    parent_topic = make_topic("财政、金融、审计")
    child_topic = make_topic("财政", parent_topic)
    a = make_document(orgs["county"], topic=child_topic, genre=Genre.OPINION)
    b = make_document(
        orgs["township"],
        published_on=date(2023, 6, 1),
        written_on=date(2023, 5, 1),
        validity=Validity.REPEALED,
    )
    c = make_document(orgs["dept"])

    def ids(**params: str) -> set[int]:
        response = client.get(LIST, params)
        assert response.status_code == 200, response.content
        return {d["id"] for d in response.json()["results"]}

    county = orgs["county"].credit_code
    assert ids(organisation=county) == {a.pk}
    assert ids(organisation=county, subtree="1") == {a.pk, b.pk}
    assert ids(organisation=county, subtree="true") == {a.pk, b.pk}
    assert ids(year="2023") == {b.pk}
    assert ids(topic=str(parent_topic.pk)) == {a.pk}
    assert ids(topic=str(child_topic.pk)) == {a.pk}
    assert ids(genre="opinion") == {a.pk}
    assert ids(validity="repealed") == {b.pk}
    assert ids(validity="in_force") == {a.pk, c.pk}


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "abc"},
        {"page": "-1"},
        {"page_size": "101"},
        {"page_size": "0"},
        {"page_size": "ten"},
        {"year": "20x5"},
        {"year": "1800"},
        {"topic": "abc"},
        {"topic": "999999"},
        {"genre": "poem"},
        {"validity": "maybe"},
        {"organisation": "nope"},
        {"organisation": "91110000000000000X"},
        {"subtree": "perhaps"},
    ],
)
def test_bad_filters_are_400_with_a_message(client, params):
    if "subtree" in params:
        params = {**params, "organisation": make_city()["city"].credit_code}

    response = client.get(LIST, params)

    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "bad_request"
    assert body["message"]


def test_detail_has_every_metadata_field(client):
    orgs = make_city()
    topic = make_topic("政务公开", make_topic("综合政务"))
    column = make_column(orgs["city"], "规范性文件")
    original = make_document(
        orgs["city"], status=DocumentStatus.SUPERSEDED, validity=Validity.AMENDED
    )
    doc = make_document(
        orgs["city"],
        title="关于印发办法的通知",
        doc_number="鹤政办〔2019〕20号",
        co_issuers=[orgs["dept"]],
        written_on=date(2019, 5, 6),
        published_on=date(2019, 5, 8),
        effective_on=date(2019, 6, 1),
        expires_on=date(2024, 5, 31),
        topic=topic,
        genre=Genre.NOTICE,
        content_type=ContentType.POLICY,
        legal_form="normative_document",
        disclosure=Disclosure.PROACTIVE,
        statutory_item=StatutoryItem.ART20_01,
        keywords="办法",
        summary="概述",
        body="<p>正文</p>",
        column=column,
        supersedes=original,
    )
    attachment = make_attachment(doc, name="附件.pdf", content=b"12345")
    interpretation = make_document(
        orgs["city"], content_type=ContentType.INTERPRETATION
    )
    interpretation.policies.add(doc)
    amending = make_document(orgs["city"], supersedes=doc)

    response = client.get(f"{LIST}/{doc.pk}")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == DETAIL_KEYS
    assert body["index_number"] == doc.index_number
    assert body["co_issuers"] == [
        {
            "id": orgs["dept"].pk,
            "name": orgs["dept"].name,
            "credit_code": orgs["dept"].credit_code,
        }
    ]
    assert body["written_on"] == "2019-05-06"
    assert body["effective_on"] == "2019-06-01"
    assert body["expires_on"] == "2024-05-31"
    assert body["topic"] == topic.path_label
    assert "\\" in body["topic"]
    assert body["content_type_label"] == "政策文件"
    assert body["legal_form_label"] == "行政规范性文件"
    assert body["disclosure_label"] == "主动公开"
    assert body["statutory_item"] == "art20_01"
    assert body["statutory_item_label"].startswith("（一）")
    assert body["column"] == "规范性文件"
    assert body["body"] == "<p>正文</p>"
    assert body["attachments"] == [
        {
            "name": "附件.pdf",
            "url": f"http://testserver/documents/{doc.pk}/attachments/{attachment.pk}/",
            "size": 5,
            "mime_type": "application/pdf",
        }
    ]
    assert body["interpretations"] == [interpretation.pk]
    assert body["policies"] == []
    assert body["supersedes"] == original.pk
    assert body["superseded_by"] == [amending.pk]

    back = client.get(f"{LIST}/{interpretation.pk}").json()
    assert back["policies"] == [doc.pk]


def test_detail_hides_unpublished_relations(client):
    doc = make_document()
    draft = make_document(status=DocumentStatus.DRAFT, supersedes=doc)
    draft.policies.add(doc)

    body = client.get(f"{LIST}/{doc.pk}").json()

    assert body["superseded_by"] == []
    assert body["interpretations"] == []


@pytest.mark.parametrize("status", HIDDEN_STATUSES)
def test_detail_of_unpublished_is_404(client, status):
    doc = make_document(status=status)

    response = client.get(f"{LIST}/{doc.pk}")

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"
    assert response.json()["message"]


@pytest.mark.parametrize("ident", ["999999", "abc", "1.5", "-1", "9" * 40])
def test_detail_missing_or_malformed_is_404(client, ident):
    response = client.get(f"{LIST}/{ident}")

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_list_query_count_is_constant(client, django_assert_max_num_queries):
    topic = make_topic("卫生", make_topic("卫生、体育"))
    for _ in range(30):
        make_document(topic=topic)

    with django_assert_max_num_queries(3):
        response = client.get(LIST, {"page_size": "30"})
    assert len(response.json()["results"]) == 30


def test_openapi_schema_lists_the_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert "/api/v1/documents" in schema["paths"]
    assert "/api/v1/documents/{document_id}" in schema["paths"]
