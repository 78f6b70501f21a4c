"""GET /api/v1/calendar/add-working-days."""

import pytest

from gongkai.core.workdays import calendar_version

pytestmark = pytest.mark.django_db

URL = "/api/v1/calendar/add-working-days"


def test_answer_for_a_known_year(client):
    response = client.get(URL, {"start": "2025-09-26", "days": "20"})
    assert response.status_code == 200
    assert response.json() == {
        "start": "2025-09-26",
        "days": 20,
        "date": "2025-10-30",
        "provisional": False,
        "calendar_version": calendar_version(),
    }


def test_national_day_2026(client):
    response = client.get(URL, {"start": "2026-09-30", "days": "5"})
    assert response.json()["date"] == "2026-10-13"


def test_2027_is_refused_with_409(client):
    response = client.get(URL, {"start": "2026-12-15", "days": "20"})
    assert response.status_code == 409
    body = response.json()
    assert body["error"] == "calendar_year_missing"
    assert body["year"] == 2027
    assert "2027 年的放假调休安排尚未录入" in body["message"]


def test_2027_provisional_counts_weekends_only(client):
    response = client.get(
        URL, {"start": "2026-12-15", "days": "20", "allow_provisional": "1"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["date"] == "2027-01-12"
    assert body["provisional"] is True


def test_provisional_flag_false_when_not_needed(client):
    response = client.get(
        URL, {"start": "2026-02-10", "days": "20", "allow_provisional": "1"}
    )
    assert response.json()["provisional"] is False
    assert response.json()["date"] == "2026-03-16"


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"days": "20"}, "缺少参数 start"),
        ({"start": "2025-09-26"}, "缺少参数 days"),
        ({"start": "2025-13-01", "days": "5"}, "不是有效日期"),
        ({"start": "2025-02-30", "days": "5"}, "不是有效日期"),
        ({"start": "20250926", "days": "5"}, "YYYY-MM-DD"),
        ({"start": "abc", "days": "5"}, "不是有效日期"),
        ({"start": "2025-09-26", "days": "-1"}, "0 到 1000"),
        ({"start": "2025-09-26", "days": "1.5"}, "0 到 1000"),
        ({"start": "2025-09-26", "days": "abc"}, "0 到 1000"),
        ({"start": "2025-09-26", "days": "99999999999999999999"}, "0 到 1000"),
        ({"start": "2025-09-26", "days": "1001"}, "0 到 1000"),
        ({"start": "2025-09-26", "days": "5", "allow_provisional": "x"}, "1 或 0"),
        (
            {"start": "9999-12-30", "days": "1000", "allow_provisional": "1"},
            "超出",
        ),
    ],
)
def test_bad_input_is_a_400_in_chinese(client, params, fragment):
    response = client.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid_input"
    assert fragment in body["message"]


def test_openapi_documents_the_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["get"]
    assert {"200", "400", "409"} <= set(operation["responses"])
