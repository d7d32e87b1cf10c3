"""Readers: JSON Lines, .json, .txt, .html and folders in, Articles or Rejections out (never raises)."""
from __future__ import annotations

import json
import os
from pathlib import Path

from dyadwatch.ingest import read_inputs
from dyadwatch.records import Article, Rejection

BODY = ("Thailand and Cambodia agreed on Friday to reopen two border crossings closed since the spring, "
        "the Thai foreign ministry said after talks in Bangkok.")


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*records: dict | str) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def test_jsonl_articles_keep_every_field_and_line_origins(tmp_path):
    first = {"id": "th-01", "text": BODY, "title": "Border crossings to reopen", "url": "https://wire.test/th-01",
             "outlet": "wire.test", "published": "2024-05-17"}
    second = {"html": "<html><body><p>Page</p></body></html>"}
    path = write(tmp_path / "in.jsonl", jsonl(first, "", second))
    items = list(read_inputs([path]))
    assert [type(i) for i in items] == [Article, Article]
    a, b = items
    assert (a.id, a.text, a.title, a.url, a.outlet, a.published) == (
        "th-01", BODY, "Border crossings to reopen", "https://wire.test/th-01", "wire.test", "2024-05-17")
    assert a.origin == f"{path}:1" and b.origin == f"{path}:3"  # blank line 2 skipped, numbering kept
    assert a.raw_bytes == len(json.dumps(first, ensure_ascii=False).encode("utf-8"))
    assert b.html and b.text is None and b.id is None


def test_bad_json_and_missing_text_are_rejections_with_line_origins(tmp_path):
    path = write(tmp_path / "mixed.jsonl", jsonl({"id": "ok", "text": BODY}, '{"id": "broken", "text": ',
                                                  {"id": "no-body", "title": "Headline only"},
                                                  {"id": "blank", "text": "   "}, "[1, 2]"))
    items = list(read_inputs([path]))
    assert isinstance(items[0], Article)
    reasons = [(i.origin, i.reason) for i in items[1:]]
    assert reasons == [(f"{path}:2", "bad_json"), (f"{path}:3", "missing_text"), (f"{path}:4", "missing_text"),
                       (f"{path}:5", "bad_json")]
    assert items[2].doc_id == "no-body"


def test_undecodable_jsonl_line_does_not_spoil_the_others(tmp_path):
    good = json.dumps({"id": "a", "text": BODY}).encode()
    bad = b'{"id": "b", "text": "' + bytes(range(14, 32)) * 3 + b'"}'
    path = write(tmp_path / "enc.jsonl", good + b"\n" + bad + b"\n" + good.replace(b'"a"', b'"c"') + b"\n")
    items = list(read_inputs([path]))
    assert [getattr(i, "id", None) for i in items] == ["a", None, "c"]
    assert isinstance(items[1], Rejection) and items[1].origin == f"{path}:2"


def test_a_latin1_jsonl_line_is_decoded(tmp_path):
    line = '{"id": "b", "text": "Ch\u00e1vez met Lula in Bras\u00edlia"}'.encode("latin-1")
    [article] = read_inputs([write(tmp_path / "latin.jsonl", line + b"\n")])
    assert article.text == "Ch\u00e1vez met Lula in Bras\u00edlia"


def test_json_file_may_hold_an_array_or_json_lines(tmp_path):
    array = write(tmp_path / "arr.json", json.dumps([{"id": "x1", "text": BODY}, {"id": "x2", "text": BODY}], indent=2))
    lines = write(tmp_path / "lines.json", jsonl({"id": "y1", "text": BODY}, {"id": "y2", "text": BODY}))
    items = list(read_inputs([array, lines]))
    assert [i.id for i in items] == ["x1", "x2", "y1", "y2"]
    assert items[0].origin == f"{array}[1]" and items[3].origin == f"{lines}:2"


def test_text_file_title_is_first_line_and_text_is_whole_file(tmp_path):
    content = "Border crossings to reopen\n\n" + BODY + "\n"
    path = write(tmp_path / "story.txt", "\ufeff" + content)  # byte-order mark dropped
    [article] = read_inputs([path])
    assert article.text == content and article.title == "Border crossings to reopen"
    assert article.id is None and article.origin == str(path)
    assert article.raw_bytes == path.stat().st_size


def test_text_file_starting_with_a_sentence_has_no_title(tmp_path):
    [article] = read_inputs([write(tmp_path / "lead.txt", BODY + "\n\nA second paragraph follows here.\n")])
    assert article.title is None


def test_html_file_keeps_raw_html(tmp_path):
    html = "<html><head><title>Talks</title></head><body><p>" + BODY + "</p></body></html>"
    [article] = read_inputs([write(tmp_path / "page.HTM", html)])
    assert article.html == html and article.text is None and article.raw_bytes == len(html)


