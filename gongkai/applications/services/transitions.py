"""The one way a case moves: `transition_apply` (architecture rules 1–3).

Every service of a workflow Action calls it. In one transaction it

1. locks the application row (select_for_update) and reads it fresh;
2. checks the actor's permission in the application's organisation
   (PermissionDenied); `actor=None` (the applicant, or the system's worker)
   is accepted only for the actions listed in `ACTOR_OPTIONAL`;
3. asks `workflow.transition_target` whether the action is allowed from the
   current status (InvalidTransition otherwise);
4. runs the service's own changes (`apply`: create the notice, set the
   outcome…), which may add data to the event;
5. writes one ApplicationEvent (the legal date `on`) and one audit record
   (AuditEventType.APPLICATION_<ACTION>);
6. recomputes the deadline from the case file and stores it (an impossible
   history — an extension after the original due date, a second correction
   notice… — raises DomainError and the whole transition is rolled back);
7. issues the letter, if any, and asks notifications to e-mail the applicant
   on commit (never inside the transaction).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils.translation import gettext

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import PermissionDenied
from gongkai.core.models import User
from gongkai.core.permissions import Permission, has_permission

from ..models import (
    Application,
    ApplicationEvent,
    ApplicationEventKind,
    ApplicationStatus,
    LetterKind,
)
from ..workflow import Action, transition_target
from .deadlines import application_deadline_refresh

__all__ = [
    "ACTOR_OPTIONAL",
    "Step",
    "permission_require",
    "transition_apply",
]

# The applicant withdraws without an account; the worker closes overdue cases.
ACTOR_OPTIONAL = frozenset(
    {Action.WITHDRAW, Action.CORRECTION_EXPIRE, Action.FEE_EXPIRE}
)

_REG = "《中华人民共和国政府信息公开条例》"
# The legal basis each act relies on (spec §1.6: stored with every
# transition); closing acts record the outcome's basis instead.
ACTION_ARTICLES: dict[Action, str] = {
    Action.CONFIRM: _REG + "第三十一条",
    Action.CORRECTION_NOTICE: _REG + "第三十条",
    Action.CORRECTION_RECEIVE: _REG + "第三十条",
    Action.CONSULTATION_START: _REG + "第三十二条、第三十四条",
    Action.CONSULTATION_ANSWER: _REG + "第三十二条、第三十四条",
    Action.EXTEND: _REG + "第三十三条第二款",
    Action.FEE_NOTICE: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    Action.FEE_PAY: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
}

Apply = Callable[[Application], Mapping[str, Any] | None]


@dataclass(frozen=True)
class Step:
    """What one transition records."""

    action: Action
    kind: ApplicationEventKind
    on: date  # the legal date of the act
    visible: bool = True  # shown to the applicant on the tracking page
    note: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)
    permission: Permission = Permission.APPLICATION_HANDLE
    letter: LetterKind | None = None
    letter_extra: Mapping[str, Any] | None = None
    notify: str | None = None  # applicant_notify kind


def permission_require(
    actor: User | AnonymousUser | None,
    permission: Permission,
    application: Application,
    *,
    optional: bool = False,
) -> None:
    """PermissionDenied unless `actor` holds `permission` for the case's organ."""
    if actor is None and optional:
        return
    if actor is None or not has_permission(actor, permission, application.organisation):
        raise PermissionDenied(gettext("您没有办理该申请的权限。"))


def _audit_state(application: Application) -> dict[str, Any]:
    return {
        "status": application.status,
        "outcome": application.outcome,
        "due_on": application.due_on,
        "due_provisional": application.due_provisional,
        "calendar_version": application.calendar_version,
        "assigned_to": application.assigned_to_id,
    }


def _lock(application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("organisation")
        .get(pk=application.pk)
    )


def _json(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in data.items()
    }


@transaction.atomic
def transition_apply(
    *,
    application: Application,
    actor: User | None,
    step: Step,
    apply: Apply | None = None,
) -> Application:
    """Apply `step` to `application`; returns the updated (locked) row and
    refreshes the instance passed in."""
    locked = _lock(application)
    # Permission first: someone who may not act learns nothing of the status.
    permission_require(
        actor, step.permission, locked, optional=step.action in ACTOR_OPTIONAL
    )
    target = transition_target(ApplicationStatus(locked.status), step.action)
    before = _audit_state(locked)
    data = dict(step.data)
    if apply is not None:
        data.update(apply(locked) or {})
    locked.status = target
    locked.save()
    event = _event_write(locked, actor, step, data)
    application_deadline_refresh(application=locked)
    _snapshot_keep(event, locked, step.action)
    audit_record(
        actor=actor,
        event_type=AuditEventType(f"application.{step.action}"),
        target=locked,
        before=before,
        after={**_audit_state(locked), **_json(data), "on": step.on},
    )
    _letter_and_notice(locked, step)
    application.refresh_from_db()  # the caller's instance shows the new state
    return locked


def _event_write(
    application: Application,
    actor: User | None,
    step: Step,
    data: Mapping[str, Any],
) -> ApplicationEvent:
    return ApplicationEvent.objects.create(
        application=application,
        kind=step.kind,
        on=step.on,
        actor=actor,
        visible_to_applicant=step.visible,
        note=step.note,
        data=_json(data),
    )


def _snapshot_keep(
    event: ApplicationEvent, application: Application, action: Action
) -> None:
    # Spec §1.6: each transition keeps its legal basis, the deadline it led
    # to and the calendar version used.
    article = ACTION_ARTICLES.get(action, "")
    if application.status == ApplicationStatus.CLOSED:
        article = application.reply_basis
    event.data = {
        **event.data,
        "article": article,
        "due_on": application.due_on.isoformat() if application.due_on else None,
        "due_provisional": application.due_provisional,
        "calendar_version": application.calendar_version,
    }
    event.save(update_fields=["data"])


def _letter_and_notice(application: Application, step: Step) -> None:
    if step.letter is not None:
        from ..letters import letter_issue

        letter_issue(
            application=application,
            kind=step.letter,
            issued_on=step.on,
            extra=step.letter_extra,
        )
    if step.notify is not None:
        from ..notifications import applicant_notify

        applicant_notify(application=application, kind=step.notify)
