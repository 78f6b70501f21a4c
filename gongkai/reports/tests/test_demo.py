"""The demo's reports: last year published, this year a draft that agrees."""

from __future__ import annotations

import pytest

from gongkai.reports.compute import report_figures_for
from gongkai.reports.demo import annual_reports_demo
from gongkai.reports.models import AnnualReport, ReportStatus

from .conftest import Office
from .ledger import fixture_rows, ledger_create

pytestmark = pytest.mark.django_db


def test_publishes_last_year_and_drafts_this_year(office: Office) -> None:
    ledger_create(office.organisation, fixture_rows())
    assert annual_reports_demo(year=2025) == 2
    assert annual_reports_demo(year=2025) == 0  # idempotent
    last = AnnualReport.objects.get(organisation=office.organisation, year=2024)
    this = AnnualReport.objects.get(organisation=office.organisation, year=2025)
    assert last.status == ReportStatus.PUBLISHED and last.document is not None
    assert str(last.document.published_on) == "2025-01-20"
    assert this.status == ReportStatus.DRAFT
    figures = report_figures_for(this)
    assert not figures.validation.errors
    assert not [w for w in figures.validation.warnings if "上年结转" in w.message]
