"""Stable identifiers (content hashes, derived document ids, rejection ids) and rejection records.

Ids are pure functions of content (or of where a rejected input came from), so re-reading the
same inputs yields the same ids and re-ingesting is idempotent.
"""
from __future__ import annotations

import hashlib

from dyadwatch.records import Rejection

DOC_ID_PREFIX = "d-"
REJECTION_ID_PREFIX = "r-"
ID_HEX_CHARS = 16


def content_hash(text: str) -> str:
    """Full sha256 hex digest of the cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def derived_doc_id(text: str) -> str:
    """The id of a document that came without one: "d-" + 16 hex chars of its content hash."""
    return DOC_ID_PREFIX + content_hash(text)[:ID_HEX_CHARS]


def rejection_id(origin: str, reason: str) -> str:
    """Same input, same reason, same id: saving a rejection twice stores it once."""
    digest = hashlib.sha256(f"{origin}\x00{reason}".encode("utf-8", "surrogatepass")).hexdigest()
    return REJECTION_ID_PREFIX + digest[:ID_HEX_CHARS]


MAX_DETAIL_CHARS = 500
MAX_ORIGIN_CHARS = 2_000


def reject(origin: str, reason: str, detail: str = "", doc_id: str | None = None) -> Rejection:
    """A rejection record with its stable id; every field made storable (valid UTF-8, bounded)."""
    return Rejection(rejection_id=rejection_id(origin, reason), origin=storable(origin, MAX_ORIGIN_CHARS),
                     reason=reason, detail=storable(detail, MAX_DETAIL_CHARS),
                     doc_id=storable(doc_id, MAX_ORIGIN_CHARS) if doc_id is not None else None)


def internal_error(origin: str, exc: BaseException, doc_id: str | None = None) -> Rejection:
    """The rejection of an input whose handling raised `exc`: reason internal_error, detail "Type: message"."""
    return reject(origin, "internal_error", f"{type(exc).__name__}: {exc}", doc_id=doc_id)


def storable(text: str, limit: int) -> str:
    """`text` with lone surrogates escaped ("\\udfff") and cut to `limit` characters."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[:limit - 1] + "…"
