"""Event clusters, incrementally: a document's reports join the stored clusters they match, merging
clusters they bridge. Clusters are connected components of `same_event`, named after their members,
except that a link never joins two groups that cannot be one event (see `can_join`): single linkage
through an undated or loosely worded mention would otherwise chain distinct events together. Links
are tried strongest first (`link_strength`): when the guard lets only one of two through, the surer wins.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from dyadwatch.store import Store
from dyadwatch.stories import state
from dyadwatch.stories.clusters import canonical_id
from dyadwatch.stories.matching import (STATEMENT_TYPES, Report, date_relation, dyad_compatible, news_of_the_day,
                                        object_agrees, same_event)


@dataclass
class ClusterChange:
    """New cluster memberships after adding one document's reports."""

    members: dict[str, set[str]] = field(default_factory=dict)  # new or grown cluster -> all its event ids
    assigned: dict[str, str] = field(default_factory=dict)  # event_id -> cluster_id, for events that move
    removed: set[str] = field(default_factory=set)  # cluster ids merged into another


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def joined(self, a: str, b: str) -> bool:
        """Whether `a` and `b` are in one group already (adds neither)."""
        return a in self.parent and b in self.parent and self.find(a) == self.find(b)

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class GuardedUnion(UnionFind):
    """Union-find whose groups keep their (dated) reports, and which refuses links between groups that
    `can_join` says are two events, and links resting on an undated report between two groups that each
    hold a dated one (they did not link on their own days: a vague mention does not make them one)."""

    def __init__(self) -> None:
        super().__init__()
        self.reports: dict[str, list[Report]] = {}

    def add(self, node: str, reports: list[Report]) -> None:
        self.reports.setdefault(self.find(node), []).extend(reports)

    def link(self, a: str, b: str, undated: bool = False) -> bool:
        """Join the groups of `a` and `b` unless the guard refuses; `undated`: the link is between a
        dated and an undated report (or two undated ones)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        left, right = self.reports.get(ra, []), self.reports.get(rb, [])
        if not can_join(left, right) or (undated and _has_date(left) and _has_date(right)):
            return False
        self.union(ra, rb)
        self.reports[self.find(ra)] = left + right
        self.reports.pop(max(ra, rb), None)
        return True


def _has_date(reports: list[Report]) -> bool:
    return any(r.date for r in reports)


def can_join(left: list[Report], right: list[Report]) -> bool:
    """Two groups of reports can be one event unless two of their reports state dates that cannot be one
    day (beyond the clustering tolerance)."""
    for a in left:
        for b in right:
            if a.date and b.date and date_relation(a, b) == "conflict":
                return False
    return True


CLUSTER_NODE = "cluster:"  # union-find nodes for stored clusters (event ids start with "e-" or similar)


def cluster_reports(store: Store, new: list[Report], related_docs: set[str] | None = None) -> ClusterChange:
    """Clusters for the reports of one new document, given the clusters of every processed document;
    `related_docs` are the stored documents its document links to (one story)."""
    related_docs = related_docs or set()
    uf = GuardedUnion()
    for report in new:
        uf.add(report.event_id, [report])
    candidates = _stored_candidates(store, new)
    for cluster_id, members in state.dated_cluster_reports(store, {cid for _, cid in candidates}).items():
        uf.add(CLUSTER_NODE + cluster_id, members)
    link_strongest_first(uf, candidate_links(new, candidates, related_docs))
    return _components(store, uf, [r.event_id for r in new])


Link = tuple[tuple[int, int], Report, Report, str, bool]  # (link_strength, report, other, other's node, related)


def link_strongest_first(uf: GuardedUnion, links: list[Link]) -> None:
    """Apply the candidate links that `same_event` confirms, strongest first (ties in the order given, so the
    result stays deterministic). A pair whose two nodes are already one group is not tested: its link would
    change nothing, and most pairs of a long document are such (sorting all candidates, then skipping the
    unconfirmed ones, keeps the confirmed ones in the order a sort of those alone gives: the sort is stable)."""
    for strength, mine, other, node, related in sorted(links, key=lambda link: link[0], reverse=True):
        if not uf.joined(mine.event_id, node) and same_event(mine, other, related=related):
            uf.link(mine.event_id, node, undated=strength[0] == DATE_STRENGTH["undated"])


def candidate_links(new: list[Report], candidates: list[tuple[Report, str]], related_docs: set[str]) -> list[Link]:
    """Every pair that `same_event` may join (`link_strongest_first` confirms them): the new document's own
    reports, and each of them with the stored candidates (`(report, cluster_id)`; a stored cluster is the
    node CLUSTER_NODE + its id)."""
    by_dyad = _by_dyad(new)  # `same_event` needs one dyad: pairs across dyads never link
    dates = DateStrengths()
    links = []
    for group in by_dyad.values():
        sides = [date_side(r) for r in group]
        for i, a in enumerate(group):
            for j in range(i + 1, len(group)):
                b = group[j]
                if (strength := _candidate_strength(a, b, dates, sides[i], sides[j])) is not None:
                    links.append((strength, a, b, b.event_id, True))
    for report, cluster_id in candidates:
        side = date_side(report)
        for mine in by_dyad.get(report.dyad_key, ()):
            strength = _candidate_strength(mine, report, dates, date_side(mine), side)
            if strength is not None:
                links.append((strength, mine, report, CLUSTER_NODE + cluster_id, report.doc_id in related_docs))
    return links


def _candidate_strength(a: Report, b: Report, dates: DateStrengths, side_a: DateSide,
                        side_b: DateSide) -> tuple[int, int] | None:
    """`link_strength(a, b)`, or None for a pair that `same_event` cannot join: it needs the first report's
    source, two events and compatible parties; outside one sentence, a date relation that is no conflict,
    the words `object_agrees` asks for and a shared word (two for two sentences of one article:
    SAME_DOCUMENT, or more for other types)."""
    if not a.source or a.event_id == b.event_id or not dyad_compatible(a, b):
        return None
    shared = len(a.words & b.words)
    relation, strength = dates.of(a, b, side_a, side_b)
    if a.doc_id == b.doc_id:
        if a.sentence == b.sentence:
            return strength, shared
        if shared < 2:
            return None
    elif not shared:
        return None
    if relation == "conflict" or not object_agrees(a, b):
        return None
    return strength, shared


DateSide = tuple[str | None, date | None, bool]  # date, publication day, of a statement type


def date_side(report: Report) -> DateSide:
    """What `date_relation` and `news_of_the_day` read of one report (besides its document)."""
    return report.date, report.published, report.plover in STATEMENT_TYPES


class DateStrengths:
    """`date_relation` and the date part of `link_strength` of report pairs, computed once per combination
    of what they read (`date_side` of each, and whether they are of one document): a long document's
    hundreds of reports state few dates."""

    def __init__(self) -> None:
        self.known: dict[tuple[DateSide, DateSide, bool], tuple[str, int]] = {}

    def of(self, a: Report, b: Report, side_a: DateSide, side_b: DateSide) -> tuple[str, int]:
        key = (side_a, side_b, a.doc_id == b.doc_id)
        found = self.known.get(key)
        if found is None:
            relation = date_relation(a, b)
            strength = DATE_STRENGTH["compatible"] if news_of_the_day(a, b) else DATE_STRENGTH[relation]
            found = self.known[key] = (relation, strength)
        return found


DATE_STRENGTH = {"equal": 3, "compatible": 2, "undated": 1, "conflict": 0}


def link_strength(a: Report, b: Report) -> tuple[int, int]:
    """How sure a link is: the same stated day first, then close or nested dates, then a date against an
    undated report (unless published on the other's day); among equals, more shared words."""
    strength = DATE_STRENGTH["compatible"] if news_of_the_day(a, b) else DATE_STRENGTH[date_relation(a, b)]
    return strength, len(a.words & b.words)


def _by_dyad(reports: list[Report]) -> dict[str, list[Report]]:
    groups: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        groups[report.dyad_key].append(report)
    return groups


def _stored_candidates(store: Store, new: list[Report]) -> list[tuple[Report, str]]:
    """Stored reports that share a dyad with a new report, could fall on the same days and share a word."""
    return state.candidate_reports(store, new)


def _components(store: Store, uf: UnionFind, new_ids: list[str]) -> ClusterChange:
    groups: dict[str, set[str]] = defaultdict(set)
    for node in list(uf.parent):
        groups[uf.find(node)].add(node)
    stored_ids = {n[len(CLUSTER_NODE):] for n in uf.parent if n.startswith(CLUSTER_NODE)}
    stored = state.cluster_members(store, stored_ids)
    change = ClusterChange()
    new_set = set(new_ids)
    for nodes in groups.values():
        if not nodes & new_set:
            continue
        old_clusters = {n[len(CLUSTER_NODE):] for n in nodes if n.startswith(CLUSTER_NODE)}
        events = {n for n in nodes if not n.startswith(CLUSTER_NODE)}
        for cid in old_clusters:
            events |= stored.get(cid, set())
        cluster_id = canonical_id("c", events)
        change.members[cluster_id] = events
        change.removed |= old_clusters - {cluster_id}
        moved = events & new_set
        for cid in old_clusters - {cluster_id}:
            moved |= stored.get(cid, set())
        change.assigned.update({eid: cluster_id for eid in moved})
    return change
