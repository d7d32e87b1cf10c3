"""From Article to Document: size, binary and encoding checks, HTML extraction, cleaning,
substance and language checks, metadata and ids. Every failure is a Rejection with a reason.

Checks run in this order, the first failure deciding the reason: oversized, binary, undecodable,
bad_html, empty, non_english. An unparseable `published` is kept as None, never a rejection.
"""
from __future__ import annotations

import re
from datetime import date

from dyadwatch.ingest.clean import clean_text, normalize
from dyadwatch.ingest.dates import parse_published
from dyadwatch.ingest.encoding import text_looks_binary
from dyadwatch.ingest.html import HtmlContent, HtmlError, extract_html
from dyadwatch.ingest.ids import content_hash, derived_doc_id, reject
from dyadwatch.ingest.language import measure_language
from dyadwatch.records import Article, Document, Rejection

DEFAULT_MAX_BYTES = 2_000_000
# "Empty" means no substance left: fewer than MIN_WORDS words, unless a complete sentence is there:
# at least MIN_SENTENCE_WORDS words ending in . ! or ?, one of them a lower-case word (a verb or
# function word, which names and headline fragments in title case lack). One-sentence briefs
# ("Seoul protested on Monday.") are real documents; a lone headline ("Talks resumed.",
# "Manila and Hanoi sign coast guard hotline deal") or a copyright line is not.
MIN_WORDS = 20
USABLE_YEARS = (2, 9998)  # publication years kept (see _publication)
MIN_SENTENCE_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]」』]*$")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
# A word: a run of word characters, except that each Chinese or Japanese character counts as one
# (those scripts do not separate words with spaces).
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|\w+(?:[-'’]\w+)*")


def prepare(article: Article, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | Rejection:
    """The cleaned, checked Document for `article`, or the Rejection saying why not."""
    origin, given_id = article.origin, article.id
    text = article.text if article.text and article.text.strip() else None
    raw = text if text is not None else article.html
    if raw is None or not raw.strip():
        return reject(origin, "missing_text", "needs a non-empty text or html", doc_id=given_id)
    size = article.raw_bytes or len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        return reject(origin, "oversized", f"{size:,} bytes > limit of {max_bytes:,} bytes", doc_id=given_id)
    binary = text_looks_binary(raw)
    if binary:
        return reject(origin, "binary", binary, doc_id=given_id)
    if not _encodable(raw):
        return reject(origin, "undecodable", "holds unpaired surrogate code points", doc_id=given_id)

    page = HtmlContent(text=None)
    if article.html and (text is None or _missing_metadata(article)):
        try:
            page = extract_html(article.html, article.url)
        except HtmlError as exc:
            return reject(origin, "bad_html", str(exc), doc_id=given_id)
    body = text if text is not None else page.text
    title = _one_line(article.title) or _one_line(page.title)
    cleaned = clean_text(body or "", title)

    if not has_substance(cleaned):
        detail = "no main text found in the page" if body is None else f"{count_words(cleaned)} words after cleaning"
        return reject(origin, "empty", detail, doc_id=given_id)
    verdict = measure_language(cleaned)
    if not verdict.is_english:
        return reject(origin, "non_english", verdict.describe(), doc_id=given_id)

    published, dropped = _publication(article.published, page.published)
    received = article.received or date.today()
    warnings: tuple[str, ...] = ()
    if published is None:
        published, note = _from_dateline(cleaned, received)
        warnings += (note,) if note else ()
    if dropped:  # said after the dateline step, which may still give the document a date
        warnings = (f"{dropped}: " + ("stored undated" if published is None else "not used"),) + warnings
    return Document(
        doc_id=given_id or derived_doc_id(cleaned), text=cleaned, content_hash=content_hash(cleaned),
        origin=origin, title=title, url=article.url or page.url, outlet=article.outlet or page.outlet,
        published=published, warnings=warnings, received=received,
    )


def _from_dateline(text: str, received: date) -> tuple[date | None, str | None]:
    from dyadwatch.nlp.datelines import dateline_publication  # its module imports spaCy: only when needed

    return dateline_publication(text, received)


def _publication(given: str | None, from_page: str | None) -> tuple[date | None, str | None]:
    """The publication date, and what is wrong with a given one that cannot be used.

    Dates within a year of the calendar's ends (years 1 and 9999) parse but are dropped: nothing
    relative can be anchored on them, and story windows around them would leave the calendar.
    """
    for value in (given, from_page):
        day = parse_published(value)
        if day is not None and not USABLE_YEARS[0] <= day.year <= USABLE_YEARS[1]:
            return None, f"published {value!r} is at the end of the calendar"
        if day is not None:
            return day, None
    if given:
        return None, f"published {given[:40]!r} is not a date between years 1 and 9999"
    return None, None


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def has_substance(text: str) -> bool:
    """At least MIN_WORDS words, or one complete sentence of MIN_SENTENCE_WORDS words or more."""
    if count_words(text) >= MIN_WORDS:
        return True
    return any(_SENTENCE_END.search(line) and count_words(line) >= MIN_SENTENCE_WORDS and _LOWER_WORD.search(line)
               for line in text.split("\n"))


def _missing_metadata(article: Article) -> bool:
    return not (article.title and article.published and article.outlet and article.url)


def _encodable(text: str) -> bool:
    """False for strings holding lone surrogates (JSON "\\ud800" escapes), which are not text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(normalize(value).split()) or None
