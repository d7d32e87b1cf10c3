"""CLI commands for the stories stage: `stories` (all stories and their event clusters) and `story ID`."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from dyadwatch.cli.context import err, require_db, state
from dyadwatch.display import shown
from dyadwatch.store import Store

if TYPE_CHECKING:  # the stories stage imports datasketch (about a second): only when a command needs it
    from dyadwatch.stories import Cluster, Story


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("stories")(stories)
    app.command("story")(story)


def stories(
    format: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
    min_docs: Annotated[int, typer.Option("--min-docs", help="Only stories with at least this many documents.")] = 1,
    update: Annotated[bool, typer.Option("--update", help="First assign documents that have no story yet.")] = False,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="First forget all stories and clusters and "
                                                            "assign every document again.")] = False,
) -> None:
    """Stories (documents reporting one story) with their event clusters, independent origins and contradictions."""
    if format not in {"table", "jsonl"}:
        raise typer.BadParameter("choose table or jsonl", param_hint="--format")
    from dyadwatch.stories import assign_stories, load_stories, rebuild_stories

    require_db()
    if update or rebuild:
        with Store(state.db) as store:
            done = rebuild_stories(store) if rebuild else assign_stories(store)
        err.print(f"assigned {done.documents} documents ({done.events} events)")
    with Store(state.db, read_only=True) as store:
        if not _has_story_tables(store):
            err.print("[red]this database has no stories yet[/red] (run `dyadwatch stories --update`)")
            raise typer.Exit(code=1)
        found = load_stories(store, min_docs=min_docs)
        pending = store.sql("SELECT count(*) FROM documents ANTI JOIN story_documents USING (doc_id)")[0][0]
    if pending:
        err.print(f"[yellow]{pending} documents have no story yet[/yellow] (run `dyadwatch stories --update`)")
    if format == "jsonl":
        for item in found:
            typer.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        return
    _stories_table(found, Console())


def story(
    story_id: Annotated[str, typer.Argument(help="A story id from `dyadwatch stories`.")],
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """One story: its documents (copies name their original), clusters, origins and contradictions."""
    if format not in {"table", "json"}:
        raise typer.BadParameter("choose table or json", param_hint="--format")
    from dyadwatch.stories import load_story

    require_db()
    with Store(state.db, read_only=True) as store:
        found = load_story(store, story_id) if _has_story_tables(store) else None
    if found is None:
        err.print(f"[red]no story {story_id}[/red]")
        raise typer.Exit(code=1)
    if format == "json":
        typer.echo(json.dumps(found.to_dict(with_documents=True), ensure_ascii=False, indent=1))
        return
    _story_view(found, Console())


def _has_story_tables(store: Store) -> bool:
    """A database written before the stories stage existed lacks its tables until opened for writing."""
    tables = {r[0] for r in store.sql("SELECT table_name FROM information_schema.tables")}
    return {"stories", "story_documents", "clusters"} <= tables


def _stories_table(found: list[Story], console: Console) -> None:
    table = Table(title=f"{len(found)} stories")
    for col in ("story", "docs", "clusters", "corroborated", "contradicted", "first contradiction"):
        table.add_column(col, overflow="fold")
    for s in found:
        corroborated = sum(1 for c in s.clusters if c.independent_origins > 1)
        contradicted = sum(1 for c in s.clusters if c.contradictions)
        table.add_row(s.story_id, ", ".join(s.doc_ids), str(len(s.clusters)), str(corroborated), str(contradicted),
                      _first_contradiction(s))
    console.print(table)


def _story_view(found: Story, console: Console) -> None:
    docs = Table(title=f"story {found.story_id}: {len(found.documents)} documents")
    for col in ("doc", "published", "outlet", "copy of", "title"):
        docs.add_column(col, overflow="fold")
    for d in found.documents:
        copy = f"{d.duplicate_of} ({d.copy_kind}, {d.similarity:.2f})" if d.duplicate_of else ""
        docs.add_row(d.doc_id, shown(d.published.isoformat() if d.published else None), shown(d.outlet), copy,
                     shown(d.title))
    console.print(docs)
    clusters = Table(title=f"{len(found.clusters)} event clusters")
    for col in ("cluster", "date", "dyad", "type", "reports", "docs", "origins", "contradictions"):
        clusters.add_column(col, overflow="fold")
    for c in found.clusters:
        clusters.add_row(c.cluster_id, shown(c.date), c.dyad, c.plover, f"{c.n_asserted}/{c.n_reports}",
                         str(len(c.doc_ids)), f"{c.independent_origins}: {'; '.join(c.origins)}", _conflicts(c))
    console.print(clusters)
    _contradictions_view(found, console)


def _conflicts(cluster: Cluster) -> str:
    return "; ".join(f"{x.kind}: {', '.join(x.event_ids)} vs {', '.join(x.against)}" for x in cluster.contradictions)


def _contradictions_view(found: Story, console: Console) -> None:
    """Each contradiction with both sides' sentences."""
    items = [(c, x) for c in found.clusters for x in c.contradictions]
    if not items:
        return
    table = Table(title=f"{len(items)} contradictions")
    for col in ("cluster", "kind", "side", "report", "sentence"):
        table.add_column(col, overflow="fold")
    for cluster, x in items:
        for i, side in enumerate(x.sides):
            label = f"{side.side} ({side.status}, {shown(side.date)})"
            table.add_row(cluster.cluster_id if i == 0 else "", (x.detail or x.kind) if i == 0 else "", label,
                          f"{side.doc_id} {shown(side.outlet)}", side.sentence)
    console.print(table)


def _first_contradiction(s: Story) -> str:
    """The first contradiction of a story as 'claim sentence' vs 'other sentence', shortened."""
    for c in s.clusters:
        for x in c.contradictions:
            claim = next((d.sentence for d in x.sides if d.side == "claim"), "")
            other = next((d.sentence for d in x.sides if d.side == "against"), "")
            return f"{x.kind}: “{_short(claim)}” vs “{_short(other)}”"
    return ""


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
