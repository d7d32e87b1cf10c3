"""Generators of hostile inputs for the robustness tests: hypothesis strategies and a nasty folder.

Texts are built from a small vocabulary of our own (no gold or seed sentences): a "good" record
is a short English report that must be stored; everything else may be stored or rejected but
must never crash a run or cost another document.
"""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

COUNTRIES = ("Chile", "Peru", "Japan", "India", "Kenya", "Norway", "Brazil", "Egypt")
VERBS = ("met", "criticised", "signed a trade deal with", "accused", "praised", "recalled its envoy from")
NASTY_CHARS = ["\u202e", "\u202d", "\u2066", "\u200b", "\ufeff", "\x00", "\x07", "\x1b", "\ud800", "\udfff",
               "\U0001f600", "\U0001f1f0", "\U0001f1f7", "\u0301", "\r", "\u2028", "é", "“", "—"]
ODD_DATES = [None, "", "2024-06-19", "0001-01-01", "9999-12-31", "99999-01-01", "2024-02-30", "yesterday",
             1718755200, 10 ** 30, -1, 1.5e308, True, [], {"y": 2024}, "Wed, 19 Jun 2024 08:00:00 +0900",
             "2024-06-19T25:61:00", "9999-12-31T23:59:59-23:59"]


def good_text(a: str, b: str, verb: str, day: str) -> str:
    return f"{a} {verb} {b} on {day}, officials in {a} said. The talks in {b} ended without a joint statement."


good_texts = st.builds(good_text, st.sampled_from(COUNTRIES), st.sampled_from(COUNTRIES), st.sampled_from(VERBS),
                       st.sampled_from(("Monday", "Wednesday", "June 3", "last week")))
nasty_strings = st.one_of(
    st.text(st.sampled_from(NASTY_CHARS) | st.characters(), max_size=40),
    st.builds(lambda t, c, i: t[:i] + c + t[i:], good_texts, st.sampled_from(NASTY_CHARS), st.integers(0, 60)),
    st.just("x" * 5000), st.just("Seoul protested on Monday."),
)
any_value = st.one_of(st.none(), nasty_strings, st.integers(), st.floats(allow_nan=True), st.booleans(),
                      st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
                      st.sampled_from(ODD_DATES))


@st.composite
def nasty_records(draw) -> dict:
    """A JSON Lines record with missing, wrong-typed, huge and odd fields."""
    record = {}
    for name in ("id", "title", "text", "html", "published", "outlet", "url", "date", "body", "source", "extra"):
        if draw(st.booleans()):
            record[name] = draw(any_value if name != "published" else st.sampled_from(ODD_DATES) | any_value)
    return record


@st.composite
def good_records(draw, index: int = 0) -> dict:
    """A record that must be stored: a unique id, a short English report, maybe an odd date."""
    return {"id": f"good-{index}-{draw(st.integers(0, 10 ** 9))}", "text": draw(good_texts),
            "published": draw(st.sampled_from(ODD_DATES[:6] + ["2023-12-31", "1999-01-01"])),
            "outlet": draw(st.sampled_from(["Wire", "Daily", None]))}


def jsonl_line(record: dict) -> bytes:
    """One line as json.dumps writes it; lone surrogates travel as \\udfff escapes, as in the wild."""
    return json.dumps(record, ensure_ascii=True, allow_nan=True).encode("ascii")


def deep_json(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


def long_text(chars: int) -> str:
    """Distinct paragraphs (cleaning drops repeated ones) adding up to at least `chars` characters."""
    paragraphs, size, i = [], 0, 0
    while size < chars:
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 3 + 1) % len(COUNTRIES)]
        paragraphs.append(good_text(a, b, VERBS[i % len(VERBS)], f"day {i}") + f" Round {i} of the talks closed.")
        size += len(paragraphs[-1]) + 2
        i += 1
    return "\n\n".join(paragraphs)


def write_nasty_folder(folder: Path, long_chars: int) -> dict[str, str]:
    """The kinds of input of issue 13, generated; returns {file name: what it is}."""
    folder.mkdir(parents=True, exist_ok=True)
    report = good_text("Chile", "Peru", "met", "Monday") + "\n\n"
    kinds: dict[str, str] = {}

    def put(name: str, data: bytes, kind: str) -> None:
        (folder / name).write_bytes(data)
        kinds[name] = kind

    put("long.txt", long_text(long_chars).encode(), "longer than nlp.max_length")
    put("deep.json", b'{"text": ' + deep_json(5000) + b"}", "nested 5,000 levels deep")
    put("deep-line.jsonl", b'{"id": "deep", "text": ' + deep_json(5000) + b"}\n", "a deep JSON line")
    put("dates.jsonl", b"\n".join(jsonl_line({"id": f"date-{i}", "text": report + f"Talks on Wednesday, next Monday ({i}).",
                                              "published": value}) for i, value in enumerate(
        ["99999-01-01", 10 ** 30, "0001-01-01", "9999-12-31", 1e300])) + b"\n", "dates off and at the calendar ends")
    put("surrogates.jsonl", b"\n".join(jsonl_line({"id": ident, "title": title, "outlet": outlet, "text": report})
                                       for ident, title, outlet in [("\udfff", "t", "o"), ("s-2", "\udfff", "o"),
                                                                    ("s-3", "t", "\udfff")]) + b"\n",
        "lone surrogates in id, title, outlet")
    put("cp1252.txt", "Chávez met Lula in Brasília on Monday, “officials” said – again.".encode("cp1252"), "Windows-1252")
    put("latin1.txt", "Chávez met Lula in Brasília on Monday, officials said.".encode("latin-1"), "Latin-1")
    put("utf16.txt", good_text("Japan", "India", "praised", "Friday").encode("utf-16"), "UTF-16 with BOM")
    put("brief.txt", b"Seoul protested on Monday.", "a one-line brief")
    put("dateline.txt", b"SEOUL, June 19 (Yonhap) -- " + report.encode(), "a wire dateline, no date")
    put("page.html", f"<html><head><title>T</title></head><body><p>{report}</p></body></html>".encode(), "HTML")
    put("binary.txt", bytes(range(256)) * 8, "binary")
    put("aliases.jsonl", jsonl_line({"id": "alias", "body": good_text("Kenya", "Egypt", "accused", "Sunday"), "date": "2024-06-19", "source": "Wire",
                                     "lang": "en"}) + b"\n", "field aliases and an extra field")
    return kinds


def write_batch(folder: Path, records: list[dict], files: list[tuple[str, bytes]]) -> int:
    """`records` as one JSON Lines file and `files` as files of their suffixes in `folder`; returns how many
    inputs ingest must account for (non-blank lines and files)."""
    lines = [jsonl_line(r) for r in records]
    (folder / "records.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    for i, (suffix, data) in enumerate(files):
        (folder / f"file{i}{suffix}").write_bytes(data)
    return sum(1 for line in lines if line.strip()) + len(files)
