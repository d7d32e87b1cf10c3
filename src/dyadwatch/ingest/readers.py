"""Reading inputs: JSON Lines, plain text and HTML files, and folders of them, into Articles.

Readers never raise for bad content: every input that cannot become an Article comes out as a
Rejection with a reason (not_found, unreadable, unsupported_type, bad_json, malformed, missing_text,
binary, undecodable, and oversized when a size limit is given); an unexpected exception while reading
one file or JSON line becomes an `internal_error` rejection of that input and reading goes on.
Folders are walked recursively in sorted order, skipping hidden files and folders.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from dyadwatch.ingest.encoding import DecodeFailure, decode_bytes
from dyadwatch.ingest.fields import article_from_record as _from_object
from dyadwatch.ingest.ids import internal_error, reject
from dyadwatch.records import Article, Rejection

JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES
MAX_TITLE_WORDS = 25
TOO_DEEP = "JSON nested too deeply to read"

Item = Article | Rejection


def read_inputs(paths: Iterable[str | Path], *, max_bytes: int | None = None,
                skip: set[Path] | frozenset[Path] = frozenset()) -> Iterator[Item]:
    """Articles (or rejections) from files and folders, in a deterministic order.

    Files of a folder whose resolved path is in `skip` (the database being written) are passed over.

    With `max_bytes`, a file or JSON line larger than that is rejected as "oversized" without
    being decoded (prepare() applies the same limit to whatever it is given).
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _read_folder(path, max_bytes, skip)
        elif path.is_file():
            yield from guarded_file(path, max_bytes)
        elif path.exists():
            yield reject(str(path), "unsupported_type", "not a regular file or folder")
        else:
            yield reject(str(path), "not_found", "no such file or folder")


def _read_folder(folder: Path, max_bytes: int | None, skip: set[Path] | frozenset[Path]) -> Iterator[Item]:
    for path in walk_folder(folder):
        if skip and path.resolve() in skip:
            continue
        if path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield from guarded_file(path, max_bytes)
        else:
            yield reject(str(path), "unsupported_type", f"extension {path.suffix or '(none)'!r} is not read in folders")


def guarded_file(path: Path, max_bytes: int | None) -> Iterator[Item]:
    """read_file, except that an exception ends only this file, as an internal_error rejection."""
    try:
        received = _modified_day(path)
        for item in read_file(path, max_bytes=max_bytes):
            yield replace(item, received=received) if isinstance(item, Article) else item
    except Exception as exc:  # noqa: BLE001 - recorded as the file's rejection, the run goes on
        yield internal_error(str(path), exc)


def _modified_day(path: Path) -> date | None:
    """The file's modification day: an article saved to it was published by then."""
    try:
        return date.fromtimestamp(path.stat().st_mtime)
    except (OSError, OverflowError, ValueError):
        return None  # read_file reports an unreadable file; a clock off the calendar gives no day


def walk_folder(folder: Path) -> list[Path]:
    """Every non-hidden file under `folder`, sorted by relative path; symlinked folders not followed."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, name) for name in files if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def read_file(path: Path, *, max_bytes: int | None = None) -> Iterator[Item]:
    """Articles in one file, chosen by extension; unknown extensions are read as plain text.

    JSON Lines files are streamed line by line; other files are read whole.
    """
    origin, suffix = str(path), path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES and suffix != ".json":
            with path.open("rb") as lines:
                yield from read_jsonl_lines(lines, origin, max_bytes)
            return
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            yield _oversized(origin, size, max_bytes)
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield reject(origin, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
        return
    if suffix == ".json":
        whole = _whole_json(raw, origin)
        yield from whole if whole is not None else read_jsonl_lines(raw.split(b"\n"), origin, max_bytes)
    else:
        yield _single(raw, origin, html=suffix in HTML_SUFFIXES)


def _oversized(origin: str, size: int, max_bytes: int) -> Rejection:
    return reject(origin, "oversized", f"{size:,} bytes > limit of {max_bytes:,} bytes")


def _single(raw: bytes, origin: str, *, html: bool) -> Item:
    text = decode_bytes(raw)
    if isinstance(text, DecodeFailure):
        return reject(origin, text.reason, text.detail)
    if html:
        return Article(origin=origin, html=text, raw_bytes=len(raw))
    return Article(origin=origin, text=text, title=guess_title(text), raw_bytes=len(raw))


def guess_title(text: str) -> str | None:
    """The first non-empty line when it reads like a headline above a body, else None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    first = lines[0]
    if first.endswith((".", ",", ";", ":")) or len(first.split()) > MAX_TITLE_WORDS:
        return None
    return first


def read_jsonl_lines(lines: Iterable[bytes], origin: str, max_bytes: int | None = None) -> Iterator[Item]:
    """One article per non-blank line; origins "path:line" count every line, blank ones included."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if max_bytes is not None and len(line) > max_bytes:
            yield _oversized(f"{origin}:{number}", len(line), max_bytes)
        else:
            yield _guarded_line(line, f"{origin}:{number}")


def _whole_json(raw: bytes, origin: str) -> list[Item] | None:
    """Items of a file that parses as one JSON value (array or object), else None.

    Origins: "path:1" for a single object, "path[n]" for the n-th element of an array.
    """
    text = decode_bytes(raw)
    if isinstance(text, DecodeFailure):
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return None
    except RecursionError:
        return [reject(f"{origin}:1", "malformed", TOO_DEEP)]
    if isinstance(value, dict):
        return [article_from_record(value, f"{origin}:1", raw_bytes=len(raw))]
    if isinstance(value, list):
        return [article_from_record(item, f"{origin}[{i}]", raw_bytes=_json_size(item))
                for i, item in enumerate(value, start=1)]
    return None


def _json_size(value: Any) -> int:
    try:
        return len(json.dumps(value).encode("utf-8", "surrogatepass"))
    except (RecursionError, ValueError):
        return 0  # too deep or not encodable: article_from_record rejects it as malformed


def _guarded_line(line: bytes, origin: str) -> Item:
    try:
        return _jsonl_line(line, origin)
    except Exception as exc:  # noqa: BLE001 - recorded as this line's rejection, the next line is read
        return internal_error(origin, exc)


def _jsonl_line(line: bytes, origin: str) -> Item:
    text = decode_bytes(line.rstrip(b"\r\n"))
    if isinstance(text, DecodeFailure):
        return reject(origin, text.reason, text.detail)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return reject(origin, "bad_json", f"{exc.msg} at column {exc.colno}")
    except RecursionError:
        return reject(origin, "malformed", TOO_DEEP)
    return article_from_record(record, origin, raw_bytes=len(line.rstrip(b"\r\n")))


def article_from_record(record: Any, origin: str, raw_bytes: int) -> Item:
    """An Article from one JSON value of the contract's shape (see dyadwatch.ingest.fields)."""
    if not isinstance(record, dict):
        return reject(origin, "bad_json", f"expected a JSON object, got {type(record).__name__}")
    return _from_object(record, origin, raw_bytes)
