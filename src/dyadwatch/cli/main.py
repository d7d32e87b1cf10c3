"""The `dyadwatch` command: ingest, events, rejections, demo (see README for every command)."""
from __future__ import annotations

import atexit
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.console import Console

from dyadwatch.cli import eval_cmd, export_cmd, relations_cmd, stories_cmd
from dyadwatch.cli.context import err, require_db, state
from dyadwatch.cli.errors import handle
from dyadwatch.cli.options import check_range, date_bound
from dyadwatch.cli.formats import print_table, write_csv, write_jsonl
from dyadwatch.coding.ontology import PLOVER_TYPES
from dyadwatch.store import Store, resolve_db_path

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="dyadwatch: news reports in, a verifiable record of what states did to each other out.")


@app.callback()
def main(db: Annotated[Optional[str], typer.Option("--db", envvar="DYADWATCH_DB",
                                                    help="DuckDB file (default ./dyadwatch.duckdb).")] = None,
         debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of any error.")] = False) -> None:
    state.db = resolve_db_path(db)
    state.debug = debug


def _parse_dyad(dyad: str | None) -> tuple[str, str] | None:
    if dyad is None:
        return None
    parts = dyad.upper().replace("_", "-").split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise typer.BadParameter("use two three-letter codes like PRK-CHN", param_hint="--dyad")
    return parts[0], parts[1]


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="JSON Lines, .txt, .html files or folders of them.")],
    max_bytes: Annotated[int, typer.Option(help="Reject documents larger than this many bytes.")] = 2_000_000,
    published: Annotated[Optional[str], typer.Option(
        help="Publication date (YYYY-MM-DD) for documents that give none.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet for documents that name none.")] = None,
    url: Annotated[Optional[str], typer.Option(help="URL for documents that give none.")] = None,
    doc_timeout: Annotated[float, typer.Option(
        help="Reject a document not coded within this many seconds as 'timeout' (0: no limit).")] = 30.0,
    fail_on_reject: Annotated[bool, typer.Option(help="Exit 1 when any document was rejected.")] = False,
    learned: Annotated[bool, typer.Option(
        "--learned/--rules-only",
        help="Code with the learned trigger layer's vetoes, retypings and proposals on top of the rules "
             "(the default), or with the rules alone.")] = True,
    jobs: Annotated[Optional[int], typer.Option(
        help="Worker processes that code documents (default: every core; 1 codes in this process).")] = None,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask (a Dask cluster).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        help="With --engine dask: the scheduler address (default: a LocalCluster of --jobs workers).")] = None,
) -> None:
    """Read, code and store articles; bad documents are stored as rejections with a reason."""
    from dyadwatch.cli import ingest_run
    from dyadwatch.runner import ingest_paths

    ingest_run.check_paths(err, paths)
    defaults = ingest_run.run_defaults(err, published, outlet, url)
    timeout = ingest_run.check_timeout(err, doc_timeout)
    ingest_run.check_engine(err, engine, scheduler)
    with Store(state.db) as store:
        line = ingest_run.ProgressLine(err)
        with line.progress:
            report = ingest_paths(paths, store, max_bytes=max_bytes, progress=line, defaults=defaults,
                                  doc_timeout=timeout, jobs=ingest_run.check_jobs(err, jobs, paths), learned=learned,
                                  engine=engine, scheduler=scheduler)
    ingest_run.print_summary(err, report)
    if fail_on_reject and report.rejected:
        raise typer.Exit(code=ingest_run.EXIT_REJECTED)


@app.command()
def events(
    format: Annotated[str, typer.Option("--format", help="table, jsonl, csv or parquet (with --out).")] = "table",
    out: Annotated[Optional[Path], typer.Option("--out", help="With --format parquet: the file to write.")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="Only this dyad, either direction, e.g. PRK-CHN.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Only events dated on or after (YYYY[-MM[-DD]]).",
                                                 callback=date_bound)] = None,
    until: Annotated[Optional[str], typer.Option(help="Only events dated on or before (YYYY[-MM[-DD]]).",
                                                 callback=date_bound)] = None,
    plover: Annotated[Optional[str], typer.Option(help="Only this PLOVER type.")] = None,
    status: Annotated[Optional[str], typer.Option(help="Only asserted, negated or hypothetical events.")] = None,
    cluster: Annotated[Optional[str], typer.Option(help="Only the reports of this event cluster.")] = None,
) -> None:
    """Every stored event (filtered), as a table, JSON Lines or CSV on stdout."""
    if format not in {"table", "jsonl", "csv", "parquet"}:
        raise typer.BadParameter("choose table, jsonl, csv or parquet", param_hint="--format")
    if (format == "parquet") != (out is not None):
        raise typer.BadParameter("--format parquet writes a file: give both it and --out FILE", param_hint="--out")
    if plover and plover.upper() not in PLOVER_TYPES:
        raise typer.BadParameter(f"not a PLOVER type: {plover}", param_hint="--plover")
    if status and status not in {"asserted", "negated", "hypothetical"}:
        raise typer.BadParameter("choose asserted, negated or hypothetical", param_hint="--status")
    check_range(since, until)
    require_db()
    filters = dict(dyad=_parse_dyad(dyad), since=since, until=until, plover=plover.upper() if plover else None,
                   status=status, cluster_id=cluster)
    with Store(state.db, read_only=True) as store:
        if out is not None:
            from dyadwatch.store.export import write_events_file

            err.print(f"{write_events_file(store, out, **filters)} events → {out}", markup=False)
            return
        rows = store.events(**filters)
    if format == "jsonl":
        write_jsonl(rows)
    elif format == "csv":
        write_csv(rows)
    else:
        print_table(rows, Console())


@app.command()
def rejections() -> None:
    """Documents that were rejected, with their reasons."""
    require_db()
    with Store(state.db, read_only=True) as store:
        for rej in store.rejections():
            typer.echo(f"{rej.origin}\t{rej.reason}\t{rej.detail}")


@app.command()
def demo(fresh: Annotated[bool, typer.Option(help="Start from an empty database.")] = False) -> None:
    """Ingest the bundled sample corpus and print the top dyads with event counts by month."""
    from dyadwatch.demo import run_demo

    run_demo(state.db, fresh=fresh, console=Console())


eval_cmd.register(app)
export_cmd.register(app)
stories_cmd.register(app)
relations_cmd.register(app)


def run(argv: list[str] | None = None) -> None:
    """The `dyadwatch` entry point: errors end as one line on stderr (see cli/errors.py)."""
    try:
        code = app(args=argv, standalone_mode=False, prog_name="dyadwatch")
    except (Exception, typer.Abort) as exc:  # every error reaches the one-line handler
        code = handle(exc, debug=state.debug)
    sys.exit(code if isinstance(code, int) else 0)


def main() -> NoReturn:
    """The installed `dyadwatch` command: `run()`, then an exit that skips the interpreter's teardown."""
    try:
        run()
        code: object = 0
    except SystemExit as done:
        code = done.code
    exit_now(code)


def exit_now(code: object) -> NoReturn:
    """Exit as `sys.exit(code)` would, after the exit handlers and with flushed output, but without freeing
    every object one by one: tearing down a loaded model, gazetteer and lexicon (millions of objects)
    costs some 0.6 s of CPU at the end of a command that has nothing left to write."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()  # what a normal exit runs first: multiprocessing, logging, temporary files
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe ("| head"): exit as Python does when it cannot flush
            status = status or 120
    os._exit(status)


if __name__ == "__main__":
    main()
