"""The relations report: one self-contained HTML file per dyad (inline CSS and SVG, no scripts, no
external resources), rendered with Jinja2 autoescaping so article text can never become markup.

A report is meant to be shared: it names the database by its file name only, never a local path.
`since`/`until` limit everything in it (timeline, totals, top events, stories, contradictions) to
events dated inside the bounds (stories by their publication span).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, FunctionLoader, select_autoescape
from markupsafe import Markup

from dyadwatch.display import MISSING, shown
from dyadwatch.relations.context import Contradiction, Story, contradictions, has_stories, stories
from dyadwatch.relations.evidence import UnitView, unit_views
from dyadwatch.relations.index import Relations, relations
from dyadwatch.relations.periods import within_bounds
from dyadwatch.relations.svg import Gap, gaps, timeline_svg
from dyadwatch.relations.turning import MIN_SEGMENT, PENALTY_FACTOR
from dyadwatch.relations.units import CountMode, unit_source
from dyadwatch.store import Store

TOP_EVENTS = 10


def _template_source(name: str) -> str:
    return files("dyadwatch.web").joinpath("templates", name).read_text(encoding="utf-8")


def environment() -> Environment:
    """Jinja2 environment over the package's web/templates, autoescaping HTML."""
    env = Environment(loader=FunctionLoader(_template_source), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["http_url"] = http_url
    env.filters["shown"] = shown
    env.globals["MISSING"] = MISSING
    return env


def http_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None: a javascript: link from article metadata never becomes a link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


@dataclass
class ReportData:
    relations: Relations
    summary: str
    chart: Markup
    top_events: list[UnitView]
    stories: list[Story]
    stories_available: bool
    contradictions: list[Contradiction]
    generated: str
    database: str  # the file name only: reports are shared
    gaps: list[Gap]
    penalty_factor: float = PENALTY_FACTOR
    min_segment: int = MIN_SEGMENT


def top_events(store: Store, rel: Relations, *, count: CountMode = "clusters", limit: int = TOP_EVENTS) -> list[UnitView]:
    """The dyad's most intense clusters (within the index's bounds): by |Goldstein|, then by number of reports."""
    units = [u for u in unit_source(store, count).units(rel.dyad) if within_bounds(u.date, rel.since, rel.until)]
    units.sort(key=lambda u: (-abs(u.goldstein), -u.n_reports, u.date or "", u.unit_id))
    return unit_views(store, units[:limit])


def _story_in_bounds(item: Story, since: str | None, until: str | None) -> bool:
    first, last = item.first_published, item.last_published
    return (not since or (last is not None and last[:len(since)] >= since)) and \
        (not until or (first is not None and first[:len(until)] <= until))


def report_data(store: Store, a: str, b: str, *, directed: bool = False, count: CountMode = "clusters",
                since: str | None = None, until: str | None = None) -> ReportData:
    rel = relations(store, a, b, by="month", directed=directed, count=count, since=since, until=until)
    title = f"{rel.label}: events per month and net Goldstein"
    found = [s for s in stories(store, rel.dyad, limit=200) if _story_in_bounds(s, since, until)][:20]
    disputes = [c for c in contradictions(store, rel.dyad, limit=200)
                if any(within_bounds(rep.date, since, until) for rep in c.reports)][:20]
    return ReportData(
        relations=rel, summary=rel.summary, chart=Markup(timeline_svg(rel, title=title)),
        top_events=top_events(store, rel, count=count), stories=found, stories_available=has_stories(store),
        contradictions=disputes, generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        database=store.path.name, gaps=gaps(rel.periods))


def render_report(data: ReportData) -> str:
    return environment().get_template("report.html").render(r=data, rel=data.relations)


def write_report(store: Store, a: str, b: str, out: str | Path, *, directed: bool = False,
                 count: CountMode = "clusters", since: str | None = None, until: str | None = None) -> ReportData:
    """Write the HTML report for A-B to `out` and return what went into it."""
    data = report_data(store, a, b, directed=directed, count=count, since=since, until=until)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(data), encoding="utf-8")
    return data
