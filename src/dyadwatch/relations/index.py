"""The relations index: per dyad and period, counts by quad class and PLOVER type, Goldstein sum and
mean, and net cooperation, over asserted event clusters; plus the turning points of the series.

Net cooperation of a period = (verbal + material cooperation clusters) − (verbal + material conflict
clusters), i.e. quad classes 1+2 minus 3+4; its share divides by all clusters of the period (−1..1).
Goldstein sum is the sum of the clusters' Goldstein values, the mean is that sum over the count.

Periods are filled: every period between the first and last dated one is listed, with zeros when
nothing happened (except by day, where only days with events are listed). Clusters dated more
coarsely than the period (e.g. "2024" when counting by month) are left out of the periods and listed
in `imprecise` by their own date; clusters without a date are counted in `undated`. `totals` covers
every asserted cluster of the dyad, whatever its date. With `since`/`until` (YYYY[-MM[-DD]], as for
`dyadwatch events`) only clusters dated inside the bounds count anywhere, totals included.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from dyadwatch.coding.ontology import PLOVER_TYPES
from dyadwatch.relations.periods import (NEEDED_LENGTH, check_period_kind, key_range, parse_period, period_key,
                                         precision, within_bounds)
from dyadwatch.relations.turning import TurningPoint, add_drivers, turning_points
from dyadwatch.relations.units import CountMode, DateAggregate, Dyad, unit_source
from dyadwatch.store import Store

NET_COOPERATION = "(quad 1 + quad 2 clusters) - (quad 3 + quad 4 clusters); share = net / clusters"
QUAD_NAMES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass
class PeriodStats:
    """What happened between the dyad in one period."""

    period: str
    start: str
    events: int = 0  # counted units: clusters (or reports with count="reports")
    reports: int = 0  # reports behind those units
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    plover: dict[str, int] = field(default_factory=dict)
    goldstein_sum: float = 0.0
    goldstein_mean: float | None = None
    net_cooperation: int = 0
    net_cooperation_share: float | None = None

    def add(self, agg: DateAggregate) -> None:
        self.events += agg.units
        self.reports += agg.reports
        for name, n in zip(QUAD_NAMES, agg.quad):
            setattr(self, name, getattr(self, name) + n)
        for plover, n in agg.plover.items():
            self.plover[plover] = self.plover.get(plover, 0) + n
        self.goldstein_sum += agg.goldstein_sum

    def finish(self) -> "PeriodStats":
        self.goldstein_sum = round(self.goldstein_sum, 3)
        self.goldstein_mean = round(self.goldstein_sum / self.events, 3) if self.events else None
        cooperation = self.verbal_cooperation + self.material_cooperation
        conflict = self.verbal_conflict + self.material_conflict
        self.net_cooperation = cooperation - conflict
        self.net_cooperation_share = round(self.net_cooperation / self.events, 3) if self.events else None
        order = {p: i for i, p in enumerate(PLOVER_TYPES)}
        self.plover = dict(sorted(self.plover.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])))
        return self


@dataclass
class ImpreciseDate:
    """Clusters whose date is too coarse for the chosen period, grouped by that date."""

    date: str
    precision: str
    events: int
    goldstein_sum: float


@dataclass
class Relations:
    """The relations index of one dyad at one period size."""

    a: str
    b: str
    directed: bool
    by: str
    count: str
    counted_as: str
    periods: list[PeriodStats]
    totals: PeriodStats
    imprecise: list[ImpreciseDate]
    undated: int
    turning_points: list[TurningPoint]
    turning_points_by: str = "month"
    net_cooperation_formula: str = NET_COOPERATION
    summary: str = ""  # one paragraph in words (summary.describe)
    since: str | None = None
    until: str | None = None
    label: str = ""  # "PRK-CHN", or "PRK→CHN" when directed (Dyad.label)

    def __post_init__(self) -> None:
        self.label = self.dyad.label

    @property
    def dyad(self) -> Dyad:
        return Dyad(self.a, self.b, self.directed)


def relations(store: Store, a: str, b: str, *, by: str = "month", directed: bool = False,
              count: CountMode = "clusters", with_turning_points: bool = True, since: str | None = None,
              until: str | None = None, materialized: bool = True) -> Relations:
    """The relations index of A and B (either direction unless `directed`) by `by` period, counting
    only clusters dated within `since`/`until` when given. `materialized=False` computes from the
    events table even where the relation units table is current (for tests and benchmarks)."""
    check_period_kind(by)
    dyad = Dyad(a.upper(), b.upper(), directed)
    source = unit_source(store, count, materialized=materialized)
    # Dates cut to the precision the periods (and the monthly turning points) need: a few hundred rows, not
    # one per day, come back; the bounds are compared on at least as many characters as they have.
    cut = max(NEEDED_LENGTH[by], NEEDED_LENGTH["month"], len(since or ""), len(until or ""))
    aggregates = [agg for agg in source.date_aggregates(dyad, cut) if within_bounds(agg.date, since, until)]
    periods, imprecise, undated = rollup(aggregates, by)
    totals = PeriodStats("all", periods[0].start if periods else "")
    for agg in aggregates:
        totals.add(agg)
    points: list[TurningPoint] = []
    if with_turning_points:
        monthly = periods if by == "month" else rollup(aggregates, "month")[0]
        points = turning_points([p.period for p in monthly], [p.goldstein_sum for p in monthly])
        add_drivers(store, source, dyad, points, "month")
    rel = Relations(dyad.a, dyad.b, directed, by, count, source.describe, periods, totals.finish(),
                    imprecise, undated, points, since=since, until=until)
    if with_turning_points:
        from dyadwatch.relations.summary import describe  # summary imports this module

        rel.summary = describe(rel)
    return rel


def rollup(aggregates: Iterable[DateAggregate], by: str) -> tuple[list[PeriodStats], list[ImpreciseDate], int]:
    """Per-date aggregates summed into `by` periods, plus those too coarse for them and the undated count."""
    stats: dict[str, PeriodStats] = {}
    coarse: dict[str, ImpreciseDate] = {}
    undated = 0
    for agg in aggregates:
        key = period_key(agg.date, by)
        if key is not None:
            if key not in stats:
                stats[key] = PeriodStats(key, parse_period(key).start.isoformat())
            stats[key].add(agg)
        elif agg.date and precision(agg.date):
            item = coarse.setdefault(agg.date, ImpreciseDate(agg.date, precision(agg.date) or "", 0, 0.0))
            item.events += agg.units
            item.goldstein_sum = round(item.goldstein_sum + agg.goldstein_sum, 3)
        else:
            undated += agg.units
    keys = sorted(stats)
    if keys and by != "day":
        keys = key_range(keys[0], keys[-1], by)
    periods = [(stats.get(k) or PeriodStats(k, parse_period(k).start.isoformat())).finish() for k in keys]
    return periods, sorted(coarse.values(), key=lambda i: i.date), undated
