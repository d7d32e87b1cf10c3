"""The relations timeline as an inline SVG string (no script, no external resources).

Cooperation stacks above the axis (verbal light, material dark green), conflict below it (verbal
orange, material red); the line is the net Goldstein score per period on its own scale (right axis);
dashed verticals mark turning points. A run of more than MAX_EMPTY_RUN periods without events is
drawn as one grey, labelled gap slot ("no events 2016-10 to 2024-01"), so a dyad active in 2016 and
2024 does not stretch over eight empty years; the line breaks across it. Every label goes through
html.escape.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from dyadwatch.relations.index import PeriodStats, Relations

WIDTH, HEIGHT = 920, 320
UP, DOWN, ELLIPSIS = "\u25b2", "\u25bc", "\u22ef"
LEFT, RIGHT, TOP, BOTTOM = 48, 56, 24, 44
MAX_EMPTY_RUN = 6
COLOURS = {"gap": "#eeeeee", "verbal_cooperation": "#8fd19e", "material_cooperation": "#2e8b57",
           "verbal_conflict": "#f4a261", "material_conflict": "#c0392b", "line": "#1f3b73", "turn": "#6c3483"}


def _scale(value: float, top: float, bottom: float, limit: float) -> float:
    """y coordinate of `value` on an axis from -limit (bottom) to +limit (top)."""
    middle = (top + bottom) / 2
    return middle - (value / limit) * (middle - top) if limit else middle


@dataclass(frozen=True)
class Gap:
    """A compressed run of periods without events."""

    first: str
    last: str
    periods: int

    @property
    def label(self) -> str:
        return f"no events {self.first} to {self.last}"


def slots(periods: list[PeriodStats], max_run: int = MAX_EMPTY_RUN) -> list[PeriodStats | Gap]:
    """The periods with every run of more than `max_run` empty ones replaced by one Gap."""
    out: list[PeriodStats | Gap] = []
    run: list[PeriodStats] = []
    for period in [*periods, None]:
        if period is not None and period.events == 0:
            run.append(period)
            continue
        if len(run) > max_run:
            out.append(Gap(run[0].period, run[-1].period, len(run)))
        else:
            out.extend(run)
        run = []
        if period is not None:
            out.append(period)
    return out


def gaps(periods: list[PeriodStats], max_run: int = MAX_EMPTY_RUN) -> list[Gap]:
    return [s for s in slots(periods, max_run) if isinstance(s, Gap)]


def timeline_svg(rel: Relations, *, title: str | None = None) -> str:
    if not rel.periods:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="60" role="img">'
                f'<text x="10" y="35" font-size="14">No dated events for {escape(rel.label)}.</text></svg>')
    placed = slots(rel.periods)
    periods = [p for p in placed if isinstance(p, PeriodStats)]
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / len(placed)
    count_limit = max(max(p.verbal_cooperation + p.material_cooperation, p.verbal_conflict + p.material_conflict)
                      for p in periods) or 1
    gold_limit = max(abs(p.goldstein_sum) for p in periods) or 1.0
    top, bottom = TOP, HEIGHT - BOTTOM
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
           f'aria-label="{escape(title or rel.a + " " + rel.b + " timeline")}" font-family="sans-serif" font-size="11">']
    if title:
        out.append(f'<title>{escape(title)}</title>')
    out += _axes(top, bottom, count_limit, gold_limit)
    for i, slot in enumerate(placed):
        if isinstance(slot, Gap):
            out += _gap(slot, LEFT + i * step, step, top, bottom)
        else:
            out += _bars(slot, LEFT + i * step, step, top, bottom, count_limit)
    out += _lines(placed, step, top, bottom, gold_limit)
    out += _x_labels(placed, step, bottom)
    keys = [p.period if isinstance(p, PeriodStats) else "" for p in placed]
    for point in rel.turning_points:
        if point.period in keys:
            x = LEFT + keys.index(point.period) * step
            out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="{COLOURS["turn"]}" '
                       f'stroke-dasharray="5,4" stroke-width="1.5"/>')
            out.append(f'<text x="{x + 3:.1f}" y="{top + 10}" fill="{COLOURS["turn"]}">'
                       f'{escape(point.period)} {UP if point.direction == "improving" else DOWN}</text>')
    out.append("</svg>")
    return "".join(out)


def _axes(top: float, bottom: float, count_limit: int, gold_limit: float) -> list[str]:
    middle = (top + bottom) / 2
    right = WIDTH - RIGHT
    return [
        f'<line x1="{LEFT}" y1="{middle:.1f}" x2="{right}" y2="{middle:.1f}" stroke="#999"/>',
        f'<line x1="{LEFT}" y1="{top}" x2="{LEFT}" y2="{bottom}" stroke="#ccc"/>',
        f'<text x="{LEFT - 6}" y="{top + 4}" text-anchor="end">{count_limit}</text>',
        f'<text x="{LEFT - 6}" y="{bottom}" text-anchor="end">\u2212{count_limit}</text>',
        f'<text x="{LEFT - 6}" y="{middle + 4:.1f}" text-anchor="end">0</text>',
        f'<text x="{right + 6}" y="{top + 4}" fill="{COLOURS["line"]}">{gold_limit:+.0f}</text>',
        f'<text x="{right + 6}" y="{bottom}" fill="{COLOURS["line"]}">{-gold_limit:+.0f}</text>',
        f'<text x="{LEFT - 40}" y="{top - 8}">events</text>',
        f'<text x="{right - 10}" y="{top - 8}" fill="{COLOURS["line"]}">Goldstein</text>',
    ]


def _bars(p: PeriodStats, x: float, step: float, top: float, bottom: float, limit: int) -> list[str]:
    out = []
    width = max(step * 0.7, 1.0)
    x0 = x + (step - width) / 2
    middle = (top + bottom) / 2
    y = middle
    for name in ("verbal_cooperation", "material_cooperation"):
        h = middle - _scale(getattr(p, name), top, bottom, limit)
        if h > 0:
            y -= h
            out.append(f'<rect x="{x0:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" fill="{COLOURS[name]}">'
                       f'<title>{escape(p.period)}: {getattr(p, name)} {name.replace("_", " ")}</title></rect>')
    y = middle
    for name in ("verbal_conflict", "material_conflict"):
        h = middle - _scale(getattr(p, name), top, bottom, limit)
        if h > 0:
            out.append(f'<rect x="{x0:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" fill="{COLOURS[name]}">'
                       f'<title>{escape(p.period)}: {getattr(p, name)} {name.replace("_", " ")}</title></rect>')
            y += h
    return out


def _gap(gap: Gap, x: float, step: float, top: float, bottom: float) -> list[str]:
    middle_x, middle_y = x + step / 2, (top + bottom) / 2
    return [f'<rect x="{x:.1f}" y="{top}" width="{step:.1f}" height="{bottom - top}" fill="{COLOURS["gap"]}">'
            f'<title>{escape(gap.label)} ({gap.periods} periods, compressed)</title></rect>',
            f'<text x="{middle_x:.1f}" y="{middle_y:.1f}" fill="#666" text-anchor="middle" '
            f'transform="rotate(-90 {middle_x:.1f} {middle_y:.1f})">{escape(gap.label)}</text>']


def _lines(placed: list[PeriodStats | Gap], step: float, top: float, bottom: float, limit: float) -> list[str]:
    """The net Goldstein line, one polyline per stretch between gaps."""
    runs: list[list[str]] = [[]]
    for i, slot in enumerate(placed):
        if isinstance(slot, Gap):
            runs.append([])
            continue
        runs[-1].append(f"{LEFT + (i + 0.5) * step:.1f},{_scale(slot.goldstein_sum, top, bottom, limit):.1f}")
    return [f'<polyline points="{" ".join(run)}" fill="none" stroke="{COLOURS["line"]}" stroke-width="2"/>'
            for run in runs if run]


def _x_labels(placed: list[PeriodStats | Gap], step: float, bottom: float) -> list[str]:
    every = max(1, round(len(placed) / 12))
    return [f'<text x="{LEFT + (i + 0.5) * step:.1f}" y="{bottom + 16}" text-anchor="middle">'
            f'{escape(p.period) if isinstance(p, PeriodStats) else ELLIPSIS}</text>'
            for i, p in enumerate(placed) if i % every == 0 or isinstance(p, Gap)]
