"""Stored working-day deadlines and their recomputation on calendar edits.

Apps that keep a working-day deadline store it here (`deadline_store`) and
register one recomputer per owner kind; when a year's schedule is saved or
verified, every stored deadline whose counting window touches that year, or
that was provisional, is recomputed with the new calendar and its owner's
recomputer is called in the same transaction (architecture rule 3).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q

from .audit import audit_record
from .audit_types import AuditEventType
from .models import StoredDeadline, User
from .workdays import add_working_days

Recomputer = Callable[[StoredDeadline], None]

_recomputers: dict[str, Recomputer] = {}


def register_recomputer(owner_kind: str, fn: Recomputer) -> None:
    """`fn(deadline)` is called after `deadline` was recomputed."""
    _recomputers[owner_kind] = fn


def unregister_recomputer(owner_kind: str) -> None:
    _recomputers.pop(owner_kind, None)


def _fields(start: date, days: int) -> dict[str, Any]:
    result = add_working_days(start, days, allow_provisional=True)
    return {
        "start": start,
        "working_days": days,
        "due_on": result.date,
        "provisional": result.provisional,
        "calendar_version": result.calendar_version,
        "first_year": result.first_year,
        "last_year": result.last_year,
    }


@transaction.atomic
def deadline_store(
    *, owner_kind: str, owner_id: object, start: date, days: int
) -> StoredDeadline:
    """Compute (provisionally if need be) and store one owner's deadline."""
    deadline, _ = StoredDeadline.objects.update_or_create(
        owner_kind=owner_kind,
        owner_id=str(owner_id),
        defaults=_fields(start, days),
    )
    return deadline


def _snapshot(deadline: StoredDeadline) -> dict[str, Any]:
    return {
        "due_on": deadline.due_on,
        "provisional": deadline.provisional,
        "calendar_version": deadline.calendar_version,
    }


@transaction.atomic
def deadlines_recompute(
    *, actor: User | None, years: Collection[int]
) -> list[StoredDeadline]:
    """Recompute the deadlines touching `years` or provisional; audited."""
    touching = Q(provisional=True)
    for year in years:
        touching |= Q(first_year__lte=year, last_year__gte=year)
    recomputed = []
    for deadline in StoredDeadline.objects.select_for_update().filter(touching):
        before = _snapshot(deadline)
        for name, value in _fields(deadline.start, deadline.working_days).items():
            setattr(deadline, name, value)
        deadline.save()
        audit_record(
            actor=actor,
            event_type=AuditEventType.DEADLINE_RECOMPUTED,
            target=deadline,
            before=before,
            after=_snapshot(deadline),
        )
        recomputer = _recomputers.get(deadline.owner_kind)
        if recomputer is not None:
            recomputer(deadline)
        recomputed.append(deadline)
    return recomputed
