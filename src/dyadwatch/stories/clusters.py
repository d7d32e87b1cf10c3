"""Summarising an event cluster: its representative coding, independent origins and contradictions."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from dyadwatch.records import Event
from dyadwatch.stories.contradictions import find_contradictions
from dyadwatch.stories.matching import Report
from dyadwatch.stories.model import Cluster
from dyadwatch.stories.origins import document_origin, squash


def canonical_id(prefix: str, members: list[str] | set[str]) -> str:
    """An id that depends only on the members: the same reports give the same id in any arrival order."""
    return f"{prefix}-" + hashlib.blake2b(min(members).encode("utf-8"), digest_size=8).hexdigest()


def summarise(cluster_id: str, events: list[Event], reports: dict[str, Report], origins: dict[str, str],
              denials: list[Report]) -> Cluster:
    """The cluster record of `events` (all its reports); `origins` maps event_id to origin key."""
    events = sorted(events, key=lambda e: e.event_id)
    asserted = [e for e in events if e.status == "asserted"]
    counted = asserted or events  # origins behind the event: its asserted reports, if there are any
    plover = _majority([e.plover for e in counted])
    lead = next(e for e in counted if e.plover == plover)
    members = [reports[e.event_id] for e in events if e.event_id in reports]
    lead_report = reports.get(lead.event_id)
    origin_keys = independent_origins([e for e in counted if e.event_id in origins], origins)
    return Cluster(
        cluster_id=cluster_id,
        event_ids=[e.event_id for e in events],
        doc_ids=sorted({e.doc_id for e in events}),
        independent_origins=len(origin_keys),
        origins=origin_keys,
        plover=plover, cameo=lead.cameo,
        source=lead_report.source if lead_report else None,
        target=lead_report.target if lead_report else None,
        date=_best_date([reports[e.event_id] for e in counted if e.event_id in reports]),
        n_reports=len(events), n_asserted=len(asserted),
        contradictions=find_contradictions(members, denials),
    )


def independent_origins(events: list[Event], origins: dict[str, str]) -> list[str]:
    """Distinct origins behind the reports: one per document, and an outlet named as a source by
    another outlet ("according to Reuters") is the same origin as that outlet's own report."""
    per_doc: dict[str, list[str]] = defaultdict(list)
    for e in events:
        per_doc[e.doc_id].append(origins[e.event_id])
    distinct: dict[str, str] = {}
    for key in sorted(document_origin(keys) for keys in per_doc.values()):
        distinct.setdefault(squash(key.split(":", 1)[-1]), key)
    return sorted(distinct.values())


def _majority(values: list[str]) -> str:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def _best_date(reports: list[Report]) -> str | None:
    """The most precise date the reports state (most reported at that precision), else a hinted year."""
    for dates in ([r.stated_date for r in reports if r.stated_date], [r.date for r in reports if r.date]):
        if dates:
            longest = max(len(d) for d in dates)
            return _majority([d for d in dates if len(d) == longest])
    return None
