"""Writing event records as JSON Lines, CSV or a Rich table."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from dyadwatch.display import MISSING, shown
from dyadwatch.records import Actor, Event

CSV_COLUMNS = [
    "event_id", "doc_id", "sentence_index", "source_code", "source_text", "target_code", "target_text",
    "cameo", "plover", "goldstein", "quad_class", "status", "date", "date_basis", "attribution", "evidence",
    "cluster_id",
]


def write_jsonl(events: Iterable[Event], out: TextIO | None = None) -> None:
    out = out or sys.stdout  # looked up at call time, so redirection (and test runners) see it
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")


def csv_row(event: Event) -> dict[str, object]:
    return {
        "event_id": event.event_id, "doc_id": event.doc_id, "sentence_index": event.sentence_index,
        "source_code": event.source.code if event.source else "", "source_text": event.source.text if event.source else "",
        "target_code": event.target.code if event.target else "", "target_text": event.target.text if event.target else "",
        "cameo": event.cameo, "plover": event.plover, "goldstein": event.goldstein, "quad_class": event.quad_class,
        "status": event.status, "date": event.date or "", "date_basis": event.date_basis or "",
        "attribution": " < ".join(a.text for a in event.attribution), "evidence": event.evidence.text,
        "cluster_id": event.cluster_id or "",
    }


def write_csv(events: Iterable[Event], out: TextIO | None = None) -> None:
    writer = csv.DictWriter(out or sys.stdout, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for event in events:
        writer.writerow(csv_row(event))


def _actor_cell(actor: Actor | None) -> str:
    """The code, or the words of a doer no dictionary knows ("?Ibo elders"); MISSING for none."""
    if actor is None:
        return MISSING
    return actor.code or f"?{actor.text or actor.country or ''}"


def print_table(events: list[Event], console: Console) -> None:
    table = Table(title=f"{len(events)} events", show_lines=False)
    for col in ("date", "source", "plover", "target", "status", "evidence"):
        table.add_column(col, overflow="fold")
    for e in events:
        table.add_row(shown(e.date), _actor_cell(e.source), f"{e.plover} {e.cameo}",
                      _actor_cell(e.target), e.status, e.evidence.text[:120])
    console.print(table)
