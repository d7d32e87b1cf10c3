"""CLI commands for the relations stage: relations, dyads, report and serve (the web dashboard)."""
from __future__ import annotations

import csv
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from dyadwatch.cli.context import err, require_db, state
from dyadwatch.cli.options import check_range, choice, date_bound
from dyadwatch.coding.ontology import PLOVER_TYPES
from dyadwatch.display import MISSING, shown

FORMATS = ("table", "json", "csv")
TOKEN_ENV = "DYADWATCH_TOKEN"

CodeA = Annotated[str, typer.Argument(metavar="A", help="Three-letter actor code: ISO3 country such as PRK, or IGO ...")]
CodeB = Annotated[str, typer.Argument(metavar="B", help="The other actor code, e.g. CHN.")]
ByOpt = Annotated[str, typer.Option("--by", help="Period: day, week, month, quarter or year.")]
FormatOpt = Annotated[str, typer.Option("--format", help="table, json or csv.")]
DirectedOpt = Annotated[bool, typer.Option("--directed", help="Only events from A to B (default: both directions).")]
CountOpt = Annotated[str, typer.Option("--count", help="Count event clusters (default) or single reports.")]
SinceOpt = Annotated[Optional[str], typer.Option("--since", callback=date_bound,
                                                 help="Only events dated on or after (YYYY[-MM[-DD]]).")]
UntilOpt = Annotated[Optional[str], typer.Option("--until", callback=date_bound,
                                                 help="Only events dated on or before (YYYY[-MM[-DD]]).")]


def _code(value: str, hint: str) -> str:
    code = value.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise typer.BadParameter(f"{value!r} is not a three-letter code like PRK or CHN", param_hint=hint)
    return code


def _print_relations_table(rel, console: Console) -> None:
    bounds = f", {rel.since or '...'} to {rel.until or '...'}" if rel.since or rel.until else ""
    table = Table(title=f"{rel.label} by {rel.by}{bounds} ({rel.counted_as})")
    for col in ("period", "events", "reports", "coop v/m", "conflict v/m", "Goldstein", "mean", "net coop", "types"):
        table.add_column(col, justify="left" if col in ("period", "types") else "right")
    for p in rel.periods:
        table.add_row(p.period, str(p.events), str(p.reports), f"{p.verbal_cooperation}/{p.material_cooperation}",
                      f"{p.verbal_conflict}/{p.material_conflict}", f"{p.goldstein_sum:+.1f}",
                      shown(p.goldstein_mean, "{:+.2f}"), str(p.net_cooperation),
                      ", ".join(f"{k} {v}" for k, v in p.plover.items()))
    t = rel.totals
    table.add_row("all", str(t.events), str(t.reports), f"{t.verbal_cooperation}/{t.material_cooperation}",
                  f"{t.verbal_conflict}/{t.material_conflict}", f"{t.goldstein_sum:+.1f}",
                  shown(t.goldstein_mean, "{:+.2f}"), str(t.net_cooperation), MISSING,
                  style="bold")
    console.print(table)
    for item in rel.imprecise:
        console.print(f"  {item.events} dated only to {item.date} ({item.precision}): counted at coarser periods only")
    if rel.undated:
        console.print(f"  {rel.undated} without a date: counted in the totals only")
    for point in rel.turning_points:
        console.print(f"[bold]turning point {point.period}[/bold]: {point.direction} "
                      f"({point.before_mean:+.1f} → {point.after_mean:+.1f} net Goldstein per month)")
        for unit in point.drivers:
            console.print(f"   {shown(unit.date)} {shown(unit.source)} {unit.plover} {shown(unit.target)} {unit.goldstein:+.1f} "
                          f"[{unit.n_reports} reports]: {unit.evidence[:140]}")


def _write_relations_csv(rel) -> None:
    columns = ["period", "start", "events", "reports", "verbal_cooperation", "material_cooperation", "verbal_conflict",
               "material_conflict", "goldstein_sum", "goldstein_mean", "net_cooperation", "net_cooperation_share",
               *PLOVER_TYPES]
    writer = csv.DictWriter(sys.stdout, fieldnames=columns)
    writer.writeheader()
    for p in rel.periods:
        row = {k: v for k, v in asdict(p).items() if k != "plover"}
        writer.writerow({**row, **{t: p.plover.get(t, 0) for t in PLOVER_TYPES}})