def test_nested_folders_in_sorted_order_skipping_hidden_and_flagging_other_types(tmp_path):
    root = tmp_path / "corpus"
    write(root / "b.txt", "Second file\n\n" + BODY)
    write(root / "a" / "z.html", "<p>" + BODY + "</p>")
    write(root / "a" / "deeper" / "x.jsonl", jsonl({"id": "deep-1", "text": BODY}))
    write(root / "a.txt", "First file\n\n" + BODY)
    write(root / ".hidden.txt", BODY)
    write(root / ".cache" / "c.txt", BODY)
    write(root / "notes.pdf", b"%PDF-1.4 not read")
    items = list(read_inputs([root]))
    origins = [Path(i.origin.split(":")[0]).relative_to(root).as_posix() for i in items]
    assert origins == ["a/deeper/x.jsonl", "a/z.html", "a.txt", "b.txt", "notes.pdf"]
    assert isinstance(items[-1], Rejection) and items[-1].reason == "unsupported_type"
    assert [type(i) for i in items[:-1]] == [Article] * 4
    assert list(read_inputs([root])) == items  # deterministic


def test_explicit_file_with_unknown_extension_is_read_as_text(tmp_path):
    [article] = read_inputs([write(tmp_path / "dispatch.md", "Crossings reopen\n\n" + BODY)])
    assert isinstance(article, Article) and BODY in article.text


def test_missing_path_is_not_found(tmp_path):
    [rej] = read_inputs([tmp_path / "nowhere.jsonl"])
    assert isinstance(rej, Rejection) and rej.reason == "not_found" and rej.origin.endswith("nowhere.jsonl")


def test_legacy_encodings_are_decoded_and_random_bytes_are_binary(tmp_path):
    prose = "Caf\u00e9 diplomacy in S\u00e3o Paulo: \u201cyes\u201d \u2013 Ch\u00e1vez said. " * 5
    latin = write(tmp_path / "latin.txt", prose.replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-")
                  .encode("latin-1"))
    windows = write(tmp_path / "cp1252.txt", prose.encode("cp1252"))
    utf16 = write(tmp_path / "utf16.txt", prose.encode("utf-16"))
    blob = write(tmp_path / "blob.dat", bytes(range(256)) * 4)
    items = list(read_inputs([latin, windows, utf16, blob]))
    assert "S\u00e3o Paulo" in items[0].text and [i.text for i in items[1:3]] == [prose, prose]
    assert (items[3].origin, items[3].reason) == (str(blob), "binary")


def test_rejection_ids_are_stable_across_reads(tmp_path):
    path = write(tmp_path / "bad.jsonl", "not json\n")
    first, second = list(read_inputs([path])), list(read_inputs([path]))
    assert first[0].rejection_id == second[0].rejection_id and first[0].rejection_id.startswith("r-")


def test_size_limit_rejects_big_files_and_lines_without_reading_them(tmp_path):
    big = write(tmp_path / "big.txt", "Crossings reopen\n\n" + BODY * 20)
    lines = write(tmp_path / "lines.jsonl", jsonl({"id": "small", "text": BODY}, {"id": "large", "text": BODY * 20}))
    items = list(read_inputs([big, lines], max_bytes=1_000))
    assert [(i.origin, getattr(i, "reason", "article")) for i in items] == [
        (str(big), "oversized"), (f"{lines}:1", "article"), (f"{lines}:2", "oversized")]
    assert "1,000" in items[0].detail


def test_empty_json_array_yields_nothing(tmp_path):
    assert list(read_inputs([write(tmp_path / "none.json", "[]")])) == []


def test_special_file_is_unsupported(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [rej] = read_inputs([fifo])
    assert rej.reason == "unsupported_type"


def test_articles_carry_their_files_modification_day(tmp_path):
    from datetime import date
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Peru protested to Chile on Monday about the border."}) + "\n")
    os.utime(path, (1683370000, 1683370000))  # 2023-05-06 10:46 UTC: the 5th or 6th in any time zone
    [article] = read_inputs([path])
    assert isinstance(article, Article) and article.received in {date(2023, 5, 6), date(2023, 5, 5)}


def test_a_folder_does_not_ingest_the_files_it_is_told_to_skip(tmp_path):
    (tmp_path / "story.txt").write_text("Peru protested to Chile on Monday about the border.\n")
    (tmp_path / "out.duckdb").write_bytes(b"DUCK" * 10)
    (tmp_path / "out.duckdb.wal").write_bytes(b"WAL")
    skip = {(tmp_path / "out.duckdb").resolve(), (tmp_path / "out.duckdb.wal").resolve()}
    assert [i.origin for i in read_inputs([tmp_path])] == [str(tmp_path / n) for n in
                                                           ("out.duckdb", "out.duckdb.wal", "story.txt")]
    assert [i.origin for i in read_inputs([tmp_path], skip=skip)] == [str(tmp_path / "story.txt")]
