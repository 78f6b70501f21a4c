"""The tsvector and tsquery literals of PostgreSQL's token tables
(`postgres`): written by the application, so PostgreSQL's locale-dependent
text parser never sees Chinese text."""

from __future__ import annotations

from .base import Term

PART_TOKENS = 16000
OVERLAP = 256  # > the longest query (200 characters → ≤ 200 tokens)
CHAR_MARK = "#"  # no token holds it (text.RUN)


def _quote(token: str) -> str:
    return "'" + token.replace("'", "''").replace("\\", "\\\\") + "'"


def tsvector_literal(tokens: list[str], chars: str = "", *lexemes: str) -> str:
    """`tokens` with their positions, then the characters `chars` (space-
    separated) as marked lexemes and `lexemes`, both without positions."""
    positions: dict[str, list[int]] = {}
    for position, token in enumerate(tokens, start=1):
        positions.setdefault(token, []).append(position)
    return " ".join(
        [
            *(
                f"{_quote(token)}:{','.join(map(str, found[:256]))}"
                for token, found in positions.items()
            ),
            *_plain(chars, lexemes),
        ]
    )


def terms_literal(tokens: list[str], chars: str, *lexemes: str) -> str:
    """Each of `tokens` once, the marked characters and `lexemes`, without
    positions (the terms table)."""
    return " ".join([*map(_quote, dict.fromkeys(tokens)), *_plain(chars, lexemes)])


def _plain(chars: str, lexemes: tuple[str, ...]) -> list[str]:
    return [*(_quote(CHAR_MARK + c) for c in chars.split()), *map(_quote, lexemes)]


def tsquery_literal(term: Term) -> str:
    """The term exactly: its phrase, or its character."""
    if term.prefix:
        return _quote(CHAR_MARK + term.tokens[0])
    return " <-> ".join(_quote(t) for t in term.tokens)


def candidates_literal(term: Term) -> str:
    """What GIN answers without rechecking rows: the term's tokens anywhere in
    one row (every row holding the phrase holds them)."""
    if term.prefix:
        return tsquery_literal(term)
    return " & ".join(_quote(t) for t in dict.fromkeys(term.tokens))


def is_phrase(term: Term) -> bool:
    return not term.prefix and len(term.tokens) > 1


def parts(tokens: list[str]) -> list[list[str]]:
    if len(tokens) <= PART_TOKENS:
        return [tokens]
    step = PART_TOKENS - OVERLAP
    return [tokens[i : i + PART_TOKENS] for i in range(0, len(tokens) - OVERLAP, step)]