def relations_command(
    a: CodeA, b: CodeB, by: ByOpt = "month", format: FormatOpt = "table", directed: DirectedOpt = False,
    count: CountOpt = "clusters", since: SinceOpt = None, until: UntilOpt = None,
) -> None:
    """How the relationship between A and B moves: events by period, Goldstein, net cooperation, turning points."""
    from dyadwatch.relations import COUNT_MODES, PERIODS, relations
    from dyadwatch.store import Store

    a, b = _code(a, "A"), _code(b, "B")
    choice(by, PERIODS, "--by")
    choice(format, FORMATS, "--format")
    choice(count, COUNT_MODES, "--count")
    check_range(since, until)
    require_db()
    with Store(state.db, read_only=True) as store:
        rel = relations(store, a, b, by=by, directed=directed, count=count,  # type: ignore[arg-type]
                        since=since, until=until)
    if format == "json":
        typer.echo(json.dumps(asdict(rel), ensure_ascii=False, indent=2))
    elif format == "csv":
        _write_relations_csv(rel)
    else:
        _print_relations_table(rel, Console())


def dyads_command(
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many dyads to list.")] = 20,
    window: Annotated[int, typer.Option("--window", min=1, help="Months in the recent window.")] = 3,
    sort: Annotated[str, typer.Option("--sort", help="events (most events) or change (biggest recent change).")] = "events",
    format: FormatOpt = "table", count: CountOpt = "clusters",
) -> None:
    """The dyads with most events and the biggest recent change in net Goldstein."""
    from dyadwatch.relations import COUNT_MODES, list_dyads
    from dyadwatch.relations.dyads import SORTS
    from dyadwatch.store import Store

    choice(sort, SORTS, "--sort")
    choice(format, FORMATS, "--format")
    choice(count, COUNT_MODES, "--count")
    require_db()
    with Store(state.db, read_only=True) as store:
        listing = list_dyads(store, limit=limit, window=window, sort=sort, count=count)  # type: ignore[arg-type]
    if format == "json":
        typer.echo(json.dumps(asdict(listing), ensure_ascii=False, indent=2))
        return
    rows = [asdict(d) for d in listing.dyads]
    if format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["dyad"])
        writer.writeheader()
        writer.writerows(rows)
        return
    window_label = f"{listing.recent[0]}..{listing.recent[-1]}" if listing.recent else "none"
    table = Table(title=f"Dyads by {sort} (recent window {window_label})")
    for col in ("dyad", "events", "Goldstein", "first", "last", "recent", "previous", "change"):
        table.add_column(col, justify="left" if col in ("dyad", "first", "last") else "right")
    for d in listing.dyads:
        table.add_row(d.dyad, str(d.events), f"{d.goldstein_sum:+.1f}", shown(d.first_date), shown(d.last_date),
                      f"{d.recent_events} ({d.recent_goldstein:+.1f})", f"{d.previous_events} ({d.previous_goldstein:+.1f})",
                      f"{d.change:+.1f}")
    Console().print(table)


def report_command(
    a: CodeA, b: CodeB,
    out: Annotated[Optional[Path], typer.Option("--out", help="HTML file to write (default report-A-B.html).")] = None,
    directed: DirectedOpt = False, count: CountOpt = "clusters", since: SinceOpt = None, until: UntilOpt = None,
) -> None:
    """Write a self-contained HTML report on A and B: timeline, turning points, top events, stories, contradictions."""
    from dyadwatch.relations import COUNT_MODES, write_report
    from dyadwatch.store import Store

    a, b = _code(a, "A"), _code(b, "B")
    choice(count, COUNT_MODES, "--count")
    check_range(since, until)
    require_db()
    target = out or Path(f"report-{a}-{b}.html")
    with Store(state.db, read_only=True) as store:
        data = write_report(store, a, b, target, directed=directed, count=count,  # type: ignore[arg-type]
                            since=since, until=until)
    typer.echo(str(target))
    err.print(data.summary)


def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to bind (default loopback only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    token: Annotated[Optional[str], typer.Option("--token", envvar=TOKEN_ENV, show_envvar=True,
                                                help="Enable POST /api/ingest, guarded by this bearer token.")] = None,
) -> None:
    """Serve the dashboard and JSON API (read-only unless started with a token)."""
    import uvicorn

    from dyadwatch.web.app import create_app

    require_db()
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning[/yellow]: binding {host} exposes the dashboard beyond this machine")
    app = create_app(state.db, token=token or None)
    err.print(f"dyadwatch dashboard on http://{host}:{port}/ ({'ingest enabled' if token else 'read-only'}); "
              f"API described at /openapi.json")
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("DYADWATCH_LOG_LEVEL", "warning"))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("relations")(relations_command)
    app.command("dyads")(dyads_command)
    app.command("report")(report_command)
    app.command("serve")(serve_command)
