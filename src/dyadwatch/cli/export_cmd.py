"""`dyadwatch export`: every table as Parquet (events partitioned by month), CSV or JSON Lines."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dyadwatch.cli.context import err, require_db, state


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        out: Annotated[Path, typer.Option("--out", help="Folder to write the tables into (created if missing).")],
        format: Annotated[str, typer.Option("--format", help="parquet, csv or jsonl.")] = "parquet",
    ) -> None:
        """Write events, documents, clusters, stories and story memberships for analysis tools."""
        from dyadwatch.store import Store
        from dyadwatch.store.export import FORMATS, export_store

        if format not in FORMATS:
            raise typer.BadParameter(f"choose {', '.join(FORMATS)}", param_hint="--format")
        if out.exists() and not out.is_dir():
            raise typer.BadParameter(f"{out} is a file, not a folder", param_hint="--out")
        require_db()
        with Store(state.db, read_only=True) as store:
            written = export_store(store, out, format)
        for item in written:
            err.print(f"{item.table}: {item.rows} rows → {item.path}", markup=False)
