"""JSON Lines records to Articles: field names, aliases, types, lengths and valid Unicode.

Fields read: `id`, `title`, `text`, `html`, `published`, `outlet`, `url`, and the aliases `date`
(for published), `body` and `content` (for text) and `source` (for outlet, when it is a string);
a field given under its own name wins over an alias. Every other field is ignored, and its name
is kept on the Article (`ignored_fields`) so the end-of-run summary can say so.

A record is `malformed` when a field it uses has the wrong type (an object where a string
belongs), holds text that is not valid Unicode (lone surrogates from "\\udfff" escapes), or is
longer than its limit; `missing_text` when it has neither a text nor an html string.
"""
from __future__ import annotations

from typing import Any

from dyadwatch.ingest.ids import reject
from dyadwatch.records import Article, Rejection

FIELDS = ("id", "title", "text", "html", "published", "outlet", "url")
ALIASES = {"date": "published", "body": "text", "content": "text", "source": "outlet"}
# Longest accepted value per field, in characters (text and html are limited by --max-bytes).
MAX_CHARS = {"id": 512, "title": 2_000, "published": 100, "outlet": 500, "url": 8_000}


class FieldError(ValueError):
    """A field that cannot be stored as given."""


def article_from_record(record: Any, origin: str, raw_bytes: int) -> Article | Rejection:
    """An Article from one JSON object of the contract's shape, or the Rejection saying why not."""
    if not isinstance(record, dict):
        return reject(origin, "malformed", f"expected a JSON object, got {type(record).__name__}")
    given, ignored = _named_fields(record)
    try:
        doc_id = _scalar(given, "id")
        values = {name: _scalar(given, name) for name in ("title", "published", "outlet", "url")}
        text, html = _body(given, "text"), _body(given, "html")
    except FieldError as exc:
        return reject(origin, "malformed", str(exc), doc_id=_safe_id(given.get("id")))
    if text is None and html is None:
        return reject(origin, "missing_text", "needs a non-empty 'text' or 'html' string", doc_id=doc_id)
    return Article(origin=origin, id=doc_id, text=text, html=html, raw_bytes=raw_bytes,
                   ignored_fields=tuple(sorted(ignored)), **values)


def _named_fields(record: dict[Any, Any]) -> tuple[dict[str, Any], set[str]]:
    """The record's values under their canonical names, and the names of fields not read."""
    given = {key: value for key, value in record.items() if key in FIELDS}
    ignored: set[str] = set()
    for key, value in record.items():
        if key in FIELDS:
            continue
        name = ALIASES.get(key)
        if name == "outlet" and not isinstance(value, str):
            name = None  # "source" objects ({"name": ...}) are someone else's shape
        if name is None or name in given:
            ignored.add(valid_text(str(key)) or "(unprintable field name)")
        else:
            given[name] = value
    return given, ignored


def _scalar(given: dict[str, Any], name: str) -> str | None:
    """A short string field: strings stripped (empty → None), numbers as strings, null → None."""
    value = given.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise FieldError(f"'{name}' must be a string, not {type(value).__name__}")
    text = str(value).strip()
    _check_unicode(text, name)
    if len(text) > MAX_CHARS[name]:
        raise FieldError(f"'{name}' is {len(text):,} characters long (limit {MAX_CHARS[name]:,})")
    return text or None


def _body(given: dict[str, Any], name: str) -> str | None:
    """text or html: a non-blank string, else None (absent, blank or not a string)."""
    value = given.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(f"'{name}' must be a string, not {type(value).__name__}")
    if not value.strip():
        return None
    _check_unicode(value, name)
    return value


def _check_unicode(text: str, name: str) -> None:
    if valid_text(text) is None:
        raise FieldError(f"'{name}' holds unpaired surrogate code points (not valid Unicode)")


def valid_text(text: str) -> str | None:
    """`text` when it encodes as UTF-8, else None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return text


def _safe_id(value: Any) -> str | None:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        text = valid_text(str(value).strip())
        return text if text and len(text) <= MAX_CHARS["id"] else None
    return None
