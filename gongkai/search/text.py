"""Text analysis shared by indexing and querying: one function each way.

- `normalise`: NFKC (full-width → half-width), lower case, traditional →
  simplified with OpenCC `t2s`. Index and query go through it, so a query in
  either script finds documents in either script (简繁-blind).
- `runs`: the runs of Chinese characters and of letters/digits that the
  index tokens (`grams`) are cut from.
- `query_terms`: the words of a query, segmented with jieba's algorithm in
  search mode (rjieba) and the government-terms dictionary, so that 依申请公开
  stays one term and 医保报销 becomes 医保 + 报销 (scattered terms still match;
  the whole phrase ranks higher).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import opencc
import rjieba

CJK_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)
CJK = "".join(f"{chr(low)}-{chr(high)}" for low, high in CJK_RANGES)
RUN = re.compile(rf"[{CJK}]+|[0-9a-z]+")
CJK_RUN = re.compile(rf"[{CJK}]+")

DICTIONARY = Path(__file__).resolve().parent / "dictionary" / "gov_terms.txt"
DEFAULT_FREQ = 20000

_lock = threading.Lock()
_converter = opencc.OpenCC("t2s")
_jieba: rjieba.Jieba | None = None
_extra_terms: tuple[str, ...] = ()
_generation = 0  # changes with the segmenter: part of the query caches' keys


def _traditional_characters() -> frozenset[str]:
    """Characters that OpenCC t2s changes (found once by converting them all).

    Text without any of them is left as it is: most documents are written in
    simplified characters, and the conversion is the slowest step of indexing.
    """
    # The basic plane only: the supplementary range would add some 200,000
    # conversions to every start.
    candidates = [
        chr(c) for lo, hi in CJK_RANGES if hi <= 0xFFFF for c in range(lo, hi + 1)
    ]
    converted = str(_converter.convert("\n".join(candidates))).split("\n")
    return frozenset(c for c, t in zip(candidates, converted, strict=True) if c != t)


# One character class: searching a text for it is several times faster than
# testing each character against a set.
_TRADITIONAL = re.compile(
    "[" + "".join(map(re.escape, sorted(_traditional_characters()))) + "]"
)


def normalise(text: str) -> str:
    """Full-width to half-width, lower case, traditional to simplified."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    if _TRADITIONAL.search(text) is None:
        return text
    return str(_converter.convert(text))


def runs(normalised: str) -> list[str]:
    return RUN.findall(normalised)


def dictionary_entries(path: Path = DICTIONARY) -> list[tuple[str, int]]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, freq = line.partition(" ")
        entries.append((word, int(freq) if freq.strip().isdigit() else DEFAULT_FREQ))
    return entries


def _build(extra: Iterable[str]) -> rjieba.Jieba:
    jieba = rjieba.Jieba()
    for word, freq in dictionary_entries():
        jieba.add_word(normalise(word), freq, None)
    for word in extra:
        jieba.add_word(normalise(word), DEFAULT_FREQ, None)
    return jieba


def segmenter() -> rjieba.Jieba:
    global _jieba
    with _lock:
        if _jieba is None:
            _jieba = _build(_extra_terms)
        return _jieba


def set_extra_terms(terms: Iterable[str]) -> None:
    """Administrator-added terms (SearchTerm); rebuilds the segmenter lazily."""
    global _jieba, _extra_terms, _generation
    with _lock:
        _extra_terms = tuple(sorted({t.strip() for t in terms if t.strip()}))
        _jieba = None
        _generation += 1


def generation() -> int:
    """Which segmenter (dictionary) is current: cached query analyses are
    keyed by it."""
    return _generation


def words(normalised: str) -> list[str]:
    """Search-mode words of already normalised text (letters/digits kept whole)."""
    out: list[str] = []
    for run in runs(normalised):
        if CJK_RUN.fullmatch(run) and len(run) > 2:
            out.extend(w for w in segmenter().cut_for_search(run) if RUN.fullmatch(w))
        else:
            out.append(run)
    return out


def _covered(word: str, others: list[str]) -> bool:
    """Whether shorter words of the query cover every character of `word`."""
    covered = [False] * len(word)
    for other in others:
        if other == word:
            continue
        start = word.find(other)
        while start != -1:
            covered[start : start + len(other)] = [True] * len(other)
            start = word.find(other, start + 1)
    return all(covered)


def query_terms(normalised: str) -> list[str]:
    return list(_query_terms(normalised, _generation))


@functools.lru_cache(maxsize=4096)
def _query_terms(normalised: str, generation: int) -> tuple[str, ...]:
    """The terms a document must contain (all of them, anywhere).

    Search mode emits a long dictionary word together with the shorter
    dictionary words inside it (政务公开 → 政务, 公开, 政务公开). Where the short
    words cover the long one, they replace it, so a document that has them
    apart still matches (a traditional 政府信息公開 report about 政務 finds
    政務公開) and the whole phrase only ranks higher (`ranking`); a long word
    they do not cover (an administrator's 鹤城快办) stays whole. Every
    document containing the query as a substring contains its terms: recall
    is never lost.
    """
    terms: list[str] = []
    for word in words(normalised):
        if word not in terms:
            terms.append(word)
    split = {t for t in terms if _covered(t, terms)}
    return tuple(
        t
        for t in terms
        if t not in split
        and not any(o != t and t in o and o not in split for o in terms)
    )
