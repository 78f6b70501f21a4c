"""Approval by the head and publication into the 政府信息公开年报 column.

条例第四十九条: the report is published on the organisation's site; it goes
into the catalogue column of kind ANNUAL_REPORT as a public document whose
body is the report's HTML. A corrected version supersedes the document of the
version before it (marked 已修改, kept public with a link, spec §5.5).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError, InvalidTransition, PermissionDenied
from gongkai.core.models import User
from gongkai.core.permissions import Permission, has_permission
from gongkai.documents.body import sanitise_body
from gongkai.documents.index_numbers import index_number_allocate
from gongkai.documents.models import (
    Column,
    ColumnKind,
    ContentType,
    Disclosure,
    Document,
    DocumentStatus,
    Genre,
    SupersedeEffect,
    Validity,
)
from gongkai.documents.search_index import search_index_changed

from ..compute import report_figures_for
from ..content import report_content
from ..exports import report_html
from ..models import AnnualReport, ReportStatus


@transaction.atomic
def report_approve(*, actor: User, report: AnnualReport) -> AnnualReport:
    """draft → approved by the head; refused while any hard identity fails.

    The tables are frozen at this moment (`snapshot`).
    """
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not has_permission(actor, Permission.ANNUAL_REPORT_APPROVE, report.organisation):
        raise PermissionDenied(_("只有本机关负责人可以审定年度报告。"))
    if report.status != ReportStatus.DRAFT:
        raise InvalidTransition(_("只有草稿状态的报告可以审定。"))
    if report.year >= timezone.localdate().year:
        # 条例第四十九条: the report covers a finished year (1 Jan – 31 Dec).
        raise DomainError(
            _("%(year)s 年尚未结束，不能审定该年度报告。") % {"year": report.year}
        )
    figures = report_figures_for(report)
    errors = figures.validation.errors
    if errors:
        first = "；".join(f"{e.cell}：{e.message}" for e in errors[:3])
        raise DomainError(
            _("报告有 %(n)s 处数据错误，不能审定：%(first)s")
            % {"n": len(errors), "first": first}
        )
    report.snapshot = figures.as_dict()
    report.status = ReportStatus.APPROVED
    report.approved_by = actor
    report.approved_at = timezone.now()
    report.save()
    audit_record(
        actor=actor,
        event_type=AuditEventType.ANNUAL_REPORT_APPROVED,
        target=report,
        after={"status": report.status, "warnings": len(figures.validation.warnings)},
    )
    return report


@transaction.atomic
def report_reopen(*, actor: User, report: AnnualReport) -> AnnualReport:
    """approved → draft (before publication), by the head; the freeze is lifted."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not has_permission(actor, Permission.ANNUAL_REPORT_APPROVE, report.organisation):
        raise PermissionDenied(_("只有本机关负责人可以退回已审定的报告。"))
    if report.status != ReportStatus.APPROVED:
        raise InvalidTransition(_("只有已审定、尚未发布的报告可以退回修改。"))
    report.status = ReportStatus.DRAFT
    report.snapshot = None
    report.approved_by = None
    report.approved_at = None
    report.save()
    audit_record(
        actor=actor,
        event_type=AuditEventType.ANNUAL_REPORT_SAVED,
        target=report,
        before={"status": ReportStatus.APPROVED},
        after={"status": report.status, "action": "reopen"},
    )
    return report


def _column(report: AnnualReport) -> Column:
    column = Column.objects.filter(
        organisation=report.organisation, kind=ColumnKind.ANNUAL_REPORT
    ).first()
    if column is None:
        raise DomainError(_("本机关的公开目录中没有“政府信息公开年报”栏目。"))
    return column


def _document_create(actor: User, report: AnnualReport, on: date) -> Document:
    content = report_content(report)
    title = content.title
    if report.version > 1:
        title = _("%(title)s（更正版）") % {"title": title}
    written_on = timezone.localdate(report.approved_at) if report.approved_at else on
    index = index_number_allocate(organisation=report.organisation, on=written_on)
    document = Document.objects.create(
        organisation=report.organisation,
        column=_column(report),
        status=DocumentStatus.PUBLISHED,
        title=title,
        index_number=index.index_number,
        index_year=index.year,
        index_serial=index.serial,
        written_on=written_on,
        published_on=on,
        genre=Genre.REPORT,
        content_type=ContentType.ANNUAL_REPORT,
        validity=Validity.IN_FORCE,
        disclosure=Disclosure.PROACTIVE,
        body=sanitise_body(report_html(content)),
        created_by=actor,
    )
    audit_record(
        actor=actor,
        event_type=AuditEventType.DOCUMENT_PUBLISHED,
        target=document,
        after={"action": "publish", "annual_report": report.pk, "published_on": on},
    )
    return document


def _supersede_previous(actor: User, report: AnnualReport, document: Document) -> None:
    previous = AnnualReport.objects.filter(superseded_by=report).first()
    if previous is None or previous.document is None:
        return
    old = previous.document
    old.status = DocumentStatus.SUPERSEDED
    old.validity = Validity.AMENDED
    old.save(update_fields=["status", "validity", "updated_at"])
    document.supersedes = old
    document.supersede_effect = SupersedeEffect.AMENDED
    document.save(update_fields=["supersedes", "supersede_effect", "updated_at"])
    search_index_changed(old)
    audit_record(
        actor=actor,
        event_type=AuditEventType.DOCUMENT_SUPERSEDED,
        target=old,
        before={"status": DocumentStatus.PUBLISHED},
        after={"status": old.status, "superseded_by": document.pk},
    )


@transaction.atomic
def report_publish(
    *, actor: User, report: AnnualReport, published_on: date | None = None
) -> AnnualReport:
    """approved → published: a public document in the 政府信息公开年报 column."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not has_permission(actor, Permission.DOCUMENT_PUBLISH, report.organisation):
        raise PermissionDenied(_("您没有权限发布本机关的政府信息。"))
    if report.status != ReportStatus.APPROVED:
        raise InvalidTransition(_("报告须先由机关负责人审定，才能发布。"))
    today = timezone.localdate()
    published_on = published_on or today
    if published_on > today:
        raise DomainError(_("发布日期不能晚于今天。"))
    document = _document_create(actor, report, published_on)
    _supersede_previous(actor, report, document)
    search_index_changed(document)
    report.status = ReportStatus.PUBLISHED
    report.document = document
    report.published_at = timezone.now()
    report.save()
    audit_record(
        actor=actor,
        event_type=AuditEventType.ANNUAL_REPORT_PUBLISHED,
        target=report,
        after={"document": document.pk, "index_number": document.index_number},
    )
    return report
