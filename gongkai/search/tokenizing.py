"""The index tokens of entries (`text.grams`, `text.distinct_chars`).

Nothing here touches the database: a rebuild computes them in worker
processes (`rebuilding`), single writes in-process.
"""

from __future__ import annotations

from . import text

Texts = tuple[str, str]  # (title, body): the text an entry is searched by
Tokens = tuple[str, str, str]  # (title tokens, body tokens, distinct characters)


def tokens_of(texts: list[Texts]) -> list[Tokens]:
    out: list[Tokens] = []
    for title, body in texts:
        title, body = text.normalise(title), text.normalise(body)
        out.append(
            (
                text.normalised_grams(title),
                text.normalised_grams(body),
                text.distinct_chars(title + body),
            )
        )
    return out
