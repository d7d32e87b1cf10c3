"""A one-paragraph account of a relationship: volume, tone, trend and turning points with their causes.

Trend: the mean monthly net Goldstein of the last segment (after the last turning point) against the
first; without turning points, the slope of a least-squares line through the per-period series, called
"stable" when the line moves less than one Goldstein point over the whole span.
"""
from __future__ import annotations

import numpy as np

from dyadwatch.relations.index import Relations, relations
from dyadwatch.store import Store


def trend(rel: Relations) -> str:
    """"warming", "cooling" or "stable", by the rule in the module docstring."""
    monthly = [p.goldstein_sum for p in rel.periods]
    if rel.turning_points:
        first, last = rel.turning_points[0].before_mean, rel.turning_points[-1].after_mean
        return "warming" if last > first else "cooling"
    if len(monthly) < 3:
        return "stable"
    slope = float(np.polyfit(np.arange(len(monthly)), monthly, 1)[0])
    if abs(slope * (len(monthly) - 1)) < 1.0:
        return "stable"
    return "warming" if slope > 0 else "cooling"


def _signed(value: float) -> str:
    return f"{value:+.1f}"


def describe(rel: Relations) -> str:
    """The paragraph for an already computed (monthly) relations index."""
    t = rel.totals
    if t.events == 0:
        return f"No asserted events between {rel.a} and {rel.b} are stored."
    dated = [p for p in rel.periods if p.events]
    span = f"from {dated[0].period} to {dated[-1].period}" if dated else "without month-precise dates"
    cooperation = t.verbal_cooperation + t.material_cooperation
    conflict = t.verbal_conflict + t.material_conflict
    unit = "events" if rel.count == "clusters" else "reports"
    parts = [f"{rel.label}: {t.events} {unit} ({t.reports} reports) {span}, {cooperation} cooperative and "
             f"{conflict} conflictual; net Goldstein {_signed(t.goldstein_sum)} (mean {_signed(t.goldstein_mean or 0)} "
             f"per event). The relationship is {trend(rel)}."]
    for point in rel.turning_points:
        text = (f" In {point.period} it turned {'up' if point.direction == 'improving' else 'down'} "
                f"(net Goldstein per month {_signed(point.before_mean)} before, {_signed(point.after_mean)} after)")
        if point.drivers:
            lead = point.drivers[0]
            text += f", driven by {lead.source} {lead.plover} {lead.target} on {lead.date or 'an undated day'}"
            if lead.evidence:
                text += f" (\u201c{_clip(lead.evidence)}\u201d)"
        parts.append(text + ".")
    if not rel.turning_points:
        parts.append(" No turning point stands out from the monthly noise.")
    return "".join(parts)


def _clip(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def summary(store: Store, a: str, b: str, *, directed: bool = False, count: str = "clusters") -> str:
    """The paragraph for the dyad A-B, computed by month."""
    return relations(store, a, b, by="month", directed=directed, count=count).summary  # type: ignore[arg-type]
