"""Drill-down: the records behind every number, for whom, without personal data."""

from __future__ import annotations

import pytest
from django.http import Http404

from gongkai.applications.models import RemedyKind, RemedyResult
from gongkai.core.models import Organisation, Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.documents.models import LegalForm
from gongkai.documents.tests.factories import DocumentFactory
from gongkai.reports.compute import tables_compute
from gongkai.reports.selectors import (
    APPLICATION_COLUMNS,
    cell_parse,
    cell_records,
    drill_down_keys,
)

from .ledger import D, fixture_rows, ledger_create, remedy_create

pytestmark = pytest.mark.django_db

PERSONAL = {"applicant_name", "id_number", "phone", "email", "address",
            "tracking_code", "description", "credit_code", "contact_person"}  # fmt: skip


@pytest.fixture
def tree() -> tuple[Organisation, Organisation]:
    parent = OrganisationFactory.create()
    child = OrganisationFactory.create(parent=parent)
    ledger_create(parent, fixture_rows())
    ledger_create(child, fixture_rows())
    remedy_create(parent, RemedyKind.RECONSIDERATION, D(2025, 3, 1),
                  RemedyResult.MAINTAINED, D(2025, 4, 1))  # fmt: skip
    DocumentFactory.create(
        organisation=child, legal_form=LegalForm.NORMATIVE_DOCUMENT, published=True,
        written_on=D(2025, 2, 1), published_on=D(2025, 2, 3))  # fmt: skip
    return parent, child


def _number(tables: object, key: str) -> int:
    table, row, column = key.split(".")
    if table == "table2":
        return int(tables.table2.documents[row][column])  # type: ignore[attr-defined]
    return int(getattr(tables, table).cells[row][column])


def test_every_list_has_as_many_rows_as_its_number(
    tree: tuple[Organisation, Organisation],
) -> None:
    parent, _child = tree
    supervisor = staff_user(Role.SUPERVISOR, parent)
    for scope in ("own", "subtree"):
        tables = tables_compute(parent, 2025, scope)
        for key in drill_down_keys():
            rows = cell_records(
                user=supervisor, organisation=parent, year=2025, scope=scope, key=key
            )
            assert rows.count() == _number(tables, key), (scope, key)


def test_lists_carry_no_personal_data(tree: tuple[Organisation, Organisation]) -> None:
    parent, child = tree
    supervisor = staff_user(Role.SUPERVISOR, parent)
    rows = list(cell_records(user=supervisor, organisation=child, year=2025,
                             scope="own", key="table3.new.total"))  # fmt: skip
    assert len(rows) == 24
    assert not PERSONAL & set(rows[0])
    assert set(rows[0]) == set(APPLICATION_COLUMNS)


def test_supervisor_sees_the_subtree_officers_their_own_others_nothing(
    tree: tuple[Organisation, Organisation],
) -> None:
    parent, child = tree
    key = "table3.new.total"
    supervisor = staff_user(Role.SUPERVISOR, parent)
    assert cell_records(user=supervisor, organisation=parent, year=2025,
                        scope="subtree", key=key).count() == 48  # fmt: skip
    officer = staff_user(Role.OFFICER, parent)
    assert cell_records(user=officer, organisation=parent, year=2025,
                        scope="own", key=key).count() == 24  # fmt: skip
    refused = [
        (officer, parent, "subtree"),  # the child is not the officer's own
        (officer, child, "own"),
        (staff_user(Role.SUPERVISOR, child), parent, "own"),  # above them
        (staff_user(Role.EDITOR, parent), parent, "own"),  # no statistics role
        (staff_user(Role.OFFICER, OrganisationFactory.create()), parent, "own"),
    ]
    for user, organisation, scope in refused:
        with pytest.raises(Http404):
            cell_records(user=user, organisation=organisation, year=2025,
                         scope=scope, key=key)  # fmt: skip


@pytest.mark.parametrize(
    "key", ["table3.new", "table9.new.total", "table3.nope.total",
            "table2.licences.decisions", "table4.reconsideration.natural_person"],
)  # fmt: skip
def test_unknown_cells_are_404(key: str) -> None:
    with pytest.raises(Http404):
        cell_parse(key)
