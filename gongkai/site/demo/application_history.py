"""Two years and more of historical applications, as import lines.

Deterministic (one seeded generator per organisation and year). Each case
is a line of the `applications import` format plus the demo's own identity
key (`demo:<org key>:<year>:<n>`, which makes loading again skip it). Cases
received late in December are closed in January: they are the 结转下年度 of
one annual report and the 上年结转 of the next. At 鹤城市人民政府 and
南湖区教育局 every outcome of Table 3 occurs in 2025, with its typical
history (补正 before 补正后仍不明确, 征求意见 before 保护第三方, …).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from gongkai.applications.choices import ApplicantType, Outcome
from gongkai.applications.importing.synthetic import (
    APPLICANT_WEIGHTS,
    CHANNEL_WEIGHTS,
    OUTCOME_WEIGHTS,
)

from .application_texts import COMPANIES, description, person_name

# Applications a year (about what published reports of such bodies show).
VOLUMES = {100: 70, 101: 25, 111: 40, 115: 35, 116: 45, 118: 40, 200: 30, 201: 50, 204: 10, 225: 8}  # fmt: skip
SHOWCASE = frozenset({100, 201})
FIRST_YEAR = 2024
REPLIED_OUTCOMES = frozenset({Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED})


@dataclass(frozen=True)
class HistoryCase:
    identity_key: str
    applicant_name: str
    line: dict[str, Any]


@dataclass
class _Timeline:
    day: date  # the last event so far
    pauses: list[dict[str, Any]]
    fee: dict[str, Any] | None = None
    extension_days: int = 0
    closed_on: date | None = None


def _iso(day: date) -> str:
    return day.isoformat()


def _after(rng: random.Random, day: date, low: int, high: int) -> date:
    return day + timedelta(days=rng.randint(low, high))


def _correction(rng: random.Random, t: _Timeline, corrected: bool) -> None:
    start = _after(rng, t.day, 2, 6)
    deadline = start + timedelta(days=15)
    end = _after(rng, start, 3, 10) if corrected else None
    t.pauses.append(
        {"kind": "correction", "start": _iso(start), "deadline": _iso(deadline),
         "end": _iso(end) if end else None}
    )  # fmt: skip
    t.day = end or deadline + timedelta(days=rng.randint(1, 3))


def _consultation(rng: random.Random, t: _Timeline) -> None:
    start = _after(rng, t.day, 3, 8)
    end = _after(rng, start, 6, 18)
    t.pauses.append(
        {"kind": "consultation", "start": _iso(start), "end": _iso(end),
         "delivered_on": _iso(start + timedelta(days=2))}
    )  # fmt: skip
    t.day = end


def _fee(rng: random.Random, t: _Timeline, receipt: str, paid: bool) -> None:
    issued = _after(rng, t.day, 3, 8)
    received = issued + timedelta(days=2)
    paid_on = _after(rng, received, 2, 12) if paid else None
    t.fee = {
        "method": "per_page", "quantity": rng.randint(60, 230),
        "issued_on": _iso(issued), "notice_received_on": _iso(received),
        "paid_on": _iso(paid_on) if paid_on else None,
        "receipt_number": receipt if paid else "",
    }  # fmt: skip
    t.day = paid_on or received + timedelta(days=32)


def _timeline(
    rng: random.Random, received: date, outcome: Outcome, *, fee: bool, receipt: str
) -> _Timeline:
    t = _Timeline(received, [])
    if outcome == Outcome.OTHER_CORRECTION_OVERDUE:
        _correction(rng, t, corrected=False)
        t.closed_on = t.day
        return t
    if outcome == Outcome.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION or rng.random() < 0.05:
        _correction(rng, t, corrected=True)
    if outcome == Outcome.WITHHELD_THIRD_PARTY or (
        outcome in REPLIED_OUTCOMES and rng.random() < 0.08
    ):
        _consultation(rng, t)
    if outcome == Outcome.OTHER_FEE_UNPAID:
        _fee(rng, t, receipt, paid=False)
        t.closed_on = t.day
        return t
    if fee:
        _fee(rng, t, receipt, paid=True)
    longer = 0
    if rng.random() < 0.06:
        t.extension_days = rng.choice((10, 15, 20))
        longer = 20
    t.closed_on = _after(rng, t.day, 4, 24 + longer)
    return t


def _received(rng: random.Random, year: int, n: int, count: int, today: date) -> date:
    if year < today.year:
        if n >= count - 3:  # still open on 31 December: carried forward
            return date(year, 12, rng.randint(12, 24))
        # The showcase's one case of each outcome is closed within the year.
        last = 300 if n < len(Outcome) else 364
        return date(year, 1, 1) + timedelta(days=rng.randint(0, last))
    return date(year, 1, 2) + timedelta(
        days=rng.randint(0, (today - date(year, 1, 2)).days - 5)
    )


def _applicant(rng: random.Random, n: int) -> tuple[str, str]:
    kind = list(ApplicantType)[n] if n < len(ApplicantType) else None
    if kind is None:
        picked = rng.choices(list(APPLICANT_WEIGHTS), list(APPLICANT_WEIGHTS.values()))
        kind = picked[0]
    if kind == ApplicantType.NATURAL_PERSON:
        return str(kind), person_name(rng)
    name = next(c for c, t in COMPANIES if t == kind)
    return str(kind), name


def _outcome(rng: random.Random, key: int, year: int, n: int) -> Outcome:
    if key in SHOWCASE and year == FIRST_YEAR + 1 and n < len(Outcome):
        return list(Outcome)[n]  # every row of Table 3 at least once
    return Outcome(
        rng.choices(list(OUTCOME_WEIGHTS), list(OUTCOME_WEIGHTS.values()))[0]
    )


def _open_now(line: dict[str, Any], today: date) -> None:
    """A case whose reply would fall after today is still open: drop the
    reply and whatever had not happened yet."""
    line["outcome"] = line["closed_on"] = None
    line.pop("extension_days", None)
    line["pauses"] = [
        p for p in line["pauses"] if p["end"] and date.fromisoformat(p["end"]) < today
    ]
    fee = line.get("fee")
    if fee and (not fee["paid_on"] or date.fromisoformat(fee["paid_on"]) >= today):
        del line["fee"]


def history_cases(
    *, key: int, credit_code: str, year: int, today: date, titles: list[str],
    place: str, domain: str,
) -> list[HistoryCase]:  # fmt: skip
    """The demo's cases of one organisation received in `year`."""
    rng = random.Random(f"gongkai-demo-applications-{key}-{year}")
    count = VOLUMES[key]
    if year == today.year:
        count = count * (today.timetuple().tm_yday - 5) // 365
    cases = []
    for n in range(count):
        received = _received(rng, year, n, count, today)
        outcome = _outcome(rng, key, year, n)
        fee = outcome in REPLIED_OUTCOMES and (
            (key in SHOWCASE and year == 2025 and n in (25, 26)) or rng.random() < 0.02
        )
        receipt = f"鹤非税{year}{key:03d}{n:04d}"
        t = _timeline(rng, received, outcome, fee=fee, receipt=receipt)
        applicant_type, name = _applicant(rng, n)
        text, title = description(
            rng, outcome, titles=titles, place=place, domain=domain, year=year
        )
        line: dict[str, Any] = {
            "org": credit_code, "applicant_type": applicant_type,
            "received_on": _iso(received),
            "channel": rng.choices(list(CHANNEL_WEIGHTS), list(CHANNEL_WEIGHTS.values()))[0],
            "outcome": str(outcome), "closed_on": _iso(t.closed_on or t.day),
            "pauses": t.pauses, "description": text, "doc_title": title,
        }  # fmt: skip
        if t.fee:
            line["fee"] = t.fee
        if t.extension_days:
            line["extension_days"] = t.extension_days
        if year < today.year and n >= count - 3:
            january = date(year + 1, 1, rng.randint(5, 16))
            line["closed_on"] = _iso(max(t.closed_on or t.day, january))
        if date.fromisoformat(line["closed_on"]) >= today:
            _open_now(line, today)
        cases.append(HistoryCase(f"demo:{key}:{year}:{n}", name, line))
    return cases
