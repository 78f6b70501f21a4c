"""The documents the demo holds, as plain data (no database writes here).

Everything is decided by a random generator seeded per organisation, so the
plan is the same on every run and on every machine; the loader creates only
the planned documents whose title does not exist yet in their organisation.
The plans themselves are made in generated.py (every catalogue column),
examples.py (workflow examples and back-office work) and seedplans.py.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from gongkai.documents.models import DocumentStatus, Validity

from .orgspec import OrgSpec

FIRST_DAY = date(2024, 1, 2)
LAST_DAY = date(2026, 11, 13)


@dataclass(frozen=True)
class ColumnRef:
    """A catalogue column, by what it is rather than by database id."""

    slug: str
    name: str
    kind: str
    statutory_item: str


@dataclass
class DocPlan:
    org_key: int
    column_slug: str
    title: str
    written_on: date
    published_on: date | None  # None: stays in the back office
    content_type: str
    topic: str = ""  # "一级\\二级"
    genre: str = ""
    legal_form: str = ""
    doc_number: str = ""
    effective_on: date | None = None
    expires_on: date | None = None
    validity: str = Validity.IN_FORCE
    statutory_item: str = ""
    keywords: str = ""
    summary: str = ""
    body: str = ""
    needs_interpretation: bool = False
    status: str = DocumentStatus.PUBLISHED
    return_reason: str = ""
    interprets: str = ""  # title of the policy this interpretation explains
    supersedes: str = ""  # title of the document this one amends/repeals
    supersede_effect: str = ""
    editor: str = ""  # username; empty: the loader account
    reviewer: str = ""
    traditional: bool = False
    seed_source: str = ""


@dataclass
class OrgContext:
    spec: OrgSpec
    columns: list[ColumnRef]
    scope: str  # 全市 / 全区 / 全县 / 全镇 …
    place: str  # 鹤城市 / 南湖区 / 龙泉镇 …
    contact: dict[str, str] = field(default_factory=dict)

    def column_for(self, statutory_item: str) -> str:
        """The slug of the column for a 法定主动公开内容 item, else the first."""
        return next(
            (c.slug for c in self.columns if c.statutory_item == statutory_item),
            self.columns[0].slug,
        )


def weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def add_weekdays(day: date, n: int) -> date:
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def random_day(
    rng: random.Random, start: date = FIRST_DAY, end: date = LAST_DAY
) -> date:
    return weekday_on_or_after(
        start + timedelta(days=rng.randrange((end - start).days))
    )


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class NumberBook:
    """发文字号 serials per 机关代字 and year, with realistic gaps."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.last: dict[tuple[str, int], int] = {}

    def next(self, code: str, year: int) -> str:
        serial = self.last.get((code, year), 0) + self.rng.randint(1, 6)
        self.last[(code, year)] = serial
        return f"{code}〔{year}〕{serial}号"
