"""GET /api/v1/organisations and /api/v1/reports/annual (issue 5 interfaces)."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.applications.choices import ApplicantType, Outcome
from gongkai.core.models import Organisation
from gongkai.core.tests.factories import OrganisationFactory

from .ledger import fixture_rows, ledger_create

pytestmark = pytest.mark.django_db

URL = "/api/v1/reports/annual"


def test_organisations_lists_every_organisation(client: Client) -> None:
    parent = OrganisationFactory.create()
    child = OrganisationFactory.create(parent=parent)
    response = client.get("/api/v1/organisations")
    assert response.status_code == 200
    rows = {row["id"]: row for row in response.json()}
    assert set(rows) == set(Organisation.objects.values_list("pk", flat=True))
    assert rows[child.pk] == {
        "id": child.pk,
        "name": child.name,
        "credit_code": child.credit_code,
        "parent_id": parent.pk,
        "kind": child.kind,
    }
    assert rows[parent.pk]["parent_id"] is None


def test_annual_report_shape(client: Client) -> None:
    org = OrganisationFactory.create()
    ledger_create(org, fixture_rows())
    response = client.get(URL, {"org": org.credit_code, "year": "2025"})
    assert response.status_code == 200
    data = response.json()
    assert data["org"] == org.credit_code and data["year"] == 2025
    rows = data["table3"]["rows"]
    expected_rows = ["new", "carried_over", *(o.value for o in Outcome), "total",
                     "carried_forward"]  # fmt: skip
    assert list(rows) == expected_rows
    columns = [*(t.value for t in ApplicantType), "total"]
    assert all(list(cols) == columns for cols in rows.values())
    assert rows["new"]["total"] == 24 and rows["carried_forward"]["natural_person"] == 1
    assert set(data["table4"]) == {
        "reconsideration", "litigation_direct", "litigation_after_reconsideration"}  # fmt: skip
    for group in data["table4"].values():
        assert list(group) == ["maintained", "corrected", "other", "pending", "total"]
    assert data["table2"]["normative_documents"] == {
        "issued": 0, "repealed": 0, "in_force": 0}  # fmt: skip
    assert data["table2"]["licences"] == {"decisions": 0}
    assert data["errors"] == []
    assert isinstance(data["warnings"], list)


def test_subtree_scope(client: Client) -> None:
    org = OrganisationFactory.create()
    child = OrganisationFactory.create(parent=org)
    ledger_create(child, fixture_rows())
    own = client.get(URL, {"org": org.credit_code, "year": "2025"}).json()
    tree = client.get(
        URL, {"org": org.credit_code, "year": "2025", "scope": "subtree"}
    ).json()
    assert own["table3"]["rows"]["new"]["total"] == 0
    assert tree["table3"]["rows"]["new"]["total"] == 24
    assert tree["scope"] == "subtree"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"org": "x", "year": "2025"},
        {"year": "2025"},
        {"org": "ORG", "year": "25"},
        {"org": "ORG", "year": "2019"},
        {"org": "ORG", "year": "9999"},
        {"org": "ORG"},
        {"org": "ORG", "year": "2025", "scope": "all"},
    ],
)
def test_bad_parameters_are_400(client: Client, params: dict[str, str]) -> None:
    org = OrganisationFactory.create()
    params = {k: (org.credit_code if v == "ORG" else v) for k, v in params.items()}
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response.json()["error"] == "bad_request"


def test_unknown_organisation_is_404(client: Client) -> None:
    OrganisationFactory.create()
    response = client.get(URL, {"org": "91440300MA5EXAMPLE", "year": "2025"})
    assert response.status_code == 404
