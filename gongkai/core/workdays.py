"""Working-day (工作日) arithmetic over the database calendar (spec §7).

A date is a working day when the State Council schedule of its year makes it
one: Monday–Friday unless inside a 放假 block, plus the weekend days declared
调休上班. The start day of a period is never counted (spec §0, §7.1).

A computation whose counting window enters a year that the calendar does not
hold, or holds unverified, is never a silent guess (spec §7.4): it raises
`CalendarYearMissing(year)`, or with `allow_provisional=True` counts that
year's weekends only and marks the answer provisional.

The calendar's dates are cached in-process and reloaded when the calendar
changes: each call costs one small aggregate query.
"""

from __future__ import annotations

import calendar as _pycalendar
import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import DEFAULT_DB_ALIAS, router
from django.db.models import Count, Max

from .errors import CalendarYearMissing
from .models import CalendarDay, CalendarYear
from .models.calendar import DayKind

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class WorkdayResult:
    date: date
    provisional: bool
    calendar_version: int
    first_year: int
    last_year: int


@dataclass(frozen=True)
class _Snapshot:
    key: Hashable
    version: int
    verified_years: frozenset[int]
    off: frozenset[date]  # weekday dates inside 放假 blocks (verified years)
    on: frozenset[date]  # 调休上班 weekend dates (verified years)

    def require(self, year: int, allow_provisional: bool) -> bool:
        """True when `year` is counted provisionally (weekends only)."""
        if year in self.verified_years:
            return False
        if not allow_provisional:
            raise CalendarYearMissing(year)
        return True

    def is_working(self, d: date) -> bool:
        if d in self.on:
            return True
        if d in self.off:
            return False
        return d.weekday() < 5


_cache: dict[str, _Snapshot] = {}
_cache_lock = threading.Lock()


def calendar_cache_clear() -> None:
    """Forget the cached calendar (the calendar services call this on save)."""
    with _cache_lock:
        _cache.clear()


_pinned = threading.local()


@contextmanager
def calendar_pinned() -> Iterator[None]:
    """Read the calendar once for a long batch in this thread (an import).

    Every call otherwise checks the calendar's revision with one query, and
    a deadline ledger makes dozens of calls: 100,000 imported cases would
    cost millions of queries. Only for work that does not change the
    calendar while it runs.
    """
    previous = getattr(_pinned, "snapshot", None)
    _pinned.snapshot = previous or _read_snapshot()
    try:
        yield
    finally:
        _pinned.snapshot = previous


def _snapshot() -> _Snapshot:
    pinned: _Snapshot | None = getattr(_pinned, "snapshot", None)
    return pinned if pinned is not None else _read_snapshot()


def _read_snapshot() -> _Snapshot:
    alias = router.db_for_read(CalendarYear) or DEFAULT_DB_ALIAS
    stats = CalendarYear.objects.using(alias).aggregate(
        revision=Max("revision"), updated=Max("updated_at"), years=Count("id")
    )
    key = (stats["revision"] or 0, stats["updated"], stats["years"])
    cached = _cache.get(alias)
    if cached is not None and cached.key == key:
        return cached
    verified = frozenset(
        CalendarYear.objects.using(alias)
        .filter(verified_at__isnull=False)
        .values_list("year", flat=True)
    )
    off: set[date] = set()
    on: set[date] = set()
    days = CalendarDay.objects.using(alias).filter(calendar_year__year__in=verified)
    for day, kind in days.values_list("date", "kind"):
        (on if kind == DayKind.ADJUSTED_WORKDAY else off).add(day)
    snapshot = _Snapshot(key, key[0], verified, frozenset(off), frozenset(on))
    with _cache_lock:
        _cache[alias] = snapshot
    return snapshot


def add_working_days(
    start: date, days: int, *, allow_provisional: bool = False
) -> WorkdayResult:
    """The `days`-th working day strictly after `start`."""
    if days < 0:
        raise ValueError("days must not be negative")
    snapshot = _snapshot()
    current, remaining, provisional = start, days, False
    checked_year = 0
    while remaining:
        current += ONE_DAY
        if current.year != checked_year:
            checked_year = current.year
            provisional |= snapshot.require(checked_year, allow_provisional)
        if snapshot.is_working(current):
            remaining -= 1
    first_year = (start + ONE_DAY).year if days else start.year
    return WorkdayResult(
        current, provisional, snapshot.version, first_year, current.year
    )


def working_days_between(a: date, b: date) -> int:
    """Working days in (a, b]: `a` excluded, `b` included; negative if b < a."""
    if b < a:
        return -working_days_between(b, a)
    snapshot = _snapshot()
    count, current, checked_year = 0, a, 0
    while current < b:
        current += ONE_DAY
        if current.year != checked_year:
            checked_year = current.year
            snapshot.require(checked_year, allow_provisional=False)
        count += snapshot.is_working(current)
    return count


def is_working_day(d: date, *, allow_provisional: bool = False) -> bool:
    snapshot = _snapshot()
    snapshot.require(d.year, allow_provisional)
    return snapshot.is_working(d)


def calendar_version() -> int:
    """The highest revision of any year: what stored deadlines record."""
    return _snapshot().version


def last_known_year() -> int:
    """The last year of the unbroken run of verified years (0 when none).

    A verified year after a gap does not extend it: a deadline crossing the
    gap still needs the missing year.
    """
    years = _snapshot().verified_years
    if not years:
        return 0
    year = min(years)
    while year + 1 in years:
        year += 1
    return year


def _roll_forward(end: date, *, allow_provisional: bool) -> WorkdayResult:
    # 民事诉讼法第八十五条: a period whose last day is a rest day ends on the
    # first working day after it.
    # Only the last day consults the calendar, so the window begins there.
    snapshot = _snapshot()
    first_year = checked_year = end.year
    provisional = snapshot.require(first_year, allow_provisional)
    while not snapshot.is_working(end):
        end += ONE_DAY
        if end.year != checked_year:
            checked_year = end.year
            provisional |= snapshot.require(checked_year, allow_provisional)
    return WorkdayResult(end, provisional, snapshot.version, first_year, end.year)


def add_calendar_days_rolled(
    start: date, days: int, *, allow_provisional: bool = False
) -> WorkdayResult:
    """A period of `days` calendar days after `start` (e.g. 60-day 行政复议)."""
    if days < 0:
        raise ValueError("days must not be negative")
    return _roll_forward(
        start + timedelta(days=days), allow_provisional=allow_provisional
    )


def add_months(start: date, months: int) -> date:
    """Same day `months` later; the month's last day when it has no such day."""
    # 民法典第二百零一条: 到期月无对应日的，以该月最后一日为期间的最后一日。
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last = _pycalendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last))


def add_months_rolled(
    start: date, months: int, *, allow_provisional: bool = False
) -> WorkdayResult:
    """A period of `months` months after `start` (e.g. 6-month 行政诉讼)."""
    if months < 0:
        raise ValueError("months must not be negative")
    return _roll_forward(add_months(start, months), allow_provisional=allow_provisional)
