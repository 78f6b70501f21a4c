"""Months of publication as lexemes (the windows of PostgreSQL's newest-first
searches)."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

import datetime as dt

from gongkai.search.backends import postgres_periods as periods
from gongkai.search.keys import NO_DATE, first_key, rank_key


def month(year, number):
    return year * 12 + number - 1


def test_months_of_rank_keys():
    key = rank_key(dt.date(2026, 11, 30), 7)
    assert periods.month_of(key) == month(2026, 11)
    assert periods.period_of(key) == "@202611"
    assert periods.period_of(rank_key(None, 7)) == "@000101"
    assert periods.first_key_of(month(2026, 11)) == first_key(dt.date(2026, 11, 1))
    assert periods.month_of(periods.first_key_of(month(2026, 1)) - 1) == month(2025, 12)
    assert periods.month_of(first_key(NO_DATE)) == month(1, 1)


def test_any_of_lists_each_month_once():
    assert periods.any_of(month(2025, 12), month(2026, 1)) == "('@202512' | '@202601')"


def test_windows_grow_back_to_the_oldest_month():
    newest = month(2026, 3)
    assert periods.windows(newest, None) == [
        (newest, newest),
        (newest - 3, newest - 1),
        (newest - 15, newest - 4),
        (newest - 63, newest - 16),
    ]
    assert periods.windows(newest, newest - 2) == [
        (newest, newest),
        (newest - 2, newest - 1),
    ]
    assert periods.windows(newest, newest) == [(newest, newest)]
