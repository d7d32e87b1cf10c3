"""Helpers of the `ingest` command: checking its options, the progress line and the end-of-run summary.

Exit codes: 0 when every input was stored or rejected with a recorded reason; 1 with
`--fail-on-reject` when anything was rejected; 2 for a usage error (a missing path, an invalid
option value), reported as one line on stderr.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from dyadwatch.cli.clock import since_process_start
from dyadwatch.ingest.dates import parse_published
from dyadwatch.ingest.fields import MAX_CHARS, valid_text
from dyadwatch.runner import IngestReport, RunDefaults

EXIT_REJECTED = 1
EXIT_USAGE = 2
MAX_WARNINGS_SHOWN = 20


def usage_error(console: Console, message: str) -> typer.Exit:
    """Print one line on stderr; the caller raises the returned Exit (code 2)."""
    console.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(code=EXIT_USAGE)


def check_paths(console: Console, paths: list[Path]) -> None:
    """Exit 2 naming the first path that does not exist."""
    for path in paths:
        if not path.exists():
            raise usage_error(console, f"no such file or folder: {path}")


def run_defaults(console: Console, published: str | None, outlet: str | None, url: str | None) -> RunDefaults:
    """The per-run metadata options, checked; exit 2 naming the option and the accepted forms."""
    day: date | None = None
    if published is not None:
        day = parse_published(published)
        if day is None:
            raise usage_error(console, f"--published {published!r} is not a date: use YYYY-MM-DD, an ISO 8601 "
                                       "datetime (2024-06-19T08:00:00+09:00) or an RFC 2822 date")
    for option, value, limit in (("--outlet", outlet, MAX_CHARS["outlet"]), ("--url", url, MAX_CHARS["url"])):
        if value is not None and (not value.strip() or valid_text(value) is None or len(value) > limit):
            raise usage_error(console, f"{option} must be non-empty text of at most {limit:,} characters")
    return RunDefaults(published=day, outlet=outlet.strip() if outlet else None, url=url.strip() if url else None)


def check_timeout(console: Console, seconds: float) -> float | None:
    """--doc-timeout: positive seconds, or 0 for no limit."""
    if seconds < 0 or seconds != seconds:  # negative or NaN
        raise usage_error(console, "--doc-timeout must be a number of seconds >= 0 (0: no limit)")
    return seconds or None


# Below this much input, starting worker processes (each loading the model) costs more than it saves.
SMALL_INPUT_BYTES = 256_000


def check_jobs(console: Console, jobs: int | None, paths: list[Path]) -> int:
    """--jobs: a positive number of worker processes; by default every core, or 1 for small inputs."""
    from dyadwatch.engine.pool import default_jobs

    if jobs is None:
        return 1 if input_bytes(paths, SMALL_INPUT_BYTES) < SMALL_INPUT_BYTES else default_jobs()
    if jobs < 1:
        raise usage_error(console, "--jobs must be a whole number >= 1 (1: code in this process)")
    return jobs


def input_bytes(paths: list[Path], enough: int) -> int:
    """Bytes in the files under `paths`, counted until `enough` is reached."""
    total = 0
    for path in paths:
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            total += file.stat().st_size
            if total >= enough:
                return total
    return total


def check_engine(console: Console, engine: str, scheduler: str | None) -> None:
    """--engine local|dask; --scheduler only with dask."""
    if engine not in {"local", "dask"}:
        raise usage_error(console, f"--engine must be local or dask, not {engine!r}")
    if scheduler and engine != "dask":
        raise usage_error(console, "--scheduler needs --engine dask")


class ProgressLine:
    """The live progress line; its rates count documents stored and words read since the command started."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.completed} docs"),
                                 TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[stage]}"),
                                 TimeElapsedColumn(), console=console,
                                 transient=False)
        self.task = self.progress.add_task("ingest", total=None, rate="", stage="")

    def __call__(self, report: IngestReport, words: int) -> None:
        elapsed = max(since_process_start(), 1e-6)
        stage = "assigning stories" if report.stage == "stories" else ""
        self.progress.update(self.task, completed=report.seen, stage=stage,
                             rate=f"{report.stored / elapsed:.1f} stored docs/s, {report.words / elapsed:.0f} words/s")


def print_summary(console: Console, report: IngestReport) -> None:
    """Counts (rejections by reason), timings that add up to the wall clock, warnings, ignored fields."""
    total = since_process_start()
    starting = max(0.0, total - report.elapsed())
    rate = f"{report.stored / total:.2f} docs/s, {report.words / total:.0f} words/s" if total > 0 else ""
    console.print(f"stored {report.stored} documents ({report.events} events), {report.already_stored} already "
                  f"stored, {len(report.rejected)} rejected", markup=False, highlight=False, soft_wrap=True)
    console.print(f"took {total:.1f} s since the command started ({starting:.1f} s starting up, {report.coding_seconds:.1f} s "
                  f"reading and coding, {report.stories_seconds:.1f} s stories): {rate} over the whole command",
                  markup=False, highlight=False, soft_wrap=True)
    if report.rejected:
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(report.rejected_by_reason().items()))
        console.print(f"rejected by reason: {reasons}", markup=False, highlight=False, soft_wrap=True)
    for rej in report.rejected:
        console.print(f"  rejected {rej.origin}: {rej.reason} {rej.detail}".rstrip(), markup=False, highlight=False, soft_wrap=True)
    for warning in report.warnings[:MAX_WARNINGS_SHOWN]:
        console.print(f"  warning {warning}", markup=False, highlight=False, soft_wrap=True)
    if len(report.warnings) > MAX_WARNINGS_SHOWN:
        console.print(f"  ... and {len(report.warnings) - MAX_WARNINGS_SHOWN} more warnings", markup=False, soft_wrap=True)
    if report.ignored_fields:
        fields = ", ".join(f"{name} ({n})" for name, n in sorted(report.ignored_fields.items()))
        console.print(f"ignored JSON fields (records): {fields}", markup=False, highlight=False, soft_wrap=True)
