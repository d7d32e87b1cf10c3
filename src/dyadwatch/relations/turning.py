"""Turning points: where a relationship's Goldstein series shifts level, and the events that drove it.

Method (documented in README "Relations and dashboard"):
- Series: the net Goldstein score (sum over counted clusters) per month, months without events as 0,
  from the dyad's first to its last month-dated event.
- Detection: PELT (ruptures 1.1.10 KernelCPD, linear kernel = the "l2" cost of a change in mean) with
  minimum segment length 2 and penalty 3·σ²·ln(n), a BIC-style penalty; σ is the noise scale, estimated robustly from first
  differences as MAD/(0.6745·√2) (std/√2 when the MAD is 0). Series shorter than 6 periods have none.
- Confirmation: each candidate must also pass Welch's t-test between the two segments it separates at
  p < 0.01; the weakest failing break is merged away and the test repeated until all pass. (PELT's
  single noise scale under-penalises noisy stretches when another stretch is calm.)
- Drivers: the clusters dated in the month before the break, the break month and the month after,
  ranked by Goldstein value in the direction of the shift (most negative first for a deterioration),
  each shown with its evidence sentences and sources.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from dyadwatch.relations.evidence import UnitView, unit_views
from dyadwatch.relations.periods import parse_period, shift_key
from dyadwatch.relations.units import Dyad, UnitSource
from dyadwatch.store import Store

MIN_SERIES = 6
MIN_SEGMENT = 2
PENALTY_FACTOR = 3.0
ALPHA = 0.01
DRIVERS_PER_BREAK = 3


@dataclass
class TurningPoint:
    """A level shift starting at `period`, with the mean Goldstein per period on either side."""

    period: str
    before_mean: float
    after_mean: float
    change: float
    direction: str  # "improving" or "deteriorating"
    drivers: list[UnitView] = field(default_factory=list)


def noise_scale(values: Sequence[float]) -> float:
    """Robust standard deviation of the noise around a piecewise-constant level."""
    diffs = np.diff(np.asarray(values, dtype=float))
    if diffs.size == 0:
        return 0.0
    mad = float(np.median(np.abs(diffs - np.median(diffs))))
    if mad > 0:
        return mad / (0.6745 * math.sqrt(2))
    return float(np.std(diffs)) / math.sqrt(2)


def penalty(values: Sequence[float]) -> float:
    return PENALTY_FACTOR * noise_scale(values) ** 2 * math.log(len(values))


def change_points(values: Sequence[float]) -> list[int]:
    """Indexes where a new segment starts (never 0), by PELT on a change in mean."""
    if len(values) < MIN_SERIES:
        return []
    pen = penalty(values)
    if pen <= 0:
        return []
    import ruptures  # imported here, and only for a series it can break: it pulls in scipy (most of a second)

    signal = np.asarray(values, dtype=float).reshape(-1, 1)
    # KernelCPD with the linear kernel is PELT on the l2 cost, implemented in C (100x faster than rpt.Pelt).
    ends = ruptures.KernelCPD(kernel="linear", min_size=MIN_SEGMENT).fit(signal).predict(pen=pen)
    return confirmed(values, [int(i) for i in ends[:-1]])


def confirmed(values: Sequence[float], starts: list[int]) -> list[int]:
    """The breaks that survive Welch's t-test between their neighbouring segments (see module docstring)."""
    from scipy.stats import ttest_ind

    starts = list(starts)
    while starts:
        bounds = [0, *starts, len(values)]
        p_values = []
        for i in range(len(starts)):
            before, after = values[bounds[i]:bounds[i + 1]], values[bounds[i + 1]:bounds[i + 2]]
            if np.std(before) == 0 and np.std(after) == 0:
                p_values.append(0.0 if np.mean(before) != np.mean(after) else 1.0)
            else:
                p_values.append(float(ttest_ind(before, after, equal_var=False).pvalue))
        worst = int(np.argmax(p_values))
        if p_values[worst] < ALPHA:
            break
        del starts[worst]
    return starts


def turning_points(keys: Sequence[str], values: Sequence[float]) -> list[TurningPoint]:
    """Turning points of a series given as period keys and values (without drivers)."""
    starts = change_points(values)
    bounds = [0, *starts, len(values)]
    points = []
    for i, start in enumerate(starts):
        before = float(np.mean(values[bounds[i]:start]))
        after = float(np.mean(values[start:bounds[i + 2]]))
        points.append(TurningPoint(keys[start], round(before, 3), round(after, 3), round(after - before, 3),
                                   "improving" if after > before else "deteriorating"))
    return points


def add_drivers(store: Store, source: UnitSource, dyad: Dyad, points: list[TurningPoint], by: str = "month") -> None:
    """Name, for each turning point, the clusters around it that pushed in its direction."""
    windows = {p.period: [parse_period(shift_key(p.period, by, step)) for step in (-1, 0, 1)] for p in points}
    if not windows:
        return
    candidates = source.units(dyad, within=[period for window in windows.values() for period in window])
    for point in points:
        units = [u for u in candidates if any(period.holds(u.date) for period in windows[point.period])]
        sign = 1.0 if point.direction == "improving" else -1.0
        pushing = [u for u in units if u.goldstein * sign > 0] or units
        pushing.sort(key=lambda u: (-u.goldstein * sign, -u.n_reports, u.date or "", u.unit_id))
        point.drivers = unit_views(store, pushing[:DRIVERS_PER_BREAK], max_reports=3)
