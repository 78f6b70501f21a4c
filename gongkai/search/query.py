"""A user's query, analysed once: terms for matching, keys for exact lookups."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from gongkai.core.errors import DomainError
from gongkai.core.models import Organisation

from . import grams, registry, text
from .backends import Term
from .dictionary_terms import ensure_terms_loaded


class QueryError(DomainError):
    """The query cannot be searched (empty or too long)."""


@dataclass(frozen=True)
class Filters:
    organisation: Organisation | None = None
    year: int | None = None
    topic: int | None = None
    genre: str = ""
    validity: str = ""
    content_type: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def as_log(self) -> dict[str, str]:
        values = {
            "org": self.organisation.credit_code if self.organisation else None,
            "year": self.year,
            "topic": self.topic,
            "genre": self.genre,
            "validity": self.validity,
            "type": self.content_type,
            "from": self.date_from,
            "to": self.date_to,
        }
        return {k: str(v) for k, v in values.items() if v}


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    normalised: str
    compact: str  # letters/digits/Chinese only: the "exact phrase"
    terms: tuple[str, ...]
    exact_keys: tuple[str, ...]

    def backend_terms(self) -> list[Term]:
        return list(self._backend_terms)

    @functools.cached_property
    def _backend_terms(self) -> tuple[Term, ...]:
        return tuple(term_for(t) for t in self.terms)

    def phrase_term(self) -> Term | None:
        return self._phrase_term

    @functools.cached_property
    def _phrase_term(self) -> Term | None:
        """The whole query as one phrase, in the index's token stream (a
        Chinese run followed by another run keeps its last character, as
        `grams.run_grams` does)."""
        runs = text.runs(self.normalised)
        if not runs:
            return None
        if len(runs) == 1:
            return term_for(runs[0])
        tokens: list[str] = []
        for n, run in enumerate(runs):
            tokens_of_run = grams.run_grams(run)
            tokens.extend(
                tokens_of_run
                if n < len(runs) - 1 or len(tokens_of_run) == 1
                else tokens_of_run[:-1]
            )
        return Term(tuple(tokens))


def max_length() -> int:
    return int(settings.GONGKAI_SEARCH["max_query_length"])


def term_for(word: str) -> Term:
    if text.CJK_RUN.fullmatch(word):
        if len(word) == 1:
            return Term((word,), prefix=True)
        return Term(tuple(word[i : i + 2] for i in range(len(word) - 1)))
    return Term((word,))


def parse_query(raw: str) -> ParsedQuery:
    query = raw.strip()
    if not query:
        raise QueryError(_("请输入要查询的内容。"))
    if len(query) > max_length():
        raise QueryError(
            _("查询内容过长，请不超过 %(max)s 个字。") % {"max": max_length()}
        )
    ensure_terms_loaded()
    return _analysed(query, text.generation(), registry.version())


@functools.lru_cache(maxsize=2048)
def _analysed(query: str, generation: int, registry_version: int) -> ParsedQuery:
    """The analysis of a (stripped, checked) query: pure for a given
    dictionary and registry, so repeated queries are analysed once."""
    normalised = text.normalise(query)
    keys: list[str] = []
    for searchable in registry.registered():
        keys.extend(k for k in searchable.exact_keys(query) if k not in keys)
    return ParsedQuery(
        raw=query,
        normalised=normalised,
        compact="".join(text.runs(normalised)),
        terms=tuple(text.query_terms(normalised)),
        exact_keys=tuple(keys),
    )
