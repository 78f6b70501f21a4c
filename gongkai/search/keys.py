"""The rank key: an entry's (published_on, id) as one integer.

It is the rowid of the FTS5 tables and `SearchEntry.rank_key`, so "newest
first" is "rowid descending": FTS5 walks its lists in that order and a
search that needs the newest few hundred matches stops after them instead of
evaluating every match. A date range or a year is a range of keys.
"""

from __future__ import annotations

from datetime import date

ID_BITS = 32
NO_DATE = date(1, 1, 1)


def rank_key(published_on: date | None, entry_id: int) -> int:
    if not 0 < entry_id < 1 << ID_BITS:
        raise ValueError(f"entry id {entry_id} does not fit the rank key")
    return (published_on or NO_DATE).toordinal() << ID_BITS | entry_id


def first_key(day: date) -> int:
    """The smallest key of entries published on `day`."""
    return day.toordinal() << ID_BITS


def entry_id(key: int) -> int:
    return key & ((1 << ID_BITS) - 1)
