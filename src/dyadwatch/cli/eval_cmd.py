"""`dyadwatch eval`: score stored (or exported) events against a gold file in either shared format."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from dyadwatch.cli.context import require_db, state
from dyadwatch.cli.errors import UserError
from dyadwatch.evaluation import score_gold, score_gsr, score_stories
from dyadwatch.evaluation.breakdown import MISS_KINDS, GroupScore, breakdown, split_scores, stories_subset


def _read_text(path: Path, what: str) -> str:
    if not path.exists():
        raise UserError(f"{what} not found: {path}")
    if path.is_dir():
        raise UserError(f"{what} is a folder, not a file: {path}")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{what} is not UTF-8 text: {path}") from None


def _read_json(path: Path, what: str, text: str | None = None, line: int | None = None) -> object:
    try:
        return json.loads(_read_text(path, what) if text is None else text)
    except json.JSONDecodeError as exc:
        where = f" line {line}" if line is not None else ""
        raise UserError(f"{what} {path}{where} is not valid JSON ({exc.msg} at column {exc.colno})") from None


def _read_jsonl(path: Path, what: str = "JSON Lines file") -> list[dict]:
    lines = _read_text(path, what).splitlines()
    return [_read_json(path, what, text, n) for n, text in enumerate(lines, 1) if text.strip()]  # type: ignore[misc]


def _load_events(events_file: Path | None) -> list[dict]:
    if events_file is not None:
        return _read_jsonl(events_file, "events file")
    from dyadwatch.store import Store

    require_db()
    with Store(state.db, read_only=True) as store:
        return [e.to_dict() for e in store.events()]


def _load_stories(stories_file: Path | None) -> list[dict]:
    if stories_file is not None:
        return _read_jsonl(stories_file, "stories file")
    from dyadwatch.store import Store
    from dyadwatch.stories import load_stories

    require_db()
    with Store(state.db, read_only=True) as store:
        return [story.to_dict() for story in load_stories(store)]


def _print_stories(data: dict, events: list[dict], stories: list[dict], as_json: bool, console: Console) -> None:
    res = score_stories(data, events, stories)
    summary = {"story_precision": res.story_precision, "story_recall": res.story_recall, "story_f1": res.story_f1,
               "corroborated_joined": res.corroborated_joined, "corroborated_total": len(res.corroborated),
               "mixed_clusters": len(res.mixed_clusters), "mixed_best_match": len(res.mixed_best_match),
               "clusters": [vars(c) for c in res.corroborated]}
    if as_json:
        typer.echo(json.dumps(summary, indent=1))
        return
    for c in res.corroborated:
        origins = "" if c.expected_origins is None else f"  origins {c.origins} (gold {c.expected_origins})"
        console.print(f"  {c.cluster:28} {'joined' if c.joined else 'NOT joined'}{origins}", markup=False)
    console.print(f"story_f1 {res.story_f1:.3f} (precision {res.story_precision:.3f}, recall {res.story_recall:.3f})  "
                  f"corroborated {res.corroborated_joined}/{len(res.corroborated)}  mixed_clusters "
                  f"{len(res.mixed_clusters)}  mixed_best_match {len(res.mixed_best_match)}")


def _confusion_table(confusion: Counter, title: str) -> Table:
    gold_types = sorted({g for g, _ in confusion})
    system_types = sorted({s for _, s in confusion})
    table = Table(title=title)
    table.add_column("gold \\ system")
    for s in system_types:
        table.add_column(s[:8], justify="right")
    for g in gold_types:
        table.add_row(g, *[str(confusion.get((g, s), "")) for s in system_types])
    return table


def _groups_table(groups: list[GroupScore], title: str) -> Table:
    table = Table(title=title)
    for name in ("stories", "docs", "precision", "recall", "f1", "dated", "forbidden"):
        table.add_column(name, justify="left" if name == "stories" else "right")
    for g in groups:
        table.add_row(g.name, str(g.documents), f"{g.precision:.3f}", f"{g.recall:.3f}", f"{g.f1:.3f}",
                      f"{g.dated_recall:.3f}", str(g.forbidden))
    return table


def _names(listed: str | None) -> set[str]:
    return {name.strip() for name in (listed or "").split(",") if name.strip()}


def _kinds(counts: Counter, order: tuple[str, ...]) -> str:
    return ", ".join(f"{kind} {counts.get(kind, 0)}" for kind in order)


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def evaluate(
        gold: Annotated[Path, typer.Argument(help="Gold file: seeds format (JSON object) or PLOVER GSR (JSON list).")],
        events_file: Annotated[Optional[Path], typer.Option("--events", help="Score this JSON Lines file instead of the database.")] = None,
        errors: Annotated[int, typer.Option("--errors", help="How many missed and spurious events to list.")] = 20,
        as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
        stories: Annotated[bool, typer.Option("--stories", help="Score stories and event clusters instead "
                                                               "(seeds format only).")] = False,
        stories_file: Annotated[Optional[Path], typer.Option(
            "--stories-file", help="With --stories: read stories from this JSON Lines file.")] = None,
        split: Annotated[Optional[str], typer.Option(
            "--split", help="Comma-separated gold stories: figures for them and for all the others; errors are "
                         "listed for these stories only.")] = None,
        only: Annotated[Optional[str], typer.Option(
            "--only", help="Comma-separated gold stories: score (and list the errors of) these alone.")] = None,
    ) -> None:
        """Precision, recall, dates, forbidden hits, a PLOVER confusion matrix and the errors."""
        data = _read_json(gold, "gold file")
        if not isinstance(data, (dict, list)):
            raise UserError(f"gold file {gold} is neither the seeds format (an object) nor the PLOVER gold (a list)")
        events = _load_events(events_file)
        if only and isinstance(data, dict):
            data = stories_subset(data, _names(only))
        console = Console()
        if stories:
            if isinstance(data, list):
                raise typer.BadParameter("the PLOVER gold standard has no stories", param_hint="--stories")
            _print_stories(data, events, _load_stories(stories_file), as_json, console)
            return
        if isinstance(data, list):
            res = score_gsr(data, events)
            summary = {"records": res.records, "type_recall": res.type_recall, "tuple_recall": res.tuple_recall,
                       "type_precision": res.type_precision,
                       "first_event_type_accuracy": res.first_event_type_accuracy,
                       "per_type_recall": res.per_type_recall}
            if as_json:
                typer.echo(json.dumps(summary, indent=1))
                return
            console.print(_confusion_table(res.confusion, "PLOVER confusion (gold vs first system event)"))
            for rec in res.misses[:errors]:
                console.print(f"MISSED {rec['event']}: {rec['text']}", markup=False)
            console.print(f"records {res.records}  type_recall {res.type_recall:.3f}  tuple_recall "
                          f"{res.tuple_recall:.3f}  type_precision {res.type_precision:.3f}")
            return
        res = score_gold(data, events)
        parts = breakdown(data, events)
        worked = _names(split)
        groups = split_scores(data, events, worked) if worked else []
        summary = {"precision": res.precision, "recall": res.recall, "f1": res.f1,
                   "dated_recall": res.dated_recall, "forbidden": res.forbidden, "totals": res.totals,
                   "stories": [vars(g) for g in parts.groups], "miss_kinds": dict(parts.miss_kinds),
                   "spurious_kinds": dict(parts.spurious_kinds), "wrong_dates": parts.wrong_dates,
                   "split": [vars(g) for g in groups]}
        if as_json:
            typer.echo(json.dumps(summary, indent=1))
            return
        if len(parts.groups) > 1:
            console.print(_groups_table(parts.groups, "Per story"))
        if groups:
            console.print(_groups_table(groups, "Stories worked from vs the others"))
        console.print(_confusion_table(res.confusion, "PLOVER confusion (gold key events vs system, same actors)"))
        listed = score_gold(stories_subset(data, worked), events) if worked else res  # the others stay unread
        if worked and errors:
            console.print("errors listed for the stories worked from only (--split keeps the others unread)",
                          markup=False)
        for g in listed.misses[:errors]:
            console.print(f"MISSED {g['id']} {g.get('source')}->{g.get('target')} {g['plover']}: {g.get('evidence')}",
                          markup=False)
        for e in listed.spurious[:errors]:
            src = (e.get("source") or {}).get("code")
            tgt = (e.get("target") or {}).get("code")
            console.print(f"SPURIOUS {src}->{tgt} {e['plover']}: {e['evidence']['text']}", markup=False)
        for f, _ in listed.forbidden_hits:
            console.print(f"FORBIDDEN {f.get('why')}", markup=False)
        console.print("missed key events by kind: " + _kinds(parts.miss_kinds, MISS_KINDS)
                      + f"; found with a wrong date: {parts.wrong_dates}", markup=False)
        console.print("spurious events by kind: " + _kinds(parts.spurious_kinds, ("wrong_actors", "wrong_type")),
                      markup=False)
        console.print(f"precision {res.precision:.3f}  recall {res.recall:.3f}  f1 {res.f1:.3f}  "
                      f"dated_recall {res.dated_recall:.3f}  forbidden {res.forbidden}")
