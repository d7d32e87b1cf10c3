"""The demo: ingest the bundled sample corpus into a database and summarise the top dyads."""
from __future__ import annotations

from importlib.resources import as_file
from pathlib import Path

from rich.console import Console
from rich.table import Table

from dyadwatch.resources import data_file
from dyadwatch.runner import ingest_paths
from dyadwatch.store import Store


def run_demo(db: Path, *, fresh: bool, console: Console) -> None:
    if fresh:
        for suffix in ("", ".wal"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    with as_file(data_file("sample")) as sample_dir, Store(db) as store:
        report = ingest_paths([sample_dir], store)
        console.print(f"[bold]dyadwatch demo[/bold]: {report.stored} articles stored, {report.events} events, "
                      f"{len(report.rejected)} rejected → {db}")
        rows = store.dyad_month_counts(limit_dyads=5)
    table = Table(title="Top dyads: asserted events by month")
    for col in ("dyad", "month", "events"):
        table.add_column(col)
    for dyad, month, count in [(r[0], r[1], r[2]) for r in rows]:
        table.add_row(dyad, month, str(count))
    console.print(table)
    report_relations(db, "PRK", "CHN", console)


def report_relations(db: Path, a: str, b: str, console: Console) -> None:
    """Write the relations report for A-B next to the database; print its path and summary."""
    from dyadwatch.relations import write_report

    out = db.parent / f"report-{a}-{b}.html"
    with Store(db, read_only=True) as store:
        data = write_report(store, a, b, out)
    console.print(f"[bold]relations report[/bold]: {out}")
    console.print(data.summary)
