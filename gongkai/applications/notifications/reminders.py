"""Reminders to the officer 5 and 1 working days before the reply deadline and
on the day it is overdue, escalating to the organisation's heads (issue 4).

条例第三十三条: the reply is due 20 working days after receipt (+ extension).
Each reminder goes out once per due date (`ReminderSent`); a new due date
(an extension, a correction restart) gets its own reminders. A run that was
missed catches up: a late "5 days" reminder says how many days are left.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from gongkai.core.errors import CalendarYearMissing
from gongkai.core.models import Role, User
from gongkai.core.workdays import add_working_days, working_days_between

from ..models import Application, ApplicationStatus, ReminderKind, ReminderSent
from .reminder_mail import reminder_message

logger = logging.getLogger(__name__)

EARLY_DAYS = 5  # working days before due_on
LAST_DAYS = 1


@dataclass(frozen=True)
class ReminderDue:
    application: Application
    kind: ReminderKind
    due_on: date
    days_left: int | None  # working days in (today, due_on]; None if unknown


def _open_with_deadline() -> QuerySet[Application]:
    # While the clock is stopped (pause, correction, fee) due_on is None.
    return (
        Application.objects.filter(due_on__isnull=False)
        .exclude(status__in=[ApplicationStatus.CLOSED, ApplicationStatus.LODGED])
        .select_related("organisation", "assigned_to")
    )


def _kind_for(
    due_on: date, today: date, last: date, early: date
) -> ReminderKind | None:
    if due_on < today:
        return ReminderKind.OVERDUE
    if due_on <= last:
        return ReminderKind.DUE_IN_1
    if due_on <= early:
        return ReminderKind.DUE_IN_5
    return None


def _days_left(today: date, due_on: date) -> int | None:
    try:
        return working_days_between(today, due_on)
    except CalendarYearMissing:
        return None


def reminders_due(*, today: date) -> list[ReminderDue]:
    """The reminders to send today that were not sent yet."""
    # A year not yet in the calendar counts weekends only (provisional).
    early = add_working_days(today, EARLY_DAYS, allow_provisional=True).date
    last = add_working_days(today, LAST_DAYS, allow_provisional=True).date
    sent = set(
        ReminderSent.objects.filter(
            application__in=_open_with_deadline().filter(due_on__lte=early)
        ).values_list("application_id", "kind", "due_on")
    )
    due: list[ReminderDue] = []
    for application in _open_with_deadline().filter(due_on__lte=early).order_by("pk"):
        assert application.due_on is not None
        kind = _kind_for(application.due_on, today, last, early)
        if kind is None or (application.pk, kind, application.due_on) in sent:
            continue
        days = _days_left(today, application.due_on)
        due.append(ReminderDue(application, kind, application.due_on, days))
    return due


def _role_users(application: Application, role: str) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            role_assignments__organisation=application.organisation,
            role_assignments__role=role,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def reminder_recipients(
    application: Application, *, escalate: bool
) -> tuple[list[str], list[str]]:
    """(to, cc): the assigned officer, else the organisation's officers; the
    heads in copy when the reply is overdue."""
    officer = application.assigned_to
    if officer is not None and officer.is_active and officer.email:
        to = [officer.email]
    else:
        to = [u.email for u in _role_users(application, Role.OFFICER)]
    cc: list[str] = []
    if escalate:
        cc = [u.email for u in _role_users(application, Role.HEAD) if u.email not in to]
    if not to:
        to, cc = cc, []
    return to, cc


def reminder_send(*, reminder: ReminderDue, today: date) -> bool:
    """Record and send one reminder; False if already sent or no recipient.

    The row and the e-mail share one transaction (we are in the worker, not
    in a request): a failed send is not recorded and is retried next run.
    """
    escalate = reminder.kind == ReminderKind.OVERDUE
    to, cc = reminder_recipients(reminder.application, escalate=escalate)
    if not to:
        logger.warning("no one to remind for application %s", reminder.application.pk)
        return False
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                application=reminder.application,
                kind=reminder.kind,
                due_on=reminder.due_on,
                sent_on=today,
                recipients=to + cc,
            )
            reminder_message(reminder, to=to, cc=cc).send()
    except IntegrityError:
        return False  # another run sent it first
    return True


def reminders_run(*, today: date) -> int:
    """Send every reminder due today; the number sent."""
    return sum(
        reminder_send(reminder=r, today=today) for r in reminders_due(today=today)
    )
