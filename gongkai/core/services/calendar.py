"""Entering and verifying a year's 放假调休 schedule (spec §7.4)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ..audit import audit_record
from ..audit_types import AuditEventType
from ..deadline_registry import deadlines_recompute
from ..errors import DomainError
from ..models import CalendarDay, CalendarYear, User
from ..models.calendar import DayKind
from ..workdays import calendar_cache_clear

DaySpec = tuple[date, str, str]


def two_person_check() -> bool:
    """Whether a second administrator must verify an entered year."""
    return bool(settings.GONGKAI_CALENDAR_TWO_PERSON_CHECK)


def _check_entry(year: int, source_doc_number: str, days: Sequence[DaySpec]) -> None:
    if not 1949 < year < 2200:
        raise DomainError(_("年份 %(year)s 不合理。") % {"year": year})
    if not source_doc_number.strip():
        raise DomainError(_("请填写国务院办公厅通知的文号。"))
    _check_days(year, days)


def _check_days(year: int, days: Sequence[DaySpec]) -> None:
    seen: set[date] = set()
    for day, kind, name in days:
        if day.year != year:
            raise DomainError(
                _("日期 %(day)s 不在 %(year)s 年内。")
                % {"day": f"{day:%Y-%m-%d}", "year": year}
            )
        if day in seen:
            raise DomainError(_("日期 %(day)s 重复出现。") % {"day": f"{day:%Y-%m-%d}"})
        seen.add(day)
        if kind == DayKind.ADJUSTED_WORKDAY and day.weekday() < 5:
            raise DomainError(
                _("调休上班日 %(day)s 不是周末。") % {"day": f"{day:%Y-%m-%d}"}
            )
        if kind not in DayKind.values:
            raise DomainError(_("未知的日期类型：%(kind)s") % {"kind": kind})
        if len(name) > 30:
            raise DomainError(_("节日名称过长：%(name)s") % {"name": name})


def calendar_year_state(calendar_year: CalendarYear) -> dict[str, Any]:
    """What the audit log records of a year: its notice, revision and days."""
    return {
        "year": calendar_year.year,
        "source_doc_number": calendar_year.source_doc_number,
        "source_title": calendar_year.source_title,
        "source_url": calendar_year.source_url,
        "notice_date": calendar_year.notice_date,
        "revision": calendar_year.revision,
        "verified": calendar_year.verified_at is not None,
        "days": [
            [d.date, d.kind, d.holiday_name]
            for d in CalendarDay.objects.filter(calendar_year=calendar_year)
        ],
    }


def _next_revision() -> int:
    # Lock every year so two concurrent saves cannot take the same revision.
    list(CalendarYear.objects.select_for_update().values_list("pk", flat=True))
    top = CalendarYear.objects.aggregate(top=Max("revision"))["top"]
    return (top or 0) + 1


def _entry_sign(
    calendar_year: CalendarYear, *, actor: User | None, revision: int
) -> None:
    """Sign the entry: verified at once unless the two-person check is on."""
    calendar_year.revision = revision
    calendar_year.entered_by = actor
    verified_now = not two_person_check()
    calendar_year.verified_by = actor if verified_now else None
    calendar_year.verified_at = timezone.now() if verified_now else None


def _days_replace(calendar_year: CalendarYear, days: Sequence[DaySpec]) -> None:
    CalendarDay.objects.filter(calendar_year=calendar_year).delete()
    CalendarDay.objects.bulk_create(
        CalendarDay(calendar_year=calendar_year, date=d, kind=k, holiday_name=n)
        for d, k, n in sorted(days)
    )


@transaction.atomic
def calendar_year_save(
    *,
    actor: User | None,
    year: int,
    source_doc_number: str,
    source_title: str = "",
    source_url: str = "",
    notice_date: date | None = None,
    days: Sequence[DaySpec],
) -> CalendarYear:
    """Replace a year's schedule and recompute the deadlines depending on it.

    With the two-person check on, the saved year is unverified (and so not
    used for deadlines) until a second administrator verifies it.
    """
    _check_entry(year, source_doc_number, days)
    revision = _next_revision()
    calendar_year, created = CalendarYear.objects.get_or_create(year=year)
    before = None if created else calendar_year_state(calendar_year)
    calendar_year.source_doc_number = source_doc_number.strip()
    calendar_year.source_title = source_title.strip()
    calendar_year.source_url = source_url.strip()
    calendar_year.notice_date = notice_date
    _entry_sign(calendar_year, actor=actor, revision=revision)
    calendar_year.save()
    _days_replace(calendar_year, days)
    audit_record(
        actor=actor,
        event_type=AuditEventType.CALENDAR_YEAR_SAVED,
        target=calendar_year,
        before=before,
        after=calendar_year_state(calendar_year),
    )
    calendar_cache_clear()
    deadlines_recompute(actor=actor, years={year})
    return calendar_year


@transaction.atomic
def calendar_year_verify(*, actor: User, year: int) -> CalendarYear:
    """A second administrator confirms the entered schedule against the notice."""
    calendar_year = CalendarYear.objects.select_for_update().filter(year=year).first()
    if calendar_year is None:
        raise DomainError(_("%(year)s 年的放假调休安排尚未录入。") % {"year": year})
    if calendar_year.verified_at is not None:
        raise DomainError(_("%(year)s 年的放假调休安排已经核验。") % {"year": year})
    if two_person_check() and calendar_year.entered_by_id == actor.pk:
        raise DomainError(_("核验须由录入人以外的另一名管理员进行。"))
    calendar_year.revision = _next_revision()
    calendar_year.verified_by = actor
    calendar_year.verified_at = timezone.now()
    calendar_year.save()
    audit_record(
        actor=actor,
        event_type=AuditEventType.CALENDAR_YEAR_VERIFIED,
        target=calendar_year,
        before={"verified": False},
        after={"verified": True, "revision": calendar_year.revision},
    )
    calendar_cache_clear()
    deadlines_recompute(actor=actor, years={year})
    return calendar_year
