"""HTML to article text and metadata with trafilatura (main text only: no navigation, footer, comments).

Trafilatura puts each block element (paragraph, heading) on its own line; we turn those lines
into blank-line-separated paragraphs so the cleaner and the sentence splitter see one paragraph
per block.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HtmlContent:
    """What a page yields: main text (None when trafilatura finds none) and page metadata."""

    text: str | None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


class HtmlError(ValueError):
    """The page could not be parsed as HTML."""


def extract_html(html: str, url: str | None = None) -> HtmlContent:
    """Main text plus title, publication date, site name and canonical URL of one page."""
    import trafilatura  # imported here: it costs 0.1 s at every start, and most inputs are not HTML
    from lxml.etree import LxmlError

    try:
        result = trafilatura.bare_extraction(html, url=url, include_comments=False, include_tables=False,
                                             with_metadata=True)
    except (LxmlError, ValueError) as exc:
        raise HtmlError(f"{type(exc).__name__}: {exc}") from exc
    if result is None:
        return HtmlContent(text=None)
    text = result.text.replace("\n", "\n\n") if result.text else None
    return HtmlContent(text=text, title=_clean(result.title), published=_clean(result.date),
                       outlet=_clean(result.sitename), url=_clean(result.url))


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
