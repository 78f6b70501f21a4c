"""Months of publication as lexemes, so that GIN can answer "the matches of
the newest months" without building the set of every match.

GIN keeps no order: the newest 250 of 50,000 matches cost all 50,000 rows
fetched and sorted. Each entry's GIN-indexed rows therefore also hold the
month of its rank key (`@202611`); a query for the newest matches asks GIN
for `terms & (@202611 | @202610 | …)` over windows of months that grow
going back, and stops at the first windows that hold enough
(`PostgresBackend.top_sql`). GIN's fast scan skips through the long lists
using the shorter ones, so a window costs about the rows of its months or
of the rarest term, whichever is smaller.
"""

from __future__ import annotations

from datetime import date

from ..keys import ID_BITS, first_key

PERIOD_MARK = "@"  # no token holds it (text.RUN)
# Months per window, newest first (1, then the 3 before, …: 64 months in
# all); older entries come from one window without months.
WINDOW_MONTHS = (1, 3, 12, 48)
# The most months one query lists (a bounded key range wider than this is
# answered without them).
MAX_LISTED = 64


def month_of(key: int) -> int:
    """The month of a rank key, counted from year 0 (12·year + month − 1)."""
    day = date.fromordinal(key >> ID_BITS)
    return day.year * 12 + day.month - 1


def first_key_of(month: int) -> int:
    """The smallest rank key of entries published in `month`."""
    return first_key(date(month // 12, month % 12 + 1, 1))


def lexeme(month: int) -> str:
    return f"{PERIOD_MARK}{month // 12:04d}{month % 12 + 1:02d}"


def period_of(key: int) -> str:
    """The lexeme of the month an entry with rank key `key` was published in."""
    return lexeme(month_of(key))


def any_of(first: int, last: int) -> str:
    """A tsquery matching the months `first` to `last` (inclusive)."""
    return "(" + " | ".join(f"'{lexeme(m)}'" for m in range(first, last + 1)) + ")"


def windows(newest: int, oldest: int | None) -> list[tuple[int, int]]:
    """The windows (first month, last month) from month `newest` back, down
    to month `oldest` if given (entries may be older than the last window)."""
    found: list[tuple[int, int]] = []
    last = newest
    for size in WINDOW_MONTHS:
        first = last - size + 1
        if oldest is not None and first <= oldest:
            found.append((oldest, last))
            break
        found.append((first, last))
        last = first - 1
    return found
