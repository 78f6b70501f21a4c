"""The rich-text body: sanitising on input and plain text for scanning.

Allowed markup is what a published government document needs (headings,
paragraphs, emphasis, lists, tables, links, images, quotations). Never
scripts, event handlers, `style` beyond text alignment, forms, iframes or
`javascript:`/`data:` URLs.
"""

from __future__ import annotations

import html
import re

import nh3

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "p",
        "br",
        "hr",
        "h2",
        "h3",
        "h4",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "sub",
        "sup",
        "span",
        "div",
        "ol",
        "ul",
        "li",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "a",
        "img",
        "blockquote",
    }
)
# `style` only on blocks and cells, and only text-align survives (公文 titles
# and signatures are centred or right-aligned).
_ALIGNABLE = {"p", "div", "span", "td", "th", "h2", "h3", "h4"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: {"style"} for tag in _ALIGNABLE},
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "ol": {"start"},
}
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})


def sanitise_body(raw: str) -> str:
    """Clean HTML for storage and display."""
    return nh3.clean(
        raw,
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
        strip_comments=True,
    ).strip()


_BLOCK_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li|/tr|/h[2-4]|/td|/th)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")


def html_to_text(body: str) -> str:
    """Plain text of a body; block ends become line breaks, tags vanish."""
    text = _BLOCK_BREAK.sub("\n", body)
    text = _TAG.sub("", text)
    return html.unescape(text)
