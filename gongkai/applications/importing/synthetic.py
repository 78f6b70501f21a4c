"""Plausible historical cases in the import format, for benchmarks and tests.

`synthetic_lines` yields JSON-ready dicts (one import line each): mostly
answered cases, some with a correction, a consultation, a fee or an
extension, and the most recent ones still open. Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from ..choices import ApplicantType, Channel, Outcome

# Rough shares seen in published annual reports (Table 3).
APPLICANT_WEIGHTS = {
    ApplicantType.NATURAL_PERSON: 80,
    ApplicantType.COMMERCIAL_ENTERPRISE: 10,
    ApplicantType.RESEARCH_INSTITUTION: 2,
    ApplicantType.SOCIAL_WELFARE_ORG: 2,
    ApplicantType.LEGAL_SERVICE_ORG: 4,
    ApplicantType.OTHER_ORG: 2,
}
OUTCOME_WEIGHTS = {
    Outcome.DISCLOSED: 40,
    Outcome.PARTLY_DISCLOSED: 10,
    Outcome.WITHHELD_THIRD_PARTY: 2,
    Outcome.WITHHELD_PROCESS_INFO: 3,
    Outcome.WITHHELD_STATE_SECRET: 1,
    Outcome.UNAVAILABLE_NOT_HELD: 20,
    Outcome.UNAVAILABLE_NEEDS_CREATION: 4,
    Outcome.NOT_PROCESSED_PETITION: 5,
    Outcome.NOT_PROCESSED_DUPLICATE: 3,
    Outcome.NOT_PROCESSED_PUBLICATION: 1,
    Outcome.OTHER: 5,
}
CHANNEL_WEIGHTS = {
    Channel.ONLINE: 60,
    Channel.IN_PERSON: 10,
    Channel.REGISTERED_POST: 20,
    Channel.ORDINARY_POST: 4,
    Channel.EMAIL: 5,
    Channel.FAX: 1,
}


def _pick(rng: random.Random, weights: dict[Any, int]) -> str:
    return str(rng.choices(list(weights), weights=list(weights.values()))[0])


def _iso(day: date) -> str:
    return day.isoformat()


def _pauses(
    rng: random.Random, received: date, closed: date | None, today: date
) -> list[dict[str, Any]]:
    """At most one correction or consultation, early in the case."""
    roll = rng.random()
    start = received + timedelta(days=rng.randint(1, 5))
    end = start + timedelta(days=rng.randint(1, 12))
    if end >= (closed or today):
        return []
    if roll < 0.06:
        return [{"kind": "correction", "start": _iso(start), "end": _iso(end),
                 "deadline": _iso(start + timedelta(days=15))}]  # fmt: skip
    if roll < 0.10:
        return [{"kind": "consultation", "start": _iso(start), "end": _iso(end)}]
    return []


def synthetic_line(
    rng: random.Random, *, credit_code: str, first: date, last: date, today: date
) -> dict[str, Any]:
    """One case received between `first` and `last` (open ones near today)."""
    received = first + timedelta(days=rng.randint(0, (last - first).days))
    closed: date | None = received + timedelta(days=rng.randint(3, 40))
    if closed is not None and closed > today - timedelta(days=2):
        closed = None
    line: dict[str, Any] = {
        "org": credit_code,
        "applicant_type": _pick(rng, APPLICANT_WEIGHTS),
        "received_on": _iso(received),
        "channel": _pick(rng, CHANNEL_WEIGHTS),
        "outcome": _pick(rng, OUTCOME_WEIGHTS) if closed else None,
        "closed_on": _iso(closed) if closed else None,
    }
    pauses = _pauses(rng, received, closed, today)
    if pauses:
        line["pauses"] = pauses
    elif closed is not None and rng.random() < 0.02:
        line["fee"] = {"method": "per_page", "quantity": rng.randint(40, 220),
                       "issued_on": _iso(received + timedelta(days=1)),
                       "paid_on": _iso(closed - timedelta(days=1))}  # fmt: skip
    if rng.random() < 0.04:
        line["extension_days"] = rng.choice((10, 15, 20))
    return line


def synthetic_lines(
    *,
    credit_code: str,
    count: int,
    first: date,
    last: date,
    today: date,
    seed: int | str = "gongkai-synthetic",
) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for _ in range(count):
        yield synthetic_line(
            rng, credit_code=credit_code, first=first, last=last, today=today
        )
