"""Relevance in the application: the same order whatever the backend.

Order (issue 3): exact 发文字号/索引号 lookups first; then title matches above
body matches and the whole phrase above scattered terms; at equal relevance
documents in force above repealed/invalid ones; then the newest first.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from . import text
from .query import ParsedQuery


def rank_order(
    keys: Mapping[int, int],
    tiers: Sequence[AbstractSet[int]],
    not_in_force: AbstractSet[int],
) -> list[int]:
    """Entry ids of `keys` (entry id → rank key) in rank order.

    `tiers` are sets of entry ids from the best down: exact 发文字号/索引号,
    whole phrase in the title, every term in the title, whole phrase
    anywhere; an entry ranks in the first tier that holds it, entries in none
    (terms found apart) last. Within a tier those in force come before
    repealed/invalid ones, then the newest (highest rank key,
    `keys.rank_key`) first. Set operations and one sort per group, no key
    per entry built in Python."""
    remaining = set(keys)
    out: list[int] = []
    for tier in [*tiers, remaining]:
        group = remaining & tier
        remaining -= group
        for part in (group - not_in_force, group & not_in_force):
            out.extend(sorted(part, key=keys.__getitem__, reverse=True))
    return out


def compact(value: str) -> str:
    """Letters, digits and Chinese only, normalised (the brute-force check)."""
    return "".join(text.runs(text.normalise(value)))


SNIPPET_CHARS = 120


@functools.lru_cache(maxsize=1024)
def _needle_pattern(needles: tuple[str, ...]) -> re.Pattern[str]:
    """Every occurrence of any needle, overlapping ones included (a lookahead
    at each position, the longest needle first): one pass over the text."""
    ordered = sorted(needles, key=len, reverse=True)
    return re.compile("(?=(" + "|".join(map(re.escape, ordered)) + "))")


def _highlight_positions(value: str, needles: list[str]) -> list[tuple[int, int]]:
    if not needles:
        return []
    merged: list[tuple[int, int]] = []
    for match in _needle_pattern(tuple(needles)).finditer(value):
        start, end = match.start(), match.start() + len(match.group(1))
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(value: str, query: ParsedQuery) -> tuple[str, list[tuple[int, int]]]:
    """The text shown and the spans of the query's words in it.

    Matching runs on the normalised text; when normalising kept the length
    (the usual case) the original characters are shown, else the normalised.
    """
    normalised = text.normalise(value)
    shown = value if len(normalised) == len(value) else normalised
    return shown, _highlight_positions(normalised, _needles(query))


def _needles(query: ParsedQuery) -> list[str]:
    return sorted(n for n in {query.compact, *query.terms} if n)


def _bounds(
    spans: list[tuple[int, int]], length: int, window: int | None
) -> tuple[int, int]:
    if window is None or length <= window:
        return 0, length
    first = spans[0][0] if spans else 0
    start = max(0, first - window // 4)
    return start, min(length, start + window)


def _rendered(shown: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(html.escape(shown[cursor:s]))
        out.append("<mark>" + html.escape(shown[s:e]) + "</mark>")
        cursor = e
    out.append(html.escape(shown[cursor:end]))
    out.append("…" if end < len(shown) else "")
    return "".join(out)


def highlight(value: str, query: ParsedQuery, *, window: int | None = None) -> str:
    """HTML-escaped `value` (a window around the first match) with <mark>s."""
    shown, spans = _marked(value, query)
    return _rendered(shown, spans, *_bounds(spans, len(shown), window))


def snippet(body: str, query: ParsedQuery) -> str:
    """A window of the body around the first match. The query's words are
    first looked for as they are (C-speed `str.find`): in most documents they
    appear so, and only the window is then normalised and marked; otherwise
    (traditional characters, full-width forms …) the whole body is."""
    source = " ".join(body.split())
    found = [i for i in map(source.find, _needles(query)) if i >= 0]
    if not found or len(source) <= SNIPPET_CHARS:
        return highlight(source, query, window=SNIPPET_CHARS)
    start = max(0, min(found) - SNIPPET_CHARS // 4)
    end = min(len(source), start + SNIPPET_CHARS)
    shown, spans = _marked(source[start:end], query)
    return (
        ("…" if start > 0 else "")
        + _rendered(shown, spans, 0, len(shown))
        + ("…" if end < len(source) else "")
    )
