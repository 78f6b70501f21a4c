"""Detecting personal data in text before a document is approved (pure).

条例第十五条: personal privacy must not be disclosed without consent. The
scanner looks for the identifiers that most often leak through published
notices (lists of licence holders, subsidy recipients, contact persons):

- mainland resident ID numbers (GB 11643-1999): 17 digits + ISO 7064 MOD 11-2
  check character, with a real birth date;
- mobile numbers: 1[3-9] and 9 more digits, not inside a longer digit run;
- bank card numbers: 16–19 digits passing the Luhn check;
- e-mail addresses.

Values are never stored: a finding keeps a masked form and a keyed digest
(HMAC with SECRET_KEY, since an ID number's space is small enough to
enumerate a plain hash).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings

# The check lives in core (applicants' ID numbers use it too); re-exported.
from gongkai.core.identity import resident_id_is_valid as resident_id_is_valid

from .models import PiiKind

# Boundaries: no digit or ASCII letter directly before/after, so that parts of
# index numbers or longer codes are not taken for IDs or phone numbers.
_RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{16}[0-9Xx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_BANK_CARD = re.compile(r"(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.[A-Za-z]{2,}(?![A-Za-z0-9])"
)
CONTEXT_CHARS = 30


@dataclass(frozen=True)
class PiiHit:
    kind: PiiKind
    value: str
    start: int
    end: int
    context: str

    @property
    def masked(self) -> str:
        return mask_value(self.kind, self.value)

    @property
    def digest(self) -> str:
        return value_digest(self.kind, self.value)


def luhn_is_valid(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def mask_value(kind: str, value: str) -> str:
    if kind == PiiKind.EMAIL:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    if kind == PiiKind.MOBILE:
        return f"{value[:3]}****{value[-4:]}"
    if kind == PiiKind.RESIDENT_ID:
        return f"{value[:6]}********{value[-4:]}"
    return f"{value[:4]}{'*' * (len(value) - 8)}{value[-4:]}"


def value_digest(kind: str, value: str) -> str:
    message = f"{kind}:{value.upper()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


Span = tuple[int, int, PiiKind, str]


def _context(text: str, spans: list[Span], start: int, end: int) -> str:
    """The text around a hit with every hit in it masked (not only this one)."""
    window_start = max(0, start - CONTEXT_CHARS)
    window_end = min(len(text), end + CONTEXT_CHARS)
    for s, e, _, _ in spans:  # never cut a value in half at the edges
        if s < window_start < e:
            window_start = s
        if s < window_end < e:
            window_end = e
    pieces, position = [], window_start
    for s, e, kind, value in spans:
        if s >= window_start and e <= window_end:
            pieces += [text[position:s], mask_value(kind, value)]
            position = e
    pieces.append(text[position:window_end])
    return re.sub(r"\s+", " ", "".join(pieces)).strip()[:200]


def _candidates(text: str) -> Iterator[tuple[PiiKind, re.Match[str]]]:
    # Order matters: an ID number can also pass Luhn; it is reported as an ID.
    for match in _RESIDENT_ID.finditer(text):
        if resident_id_is_valid(match.group()):
            yield PiiKind.RESIDENT_ID, match
    for match in _BANK_CARD.finditer(text):
        if luhn_is_valid(match.group()):
            yield PiiKind.BANK_CARD, match
    for match in _MOBILE.finditer(text):
        yield PiiKind.MOBILE, match
    for match in _EMAIL.finditer(text):
        yield PiiKind.EMAIL, match


def find_pii(text: str) -> list[PiiHit]:
    """Every hit in `text`, in order; overlapping candidates keep the first kind."""
    spans: list[Span] = []
    for kind, match in _candidates(text):
        start, end = match.span()
        if any(start < e and s < end for s, e, _, _ in spans):
            continue
        spans.append((start, end, kind, match.group()))
    spans.sort()
    return [
        PiiHit(
            kind=kind,
            value=value,
            start=start,
            end=end,
            context=_context(text, spans, start, end),
        )
        for start, end, kind, value in spans
    ]
