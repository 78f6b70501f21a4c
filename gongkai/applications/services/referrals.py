"""告知负责机关 (条例第三十六条第（五）项): the information is held elsewhere.

The case closes as 无法提供-1 (本机关不掌握相关政府信息) naming the
responsible organ. When that organ also works in Gongkai, a linked case is
opened there: a new Application with `referred_from` set, a copy of the
applicant and the request, status `lodged` so that office confirms it (its
own receipt day and clock), its case file starting with a note of where it
came from. The history stays with the original, reachable through the link.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from gongkai.core.audit import audit_record
from gongkai.core.audit_types import AuditEventType
from gongkai.core.errors import DomainError
from gongkai.core.models import Organisation, User

from ..choices import Channel, Outcome
from ..models import (
    APPLICANT_FIELDS,
    REQUEST_FIELDS,
    Application,
    ApplicationEvent,
    ApplicationEventKind,
    ApplicationStatus,
    LetterKind,
)
from ..workflow import Action
from .closing import close_fields_set
from .transitions import Step, transition_apply

# Fields of the applicant and the request copied into the linked case.
COPIED_FIELDS = (
    *APPLICANT_FIELDS,
    "identity_key",
    *REQUEST_FIELDS,
    "identity_proof",
)


def linked_tracking_code() -> str:
    """A fresh unguessable code, made as intake makes them."""
    from .intake import tracking_code_new  # intake is PUBLIC's; imported late

    while True:
        code = tracking_code_new()
        if not Application.objects.filter(tracking_code=code).exists():
            return code


def _referral_time(on: date) -> datetime:
    # The linked case reaches the other office on the referral day.
    if on == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(on, time(12, 0)))


def _linked_case_open(
    original: Application, organisation: Organisation, actor: User | None, on: date
) -> Application:
    copy = Application(
        tracking_code=linked_tracking_code(),
        organisation=organisation,
        status=ApplicationStatus.LODGED,
        channel=Channel.ONLINE,
        lodged_at=_referral_time(on),
        referred_from=original,
        recorded_by=actor,
        **{name: getattr(original, name) for name in COPIED_FIELDS},
    )
    copy.save()
    ApplicationEvent.objects.create(
        application=copy,
        kind=ApplicationEventKind.LODGED,
        on=on,
        actor=actor,
        note=gettext("由%(organ)s告知转来（原查询码 %(code)s）。")
        % {"organ": original.organisation.name, "code": original.tracking_code},
        data={"referred_from": original.pk},
    )
    audit_record(
        actor=actor,
        event_type=AuditEventType.APPLICATION_LODGED,
        target=copy,
        after={"referred_from": original.pk, "organisation": organisation.pk},
    )
    return copy


def _refer_check(
    application: Application, referred_to: Organisation | None, name: str
) -> None:
    if not name:
        raise DomainError(gettext("请填写负责该政府信息的机关名称。"))
    if referred_to is not None and referred_to.pk == application.organisation_id:
        raise DomainError(gettext("不能告知由本机关负责。"))


@transaction.atomic
def application_refer(
    *,
    application: Application,
    actor: User,
    on: date,
    referred_to: Organisation | None = None,
    referred_to_name: str = "",
    note: str = "",
) -> Application:
    """Close as not held, naming the responsible organ (and open a linked case)."""
    name = referred_to_name.strip() or (referred_to.name if referred_to else "")
    linked: list[Application] = []

    def apply(locked: Application) -> Mapping[str, Any]:
        _refer_check(locked, referred_to, name)
        close_fields_set(
            locked, outcome=Outcome.UNAVAILABLE_NOT_HELD, on=on, reasons=note
        )
        locked.referred_to, locked.referred_to_name = referred_to, name
        # A linked case only where the organ works in Gongkai (active).
        if referred_to is not None and referred_to.is_active:
            linked.append(_linked_case_open(locked, referred_to, actor, on))
        return {
            "referred_to": referred_to.pk if referred_to else None,
            "referred_to_name": name,
        }

    step = Step(
        action=Action.REFER,
        kind=ApplicationEventKind.REFERRED,
        on=on,
        note=gettext("经查，该政府信息由%(organ)s负责，请向该机关申请。")
        % {"organ": name or "—"},
        letter=LetterKind.REPLY,
        notify="referral",
    )
    return transition_apply(
        application=application, actor=actor, step=step, apply=apply
    )
