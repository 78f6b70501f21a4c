"""The report workflow: draft → approved → published document → correction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.core.errors import DomainError, InvalidTransition, PermissionDenied
from gongkai.core.models import AuditEvent
from gongkai.documents.models import ColumnKind, DocumentStatus, Validity
from gongkai.reports.compute import report_figures_for
from gongkai.reports.models import AnnualReport, ReportStatus
from gongkai.reports.services import (
    ReportText,
    report_approve,
    report_correct,
    report_create,
    report_publish,
    report_reopen,
    report_save,
)

from .conftest import Office
from .ledger import CE, NP, D, Row, fee_create, fixture_rows, ledger_create

pytestmark = pytest.mark.django_db


def _events(report: AnnualReport) -> list[str]:
    return list(
        AuditEvent.objects.filter(
            target_type="reports.annualreport", target_id=str(report.pk)
        ).values_list("event_type", flat=True)
    )


def _published(office: Office) -> AnnualReport:
    ledger_create(office.organisation, fixture_rows())
    report = report_create(
        actor=office.officer, organisation=office.organisation, year=2025
    )
    report = report_approve(actor=office.head, report=report)
    return report_publish(actor=office.head, report=report)


def test_create_starts_sections_one_and_six_from_the_figures(office: Office) -> None:
    apps = ledger_create(office.organisation, fixture_rows())
    fee_create(apps[0], 120, D(2025, 3, 3))
    report = report_create(
        actor=office.officer, organisation=office.organisation, year=2025
    )
    assert report.status == ReportStatus.DRAFT and report.version == 1
    assert "新收政府信息公开申请24件" in report.overview
    assert "收取信息处理费1件，共计120元" in report.other_matters
    assert _events(report) == ["annual_report.created"]
    with pytest.raises(DomainError):
        report_create(actor=office.officer, organisation=office.organisation, year=2025)


def test_only_the_organisations_officers_and_head_create(office: Office) -> None:
    with pytest.raises(PermissionDenied):
        report_create(actor=office.editor, organisation=office.organisation, year=2025)
    other = Office()
    with pytest.raises(PermissionDenied):
        report_create(actor=other.officer, organisation=office.organisation, year=2025)


def test_save_keeps_the_narrative_and_hand_entered_cells(office: Office) -> None:
    report = report_create(
        actor=office.officer, organisation=office.organisation, year=2025
    )
    text = ReportText(
        overview="总体情况。", problems="存在的问题。", other_matters="其他。",
        licences=12, licences_source="市政务服务中心审批系统导出",
        charges=Decimal("3.5"), charges_source="财政非税收入系统",
    )  # fmt: skip
    report = report_save(actor=office.officer, report=report, text=text)
    report.refresh_from_db()
    assert report.licences == 12 and report.charges == Decimal("3.5")
    figures = report_figures_for(report)
    assert figures.tables.table2.decisions["licences"] == 12
    assert figures.sources["licences"] == "市政务服务中心审批系统导出"
    assert _events(report)[-1] == "annual_report.saved"
    with pytest.raises(DomainError):
        report_save(actor=office.officer, report=report, text=ReportText(penalties=-1))


def test_a_hard_error_blocks_approval(office: Office) -> None:
    # Bad data: closed before it was received, across the year boundary, so
    # R1 + R2 ≠ R24 + R25 for natural persons.
    ledger_create(
        office.organisation, [Row(NP, D(2025, 1, 5), D(2024, 12, 30), "other")]
    )
    report = report_create(
        actor=office.officer, organisation=office.organisation, year=2025
    )
    assert report_figures_for(report).validation.errors
    with pytest.raises(DomainError, match="不能审定"):
        report_approve(actor=office.head, report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_only_the_head_approves(office: Office) -> None:
    report = report_create(
        actor=office.officer, organisation=office.organisation, year=2025
    )
    with pytest.raises(PermissionDenied):
        report_approve(actor=office.officer, report=report)
    with pytest.raises(InvalidTransition):
        report_publish(actor=office.head, report=report)  # not approved yet


def test_approval_freezes_the_figures(office: Office) -> None:
    ledger_create(office.organisation, fixture_rows())
    report = report_create(
        actor=office.officer, organisation=office.organisation, year=2025
    )
    report = report_approve(actor=office.head, report=report)
    ledger_create(office.organisation, [Row(CE, D(2025, 7, 1))])  # recorded late
    assert report_figures_for(report).tables.table3.cells["new"]["total"] == 24
    with pytest.raises(InvalidTransition):
        report_save(actor=office.officer, report=report, text=ReportText())


def test_publication_puts_a_document_in_the_annual_report_column(
    office: Office,
) -> None:
    report = _published(office)
    assert report.status == ReportStatus.PUBLISHED
    document = report.document
    assert document is not None
    assert document.status == DocumentStatus.PUBLISHED
    assert (
        document.column is not None and document.column.kind == ColumnKind.ANNUAL_REPORT
    )
    assert document.organisation == office.organisation
    assert document.published_on is not None
    assert "2025年政府信息公开工作年度报告" in document.title
    assert "三、收到和处理政府信息公开申请情况" in document.body
    assert "<script" not in document.body
    assert _events(report) == [
        "annual_report.created", "annual_report.approved", "annual_report.published"]  # fmt: skip


def test_publishing_needs_the_publish_permission(office: Office) -> None:
    report = report_create(
        actor=office.officer, organisation=office.organisation, year=2025
    )
    report = report_approve(actor=office.head, report=report)
    with pytest.raises(PermissionDenied):
        report_publish(actor=office.officer, report=report)
    with pytest.raises(DomainError):
        report_publish(
            actor=office.head, report=report,
            published_on=dt.date.today() + dt.timedelta(days=2))  # fmt: skip


def test_correction_is_a_new_version_and_keeps_the_old(office: Office) -> None:
    old = _published(office)
    new = report_correct(actor=office.officer, report=old)
    old.refresh_from_db()
    assert (new.version, new.status) == (2, ReportStatus.DRAFT)
    assert old.status == ReportStatus.PUBLISHED and old.superseded_by == new
    assert not old.is_current and new.is_current
    assert new.overview == old.overview
    with pytest.raises(InvalidTransition):
        report_correct(actor=office.officer, report=old)
    report_save(
        actor=office.officer, report=new,
        text=ReportText(overview="更正后的总体情况。", other_matters=new.other_matters))  # fmt: skip
    new = report_publish(
        actor=office.head, report=report_approve(actor=office.head, report=new)
    )
    old.refresh_from_db()
    assert old.document is not None and new.document is not None
    assert old.document.status == DocumentStatus.SUPERSEDED
    assert old.document.validity == Validity.AMENDED
    assert new.document.supersedes == old.document
    assert "更正版" in new.document.title
    assert AnnualReport.objects.filter(organisation=office.organisation).count() == 2


def test_the_head_may_reopen_an_approved_report(office: Office) -> None:
    report = report_create(
        actor=office.officer, organisation=office.organisation, year=2025
    )
    report = report_approve(actor=office.head, report=report)
    with pytest.raises(PermissionDenied):
        report_reopen(actor=office.officer, report=report)
    report = report_reopen(actor=office.head, report=report)
    assert report.status == ReportStatus.DRAFT and report.snapshot is None
    report_save(actor=office.officer, report=report, text=ReportText(problems="补充。"))
    with pytest.raises(InvalidTransition):
        report_reopen(actor=office.head, report=report)


def test_a_year_not_yet_over_cannot_be_approved(office: Office) -> None:
    year = dt.date.today().year
    report = report_create(
        actor=office.officer, organisation=office.organisation, year=year
    )
    with pytest.raises(DomainError, match="尚未结束"):
        report_approve(actor=office.head, report=report)
