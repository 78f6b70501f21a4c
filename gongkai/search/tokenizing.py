"""The index tokens of entries (`grams.grams_of`, `grams.distinct_chars`).

Nothing here touches the database: a rebuild computes them in worker
processes (`rebuilding`), single writes in-process.
"""

from __future__ import annotations

from . import text
from .grams import distinct_chars, grams_of

Texts = tuple[str, str]  # (title, body): the text an entry is searched by
Tokens = tuple[str, str, str]  # (title tokens, body tokens, distinct characters)


def tokens_of(texts: list[Texts]) -> list[Tokens]:
    titles = [text.normalise(title) for title, _ in texts]
    bodies = [text.normalise(body) for _, body in texts]
    return list(
        zip(
            grams_of(titles),
            grams_of(bodies),
            map(distinct_chars, map(str.__add__, titles, bodies)),
            strict=True,
        )
    )
