"""Stored deadlines: what they record and which ones a calendar edit touches."""

from datetime import date

import pytest

from gongkai.core.deadline_registry import (
    deadline_store,
    deadlines_recompute,
    register_recomputer,
    unregister_recomputer,
)
from gongkai.core.models import StoredDeadline
from gongkai.core.workdays import calendar_version

pytestmark = pytest.mark.django_db


def test_store_records_version_years_and_provisional():
    exact = deadline_store(
        owner_kind="test.x", owner_id=1, start=date(2025, 12, 24), days=20
    )
    assert exact.due_on == date(2026, 1, 22)
    assert (exact.first_year, exact.last_year) == (2025, 2026)
    assert exact.provisional is False
    assert exact.calendar_version == calendar_version()
    pending = deadline_store(
        owner_kind="test.x", owner_id=2, start=date(2026, 12, 15), days=20
    )
    assert (pending.due_on, pending.provisional) == (date(2027, 1, 12), True)


def test_store_updates_in_place():
    deadline_store(owner_kind="test.x", owner_id=1, start=date(2026, 3, 2), days=5)
    again = deadline_store(
        owner_kind="test.x", owner_id=1, start=date(2026, 3, 2), days=10
    )
    assert StoredDeadline.objects.filter(owner_kind="test.x").count() == 1
    assert (again.working_days, again.due_on) == (10, date(2026, 3, 16))


def test_recompute_selects_windows_touching_the_years_and_provisional_ones():
    calls: list[StoredDeadline] = []
    register_recomputer("test.y", calls.append)
    try:
        in_2025 = deadline_store(
            owner_kind="test.y", owner_id=1, start=date(2025, 3, 3), days=5
        )
        across = deadline_store(
            owner_kind="test.y", owner_id=2, start=date(2025, 12, 24), days=20
        )
        pending = deadline_store(
            owner_kind="test.y", owner_id=3, start=date(2026, 12, 15), days=20
        )
        done = deadlines_recompute(actor=None, years={2026})
        assert {d.pk for d in done} == {across.pk, pending.pk}
        assert {d.pk for d in calls} == {across.pk, pending.pk}
        assert in_2025.pk not in {d.pk for d in done}
    finally:
        unregister_recomputer("test.y")


def test_recompute_without_registered_recomputer_still_updates():
    stored = deadline_store(
        owner_kind="test.unregistered", owner_id=1, start=date(2026, 5, 6), days=3
    )
    assert [d.pk for d in deadlines_recompute(actor=None, years={2026})] == [stored.pk]
