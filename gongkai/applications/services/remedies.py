"""行政复议 and 行政诉讼 records and their results (annual report Table 4)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError, PermissionDenied
from gongkai.core.models import Organisation, User
from gongkai.core.permissions import Permission, has_permission

from ..models import (
    Application,
    ApplicationEvent,
    ApplicationEventKind,
    RemedyCase,
    RemedyKind,
    RemedyResult,
)


def _require(actor: User, organisation: Organisation) -> None:
    if not has_permission(actor, Permission.APPLICATION_HANDLE, organisation):
        raise PermissionDenied(gettext("您没有登记该机关复议诉讼情况的权限。"))


def _state(remedy: RemedyCase) -> dict[str, object]:
    return {
        "kind": remedy.kind,
        "application": remedy.application_id,
        "filed_on": remedy.filed_on,
        "result": remedy.result,
        "decided_on": remedy.decided_on,
        "case_number": remedy.case_number,
    }


def _case_file_note(
    remedy: RemedyCase, kind: ApplicationEventKind, on: date, actor: User
) -> None:
    if remedy.application_id is None:
        return
    ApplicationEvent.objects.create(
        application_id=remedy.application_id,
        kind=kind,
        on=on,
        actor=actor,
        visible_to_applicant=False,
        note=f"{remedy.get_kind_display()} {remedy.case_number}".strip(),
        data={"remedy": remedy.pk, "result": remedy.result},
    )


@transaction.atomic
def remedy_record(
    *,
    actor: User,
    organisation: Organisation,
    kind: str,
    filed_on: date,
    application: Application | None = None,
    body: str = "",
    case_number: str = "",
    note: str = "",
) -> RemedyCase:
    """A reconsideration or lawsuit against the organisation's disclosure act."""
    _require(actor, organisation)
    if application is not None and application.organisation_id != organisation.pk:
        raise DomainError(gettext("该申请不属于本机关。"))
    if (
        application is not None
        and application.closed_on
        and filed_on < application.closed_on
    ):
        raise DomainError(gettext("立案日期不能早于申请办结日期。"))
    remedy = RemedyCase.objects.create(
        organisation=organisation,
        application=application,
        kind=RemedyKind(kind),
        filed_on=filed_on,
        body=body.strip(),
        case_number=case_number.strip(),
        note=note.strip(),
    )
    _case_file_note(remedy, ApplicationEventKind.REMEDY_RECORDED, filed_on, actor)
    audit_record(
        actor=actor,
        event_type=AuditEventType.REMEDY_RECORDED,
        target=remedy,
        after=_state(remedy),
    )
    return remedy


@transaction.atomic
def remedy_decide(
    *,
    actor: User,
    remedy: RemedyCase,
    result: str,
    decided_on: date | None,
    note: str = "",
) -> RemedyCase:
    """Record the result: maintained, corrected, other, or back to pending."""
    remedy = RemedyCase.objects.select_for_update().get(pk=remedy.pk)
    _require(actor, remedy.organisation)
    result = RemedyResult(result)
    before = _state(remedy)
    if result == RemedyResult.PENDING:
        decided_on = None
    elif decided_on is None or decided_on < remedy.filed_on:
        raise DomainError(gettext("请填写不早于立案日期的审结日期。"))
    remedy.result, remedy.decided_on = result, decided_on
    if note.strip():
        remedy.note = note.strip()
    remedy.save()
    _case_file_note(
        remedy,
        ApplicationEventKind.REMEDY_DECIDED,
        decided_on or remedy.filed_on,
        actor,
    )
    audit_record(
        actor=actor,
        event_type=AuditEventType.REMEDY_DECIDED,
        target=remedy,
        before=before,
        after=_state(remedy),
    )
    return remedy
