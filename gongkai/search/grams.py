"""The tokens stored in the index, from normalised text (`text.normalise`).

Every run of Chinese characters becomes its character pairs (bigrams) plus
its last character alone, every run of letters/digits one token; anything
else only separates runs, so 政务、公开 does not match 政务公开. A query of any
length ≥ 2 is then the phrase of its pairs, a 1-character query the character
among the entry's distinct characters (`distinct_chars`): both match every
document that contains the string (no 2-character blind spot of trigram
indexes, no missed short word inside a longer dictionary word; see
../shared/design/search-measurements.md).

A rebuild tokenizes millions of bodies, so the work is done by numpy over
the code points of many texts at once: each character is classified by a
table lookup and emits at most three code points (itself, the next
character when both are Chinese, a space when a token ends), and the
emitted points of a whole batch are decoded as one string (7–8x faster than
building the pairs as Python strings).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt

from .text import CJK_RANGES

_OTHER, _CHINESE, _ALNUM = 0, 1, 2


def _kinds() -> npt.NDArray[np.uint8]:
    kinds = np.zeros(0x110000, dtype=np.uint8)
    for low, high in CJK_RANGES:
        kinds[low : high + 1] = _CHINESE
    for first, last in ("09", "az"):  # text.RUN: normalised text is lower case
        kinds[ord(first) : ord(last) + 1] = _ALNUM
    return kinds


_KIND = _kinds()
_SPACE = ord(" ")
# Characters per numpy pass: bounds the arrays (about 20 bytes a character).
_PASS_CHARS = 1_000_000


def _code_points(text: str) -> npt.NDArray[np.uint32]:
    # surrogatepass: a lone surrogate is no token character, not an error.
    data = text.encode("utf-32-le", "surrogatepass")
    return np.frombuffer(data, dtype=np.uint32)


def grams_of(texts: Sequence[str]) -> list[str]:
    """The space-separated index tokens of each normalised text."""
    out: list[str] = []
    for part in _passes(texts):
        out.extend(_grams_pass(part))
    return out


def _passes(texts: Sequence[str]) -> Iterator[Sequence[str]]:
    start, size = 0, 0
    for end, value in enumerate(texts):
        if size and size + len(value) > _PASS_CHARS:
            yield texts[start:end]
            start, size = end, 0
        size += len(value) + 1
    if start < len(texts):
        yield texts[start:]


def _grams_pass(texts: Sequence[str]) -> list[str]:
    # A newline is no token character: no pair crosses from one text into
    # the next, and it emits nothing.
    codes = _code_points("\n".join(texts))
    kind = _KIND[codes]
    chinese, alnum = kind == _CHINESE, kind == _ALNUM
    emitted = np.zeros((codes.size, 3), dtype=np.uint32)
    emitted[:, 0] = np.where(kind != _OTHER, codes, 0)
    emitted[:-1, 1] = np.where(chinese[:-1] & chinese[1:], codes[1:], 0)
    token_end = chinese.copy()  # a pair, or a run's last character
    token_end[:-1] |= alnum[:-1] & ~alnum[1:]
    token_end[-1:] |= alnum[-1:]
    emitted[:, 2] = np.where(token_end, _SPACE, 0)
    kept = emitted != 0
    tokens = emitted[kept].tobytes().decode("utf-32-le")
    # Where each text's tokens end: the points emitted up to its last
    # character (the newlines between texts emit none).
    emitted_before = np.concatenate(([0], np.cumsum(kept.sum(axis=1))))
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    ends = np.cumsum(lengths + 1) - 1
    starts = ends - lengths
    out = []
    for begin, finish in zip(
        emitted_before[starts].tolist(), emitted_before[ends].tolist(), strict=True
    ):
        out.append(tokens[begin : finish - 1] if finish > begin else "")
    return out


def grams(normalised: str) -> str:
    return grams_of([normalised])[0]


def run_grams(run: str) -> list[str]:
    """The tokens of one run (`text.runs`), as they stand in the index."""
    return grams(run).split(" ")


def distinct_chars(text: str) -> str:
    """The distinct Chinese characters of `text` (normalised, or its
    tokens), space-separated: what a 1-character query is looked up in."""
    codes = _code_points(text)
    unique = np.unique(codes[_KIND[codes] == _CHINESE])
    if not unique.size:
        return ""
    spaced = np.full(unique.size * 2 - 1, _SPACE, dtype=np.uint32)
    spaced[::2] = unique
    return spaced.tobytes().decode("utf-32-le")
