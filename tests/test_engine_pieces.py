"""Long documents across workers: their pieces are coded side by side and joined back into one
document that stores what coding it in one process stores."""
from __future__ import annotations

import json
import os

import pytest

from dyadwatch.engine.pieces import code_split, piece_documents
from dyadwatch.engine.pool import code_in_pool
from dyadwatch.guarded import Coded
from dyadwatch.nlp.chunks import PIECE_CHARS
from dyadwatch.records import Document

PARAGRAPHS = (
    "Lithuania's foreign minister met his Polish counterpart in Vilnius on Monday to discuss {n} border posts.",
    "Ukraine accused Russia of shelling {n} power stations near Kharkiv, and the Kremlin denied the charge.",
    "The President of Chile said on Friday that his government would not recognise {n} decrees from Venezuela.",
    "Kenyan police arrested {n} protesters outside parliament in Nairobi after clashes on Tuesday.",
    "Germany pledged {n} million euros in humanitarian aid to Sudan, its development minister said.",
)


def long_text(chars: int) -> str:
    """Distinct paragraphs of our own news sentences (repeated ones would be cleaned away as boilerplate),
    in a varying order, until the text is `chars` long."""
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < chars:
        k = len(paragraphs)
        paragraphs.append(PARAGRAPHS[(k * 3) % len(PARAGRAPHS)].format(n=k + 2) + " "
                          + PARAGRAPHS[k % len(PARAGRAPHS)].format(n=2 * k + 3))
    return "\n\n".join(paragraphs)


def doc(n: int, text: str) -> Document:
    return Document(doc_id=f"d{n}", text=text, content_hash=f"h{n}", origin=f"o{n}")


def test_piece_documents_join_back_to_the_text_under_piece_ids():
    document = doc(1, long_text(3 * PIECE_CHARS))
    pieces = piece_documents(document)
    assert len(pieces) >= 3 and "".join(p.text for p in pieces) == document.text
    assert [p.doc_id for p in pieces] == ["d1"] + [f"d1#{k}" for k in range(1, len(pieces))]
    assert all(len(p.text) <= PIECE_CHARS for p in pieces)
    short = doc(2, "A short text.")
    assert piece_documents(short) == [short]


def test_split_documents_come_back_whole_and_in_order():
    docs = [doc(0, "short"), doc(1, long_text(25_000)), doc(2, "also short"), doc(3, long_text(12_000))]
    seen: list[str] = []

    def code_parts(parts):
        for part in parts:
            seen.append(part.doc_id)
            yield Coded(part, sentences=1)

    coded = list(code_split(docs, code_parts))
    assert [c.document for c in coded] == docs
    assert [c.sentences for c in coded] == [1, 3, 1, 2]
    assert seen == ["d0", "d1", "d1#1", "d1#2", "d2", "d3", "d3#1"]


def dies_on_a_marked_piece(batch: list[Document], doc_timeout: float | None) -> list[Coded]:
    """A worker task that dies on a piece that says so (as a crash in native code would)."""
    if any("WORKER DIES HERE" in d.text for d in batch):
        os._exit(3)
    return [Coded(d, sentences=1) for d in batch]


def test_a_piece_that_kills_its_worker_rejects_only_its_document():
    fatal = long_text(PIECE_CHARS) + "\n\nWORKER DIES HERE\n\n" + long_text(PIECE_CHARS)
    docs = [doc(0, long_text(15_000)), doc(1, fatal), doc(2, "short")]
    coded = list(code_in_pool(docs, 2, batch_size=2, worker=dies_on_a_marked_piece))
    assert [c.document.doc_id for c in coded] == ["d0", "d1", "d2"]
    assert [c.failure is None for c in coded] == [True, False, True]
    assert coded[1].failure.reason == "internal_error" and coded[1].failure.doc_id == "d1"


@pytest.mark.model
def test_a_long_document_split_across_workers_stores_what_one_process_stores(tmp_path):
    from dyadwatch.runner import ingest_paths
    from dyadwatch.store import Store

    articles = tmp_path / "long.jsonl"
    records = [{"id": "long", "text": long_text(4 * PIECE_CHARS), "published": "2024-05-06"},
               {"id": "short", "text": PARAGRAPHS[1], "published": "2024-05-06"}]
    articles.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    results = []
    for jobs in (1, 2):
        with Store(tmp_path / f"j{jobs}.duckdb") as store:
            report = ingest_paths([articles], store, jobs=jobs)
            rows = sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.events())
        results.append((report.stored, rows))
    assert results[0][0] == 2
    late = [json.loads(r) for r in results[0][1] if json.loads(r)["evidence"]["start"] > 3 * PIECE_CHARS]
    assert late and all(e["doc_id"] == "long" for e in late)  # events of the last piece, in document offsets
    assert results[0] == results[1]


def test_batches_are_bounded_in_documents_and_characters():
    from dyadwatch.engine.pool import _batches

    docs = [doc(n, "x" * size) for n, size in enumerate([10, 10, 30, 50, 5, 5, 5, 5])]
    sizes = [[len(d.text) for d in batch] for batch in _batches(docs, batch_size=3, max_chars=40)]
    assert sizes == [[10, 10], [30], [50], [5, 5, 5], [5]]
