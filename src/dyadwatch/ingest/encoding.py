"""Bytes to text: encoding detection and binary detection, for raw files and for decoded strings.

Decoding, in order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); then strict UTF-8; then
`charset-normalizer`'s best guess. When that guess is a single-byte Western code page (it often
says cp1250 or mac_roman for a short Windows-1252 text) Windows-1252 is tried first: it is by far
the most common legacy encoding of English news and, unlike Latin-1, decodes curly quotes and
dashes; so it is when the text has too few non-ASCII bytes for a multi-byte guess to mean much. Only input that no encoding turns into prose-like text is rejected.

A text is binary when it holds NUL characters or when more than a small share of its characters are
control characters that never occur in prose (tab, newline, carriage return and form feed do).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

# Share of disallowed control characters above which input counts as binary. Prose has none;
# random bytes have about 12%, so 5% separates them with room for a few stray characters.
MAX_CONTROL_RATIO = 0.05
SAMPLE_SIZE = 65_536  # characters (or bytes) examined; binary formats show it early
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SINGLE_BYTE_FAMILIES = ("cp125", "latin", "iso8859", "mac_", "cp437", "cp850", "ascii")
FALLBACK = "cp1252"
# Below this many non-ASCII bytes a multi-byte guess (cp864, big5, ...) is noise: a few accented
# Latin-1 letters are far likelier in English news.
MIN_MULTIBYTE_EVIDENCE = 64


@dataclass(frozen=True)
class DecodeFailure:
    """Why bytes could not become text: reason "binary" or "undecodable", with a human detail."""

    reason: str
    detail: str


# Control characters (C0, DEL, C1) other than the prose ones (tab, newline,
# vertical tab, form feed, carriage return: codes 9 to 13): one
# regex scan counts them at C speed.
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")


def text_looks_binary(text: str) -> str | None:
    """A detail string when `text` looks like binary data, else None."""
    sample = text[:SAMPLE_SIZE]
    if "\x00" in sample:
        return "contains NUL characters"
    if not sample:
        return None
    controls = len(_CONTROL_CHAR.findall(sample))
    ratio = controls / len(sample)
    if ratio > MAX_CONTROL_RATIO:
        return f"{ratio:.0%} control characters"
    return None


def bytes_look_binary(raw: bytes) -> str | None:
    """A detail string when `raw` looks like binary data, else None."""
    sample = raw[:SAMPLE_SIZE]
    if b"\x00" in sample:
        return "contains NUL bytes"
    if not sample:
        return None
    controls = len(_CONTROL_BYTE.findall(sample))
    ratio = controls / len(sample)
    if ratio > MAX_CONTROL_RATIO:
        return f"{ratio:.0%} control bytes"
    return None


def decode_bytes(raw: bytes) -> str | DecodeFailure:
    """The text in `raw` (any byte-order mark dropped), or why the bytes are not text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(raw, encoding) or DecodeFailure("undecodable", f"not {encoding} despite its byte-order mark")
    if b"\x00" not in raw[:SAMPLE_SIZE]:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass  # not UTF-8: detect the encoding below
    for encoding in _candidates(raw):
        text = _checked(raw, encoding)
        if text is not None:
            return text
    binary = bytes_look_binary(raw)
    if binary:
        return DecodeFailure("binary", binary)
    return DecodeFailure("undecodable", "no text encoding fits these bytes")


def _candidates(raw: bytes) -> list[str]:
    """Encodings to try, most likely first (see the module docstring)."""
    best = charset_normalizer.from_bytes(raw[:SAMPLE_SIZE * 4]).best()
    guess = best.encoding if best is not None else None
    if guess is None:
        return [] if b"\x00" in raw[:SAMPLE_SIZE] else [FALLBACK]
    if guess.startswith(_SINGLE_BYTE_FAMILIES) or sum(b >= 0x80 for b in raw[:SAMPLE_SIZE]) < MIN_MULTIBYTE_EVIDENCE:
        return [FALLBACK, guess]
    return [guess]


def _checked(raw: bytes, encoding: str) -> str | None:
    """`raw` decoded strictly with `encoding` when the result reads as text, else None."""
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return None if text_looks_binary(text) else text
