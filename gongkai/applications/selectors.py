"""Reads over applications: who may see which case, the tracking look-up, queues.

An application carries the applicant's personal data: only the officers and
heads of the organisation it is addressed to see it (APPLICATION_VIEW, own
organisation). Everyone else — other organisations, supervisors (who get
statistics only), the public — gets 404, never 403, so a case's existence
is not disclosed.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import BooleanField, Case, F, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from gongkai.core.errors import CalendarYearMissing
from gongkai.core.permissions import Permission
from gongkai.core.selectors import organisations_where
from gongkai.core.workdays import working_days_between

from .models import Application, ApplicationEvent, ApplicationStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from gongkai.core.models import Organisation, User

PAUSED_STATUSES = frozenset(
    {
        ApplicationStatus.CORRECTION_REQUESTED,
        ApplicationStatus.CONSULTING,
        ApplicationStatus.AWAITING_FEE,
    }
)
QUEUE_ORDERS = {
    "due_on": (F("due_on").asc(nulls_last=True), "received_on", "pk"),
    "-due_on": (F("due_on").desc(nulls_last=True), "-received_on", "-pk"),
    "received_on": (F("received_on").asc(nulls_last=True), "pk"),
    "-received_on": (F("received_on").desc(nulls_last=True), "-pk"),
    "-lodged_at": ("-lodged_at", "-pk"),
}


def applications_visible(*, user: User | AnonymousUser) -> QuerySet[Application]:
    """The applications `user` may open (APPLICATION_VIEW in their organisation)."""
    organisations = organisations_where(
        user=user, permission=Permission.APPLICATION_VIEW
    )
    return Application.objects.filter(organisation__in=organisations)


def application_get_for_staff(
    *, user: User | AnonymousUser, pk: int | str
) -> Application:
    """One application for the back office; Http404 for anyone who may not see it."""
    try:
        return (
            applications_visible(user=user)
            .select_related("organisation", "assigned_to", "referred_to")
            .get(pk=pk)
        )
    except (Application.DoesNotExist, ValueError, TypeError) as error:
        raise Http404 from error


def _last4(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits[-4:]


def application_track(*, tracking_code: str, phone_last4: str) -> Application | None:
    """The applicant's look-up: the code and the phone's last 4 digits.

    A wrong code and wrong digits give the same None, and the digits are
    compared in constant time (also against a dummy when the code is
    unknown), so the answer is no oracle for either.
    """
    code = (tracking_code or "").strip().upper()
    given = (phone_last4 or "").strip()
    application = (
        Application.objects.select_related("organisation")
        .filter(tracking_code=code)
        .first()
        if code
        else None
    )
    expected = _last4(application.phone) if application is not None else "\0\0\0\0"
    matches = hmac.compare_digest(expected.encode(), given.encode())
    if application is None or not matches or len(given) != 4 or not given.isdigit():
        return None
    return application


def applicant_events(application: Application) -> QuerySet[ApplicationEvent]:
    """The case-file entries meant for the applicant, in date order."""
    return application.events.filter(visible_to_applicant=True).order_by(
        "on", "at", "pk"
    )


def _search(q: str) -> Q:
    text = q.strip()
    code = "".join(ch for ch in text.upper() if ch.isalnum())
    return (
        Q(tracking_code=code)
        | Q(applicant_name__icontains=text)
        | Q(description__icontains=text)
        | Q(doc_title__icontains=text)
    )


def application_queue(
    *,
    user: User | AnonymousUser,
    organisation: Organisation | int | None = None,
    status: str | None = None,
    assigned_to: User | int | str | None = None,
    order: str = "due_on",
    today: date | None = None,
    q: str = "",
) -> QuerySet[Application]:
    """The back-office queue, annotated with `is_paused` and `is_overdue`.

    `status`: one ApplicationStatus value, or "open" (every status but
    closed). `assigned_to`: a user (or pk), or "none" for unassigned cases.
    `q`: a tracking code, or words of the applicant's name or the request.
    Sorted in the database (`order` one of QUEUE_ORDERS; due date first by
    default, cases without a due date last). Working days left are computed
    per page with `queue_days_left`.
    """
    today = today or timezone.localdate()
    queryset = applications_visible(user=user).select_related(
        "organisation", "assigned_to"
    )
    if organisation is not None:
        queryset = queryset.filter(organisation=organisation)
    if status == "open":
        queryset = queryset.exclude(status=ApplicationStatus.CLOSED)
    elif status:
        queryset = queryset.filter(status=status)
    queryset = _assigned_filter(queryset, assigned_to)
    if q.strip():
        queryset = queryset.filter(_search(q))
    queryset = _queue_flags(queryset, today)
    return queryset.order_by(*QUEUE_ORDERS.get(order, QUEUE_ORDERS["due_on"]))


def _assigned_filter(
    queryset: QuerySet[Application], assigned_to: User | int | str | None
) -> QuerySet[Application]:
    if assigned_to == "none":
        return queryset.filter(assigned_to__isnull=True)
    if isinstance(assigned_to, str):
        return queryset.filter(assigned_to_id=int(assigned_to))
    if assigned_to is not None:
        return queryset.filter(assigned_to=assigned_to)
    return queryset


def _queue_flags(queryset: QuerySet[Application], today: date) -> QuerySet[Application]:
    open_ = ~Q(status=ApplicationStatus.CLOSED)
    return queryset.annotate(
        is_paused=Case(
            When(status__in=PAUSED_STATUSES, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        is_overdue=Case(
            When(open_ & Q(due_on__lt=today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )


@dataclass(frozen=True)
class DaysLeft:
    days: int | None  # working days after today; negative: overdue by that many
    urgency: str  # "overdue", "due_soon", "ok", "paused", "closed", "lodged"
    provisional: bool = False


def _weekdays_between(a: date, b: date) -> int:
    # Provisional count (weekends only) where the calendar lacks a year.
    sign, (a, b) = (1, (a, b)) if a <= b else (-1, (b, a))
    count, day = 0, a
    while day < b:
        day += timedelta(days=1)
        count += day.weekday() < 5
    return sign * count


def working_days_left(today: date, due_on: date) -> tuple[int, bool]:
    """Working days in (today, due_on] (negative past it), and provisional."""
    try:
        return working_days_between(today, due_on), False
    except CalendarYearMissing:
        return _weekdays_between(today, due_on), True


def _days_left(application: Application, today: date, near: int) -> DaysLeft:
    if application.status == ApplicationStatus.CLOSED:
        return DaysLeft(None, "closed")
    if application.status == ApplicationStatus.LODGED:
        return DaysLeft(None, "lodged")
    if application.due_on is None or application.status in PAUSED_STATUSES:
        return DaysLeft(None, "paused")
    days, provisional = working_days_left(today, application.due_on)
    provisional = provisional or application.due_provisional
    if days < 0:
        return DaysLeft(days, "overdue", provisional)
    return DaysLeft(days, "due_soon" if days <= near else "ok", provisional)


def queue_days_left(
    applications: Iterable[Application], *, today: date | None = None
) -> dict[int, DaysLeft]:
    """Working days left per application of one page (keyed by pk).

    "due_soon": at most `GONGKAI_APPLICATIONS["due_soon_wd"]` (default 5)
    working days left, as the officers' first reminder.
    """
    today = today or timezone.localdate()
    near = int(settings.GONGKAI_APPLICATIONS.get("due_soon_wd", 5))
    return {a.pk: _days_left(a, today, near) for a in applications}
