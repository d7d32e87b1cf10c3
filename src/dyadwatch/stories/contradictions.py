"""Contradictions inside an event cluster: assertion against negation, a party's denial, clashing dates.

Each contradiction keeps both sides as event ids; reading it back (`stories.read`) adds each side's
sentences (`Side`), so `stories`, `story ID`, the dashboard and the report show what each side says.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from dyadwatch.stories.matching import Report
from dyadwatch.stories.text import overlap

DENIAL_REACH = 3  # "The ministry denied this." answers a report at most this many sentences before it
DENIAL_SHARED_WORDS = 2  # a denial elsewhere in the story must share this many words with the report


@dataclass
class Side:
    """One report on one side of a contradiction: what its sentence says and where."""

    event_id: str
    side: str  # "claim" (event_ids) or "against"
    doc_id: str
    outlet: str | None
    status: str
    date: str | None
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "side": self.side, "doc_id": self.doc_id, "outlet": self.outlet,
                "status": self.status, "date": self.date, "sentence": self.sentence}


@dataclass
class Contradiction:
    """One conflict: `event_ids` on one side, `against` on the other (with their sentences once read back)."""

    kind: str  # "negation", "denial" or "date"
    event_ids: list[str]
    against: list[str]
    detail: str = ""
    parties: list[str] = field(default_factory=list)
    sides: list[Side] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "event_ids": self.event_ids, "against": self.against}
        if self.detail:
            out["detail"] = self.detail
        if self.sides:
            out["sides"] = [s.to_dict() for s in self.sides]
        return out


def find_contradictions(members: list[Report], denials: list[Report]) -> list[Contradiction]:
    """Contradictions of one cluster; `denials` are denial reports from the cluster's stories."""
    found = negations(members) + dated(members)
    found += party_denials(members, [d for d in denials if d.event_id not in {m.event_id for m in members}])
    return found


def negations(members: list[Report]) -> list[Contradiction]:
    asserted = sorted(m.event_id for m in members if m.status == "asserted")
    negated = sorted(m.event_id for m in members if m.status == "negated")
    if asserted and negated:
        return [Contradiction("negation", asserted, negated, "one report asserts it, another says it did not happen")]
    return []


def dated(members: list[Report]) -> list[Contradiction]:
    """Reports that state different dates: the most reported date against each other one."""
    by_date: dict[str, list[str]] = defaultdict(list)
    for m in members:
        if m.stated_date:
            by_date[m.stated_date].append(m.event_id)
    dates = sorted(by_date, key=lambda d: (-len(by_date[d]), -len(d), d))
    if len(dates) < 2:
        return []
    main = dates[0]
    out = []
    for other in dates[1:]:
        shorter, longer = sorted((main, other), key=len)
        if not longer.startswith(shorter):
            out.append(Contradiction("date", sorted(by_date[main]), sorted(by_date[other]), f"{main} vs {other}"))
    return out


def party_denials(members: list[Report], denials: list[Report]) -> list[Contradiction]:
    """Denials by one of the cluster's parties that answer one of its reports."""
    parties = {p for m in members for p in ((m.source, m.source_role), (m.target, m.target_role)) if p[0]}
    asserted = [m for m in members if m.status == "asserted" and not m.denial]
    out = []
    for denial in sorted(denials, key=lambda d: d.event_id):
        if not _is_party(denial, parties) or denial.status != "asserted":
            continue
        answered = sorted(m.event_id for m in asserted if answers(denial, m))
        if answered:
            out.append(Contradiction("denial", answered, [denial.event_id], f"{denial.source} denies it",
                                     [denial.source or ""]))
    return out


def _is_party(denial: Report, parties: set[tuple[str | None, str | None]]) -> bool:
    """The denier is one of the cluster's parties in the same role (a country's community denying
    something is not that country's government denying it)."""
    return any(denial.source == code and (role is None or denial.source_role is None or role == denial.source_role)
               for code, role in parties)


def answers(denial: Report, report: Report) -> bool:
    """The denial speaks of the same things, or it is in the same document and `report` is among the
    reports it answers (see `answered_sentence`)."""
    shared, _ = overlap(set(denial.words), set(report.words))
    if shared >= DENIAL_SHARED_WORDS:
        return True
    return denial.doc_id == report.doc_id and report.sentence == denial.answers_sentence


def with_answered_sentences(reports: list[Report]) -> list[Report]:
    """One document's reports, each denial with the sentence it answers."""
    return [replace(r, answers_sentence=answered_sentence(r, reports)) if r.denial else r for r in reports]


def answered_sentence(denial: Report, same_doc: list[Report]) -> int | None:
    """The sentence a denial answers: its own when it names what it denies ("X denied that Y ..."),
    else the nearest sentence before it, within DENIAL_REACH, reporting a claim about the denier (an
    attributed report, else any report), as in "Moscow has also rejected the allegations"."""
    involved = [r for r in same_doc if denial.source in (r.source, r.target) and not r.denial
                and 0 <= denial.sentence - r.sentence <= DENIAL_REACH and r.event_id != denial.event_id]
    if any(r.sentence == denial.sentence for r in involved):
        return denial.sentence
    for pool in ([r for r in involved if r.attributed], involved):
        if pool:
            return max(r.sentence for r in pool)
    return None
