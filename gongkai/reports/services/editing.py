"""Creating and editing a report, and correcting a published one."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError, InvalidTransition, PermissionDenied
from gongkai.core.models import Organisation, User
from gongkai.core.permissions import Permission, has_permission

from ..compute import report_figures
from ..compute.narrative import fees_paragraph, overview_paragraph
from ..models import AnnualReport, ReportScope, ReportStatus

FIRST_YEAR = 2021  # 国办公开办函〔2021〕30号 applies to reports on 2021 and later


@dataclass(frozen=True)
class ReportText:
    """What people enter: sections 一、五、六 and the hand-entered Table 2 cells."""

    overview: str = ""
    problems: str = ""
    other_matters: str = ""
    licences: int = 0
    licences_source: str = ""
    penalties: int = 0
    penalties_source: str = ""
    coercions: int = 0
    coercions_source: str = ""
    charges: Decimal = Decimal("0")
    charges_source: str = ""


TEXT_FIELDS = tuple(f.name for f in fields(ReportText))


def _require(actor: User, permission: Permission, organisation: Organisation) -> None:
    if not has_permission(actor, permission, organisation):
        raise PermissionDenied(_("您没有权限办理该机关的年度报告。"))


def _audit_values(report: AnnualReport) -> dict[str, Any]:
    return {name: getattr(report, name) for name in TEXT_FIELDS}


@transaction.atomic
def report_create(
    *,
    actor: User,
    organisation: Organisation,
    year: int,
    scope: str = ReportScope.OWN,
) -> AnnualReport:
    """A draft whose sections 一 and 六 start from the year's figures."""
    _require(actor, Permission.ANNUAL_REPORT_EDIT, organisation)
    if year < FIRST_YEAR:
        raise DomainError(
            _("本系统按国办公开办函〔2021〕30号格式编制 2021 年及以后的报告。")
        )
    scope = ReportScope(scope).value
    if AnnualReport.objects.filter(
        organisation=organisation, year=year, scope=scope
    ).exists():
        raise DomainError(_("该机关该年度的报告已存在，请打开已有报告。"))
    figures = report_figures(organisation=organisation, year=year, scope=scope)
    report = AnnualReport.objects.create(
        organisation=organisation,
        year=year,
        scope=scope,
        created_by=actor,
        overview=overview_paragraph(figures),
        other_matters=fees_paragraph(figures),
    )
    audit_record(
        actor=actor,
        event_type=AuditEventType.ANNUAL_REPORT_CREATED,
        target=report,
        after={"year": year, "scope": scope, "version": report.version},
    )
    return report


def _check_text(text: ReportText) -> None:
    numbers = (text.licences, text.penalties, text.coercions)
    if any(n < 0 for n in numbers) or text.charges < 0:
        raise DomainError(_("表二的处理决定数量和收费金额不能为负数。"))


@transaction.atomic
def report_save(*, actor: User, report: AnnualReport, text: ReportText) -> AnnualReport:
    """Save the narrative and the hand-entered cells of a draft."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    _require(actor, Permission.ANNUAL_REPORT_EDIT, report.organisation)
    if report.status != ReportStatus.DRAFT:
        raise InvalidTransition(_("报告已审定，不能再修改；如需更正请新建版本。"))
    _check_text(text)
    before = _audit_values(report)
    for name in TEXT_FIELDS:
        setattr(report, name, getattr(text, name))
    report.save()
    after = _audit_values(report)
    changed = [name for name in TEXT_FIELDS if before[name] != after[name]]
    if changed:
        audit_record(
            actor=actor,
            event_type=AuditEventType.ANNUAL_REPORT_SAVED,
            target=report,
            before={n: before[n] for n in changed},
            after={n: after[n] for n in changed},
        )
    return report


@transaction.atomic
def report_correct(*, actor: User, report: AnnualReport) -> AnnualReport:
    """A published report is corrected by a new draft version; the old stays."""
    old = AnnualReport.objects.select_for_update().get(pk=report.pk)
    _require(actor, Permission.ANNUAL_REPORT_EDIT, old.organisation)
    if old.status != ReportStatus.PUBLISHED or not old.is_current:
        raise InvalidTransition(_("只有当前已发布的报告可以更正。"))
    old.is_current = False
    old.save(update_fields=["is_current", "updated_at"])
    new = AnnualReport.objects.create(
        organisation=old.organisation,
        year=old.year,
        scope=old.scope,
        version=old.version + 1,
        created_by=actor,
        **{name: getattr(old, name) for name in TEXT_FIELDS},
    )
    old.superseded_by = new
    old.save(update_fields=["superseded_by", "updated_at"])
    audit_record(
        actor=actor,
        event_type=AuditEventType.ANNUAL_REPORT_CORRECTED,
        target=new,
        after={"version": new.version, "supersedes": old.pk},
    )
    return new
