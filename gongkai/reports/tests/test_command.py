"""manage.py annual_report writes the report in each format."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from gongkai.core.tests.factories import OrganisationFactory

from .ledger import fixture_rows, ledger_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["html", "xlsx", "docx"])
def test_writes_the_file(tmp_path: Path, fmt: str) -> None:
    org = OrganisationFactory.create()
    ledger_create(org, fixture_rows())
    out = tmp_path / f"report.{fmt}"
    call_command(
        "annual_report", org=org.credit_code, year=2025, format=fmt, output=str(out)
    )
    data = out.read_bytes()
    assert data
    if fmt == "html":
        text = data.decode()
        assert "新收政府信息公开申请24件" in text  # generated section 一
        assert "2025年政府信息公开工作年度报告" in text


def test_unknown_organisation(tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        call_command("annual_report", org="X" * 18, year=2025, format="html",
                     output=str(tmp_path / "x.html"))  # fmt: skip
