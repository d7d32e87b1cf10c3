"""Scoring stories and event clusters against a seeds-format gold file.

The referee's figures (story F1 over document pairs, corroborated gold clusters joined, clusters
mixing gold events) plus two of our own: independent origins against the gold's expected counts,
and mixed clusters when each event stands for the one gold event whose evidence it matches best.
The referee counts an event for every gold event at least half of whose evidence words its sentence
holds, so one sentence naming the same two leaders as two gold events is "mixed" whatever a
system does; the best-match count shows whether clusters really join different events.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from dyadwatch.evaluation.matching import content_words, event_matches, is_asserted


@dataclass
class CorroborationResult:
    """One gold cluster reported by several documents: joined into one system cluster or not."""

    cluster: str
    joined: bool
    expected_origins: int | None
    origins: int | None  # independent origins of the system cluster that joined it


@dataclass
class StoryScore:
    story_precision: float
    story_recall: float
    story_f1: float
    corroborated: list[CorroborationResult] = field(default_factory=list)
    mixed_clusters: list[str] = field(default_factory=list)
    mixed_best_match: list[str] = field(default_factory=list)

    @property
    def corroborated_joined(self) -> int:
        return sum(c.joined for c in self.corroborated)


def score_stories(gold: dict, events: list[dict], stories: list[dict]) -> StoryScore:
    """Score `stories` (contract story records) and the events' cluster ids against `gold`."""
    precision, recall = _story_pairs(gold, stories)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        if is_asserted(event):
            by_doc[event.get("doc_id")].append(event)
    origins = {c["cluster_id"]: c.get("independent_origins") for s in stories for c in s.get("clusters", [])}
    return StoryScore(precision, recall, f1, _corroboration(gold, by_doc, origins), _mixed(gold, by_doc),
                      _mixed_best(gold, by_doc))


def _story_pairs(gold: dict, stories: list[dict]) -> tuple[float, float]:
    docs = [d["id"] for d in gold["documents"]]
    gold_story = {d["id"]: d.get("story") for d in gold["documents"]}
    system_story = {doc: s.get("story_id") for s in stories for doc in s.get("doc_ids", [])}
    tp = fp = fn = 0
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            same_gold = gold_story.get(a) is not None and gold_story.get(a) == gold_story.get(b)
            same_system = system_story.get(a) is not None and system_story.get(a) == system_story.get(b)
            tp += same_gold and same_system
            fp += same_system and not same_gold
            fn += same_gold and not same_system
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def _corroboration(gold: dict, by_doc: dict[str, list[dict]], origins: dict) -> list[CorroborationResult]:
    members: dict[str, list[dict]] = defaultdict(list)
    for g in gold["events"]:
        members[g.get("cluster")].append(g)
    results = []
    for item in gold.get("corroboration", []):
        per_doc = [{e.get("cluster_id") for g in members.get(item["cluster"], []) if g["doc"] == doc
                    for e in by_doc.get(doc, []) if event_matches(g, e) and e.get("cluster_id")}
                   for doc in item["docs"]]
        common = set.intersection(*per_doc) if per_doc else set()
        found = max((origins.get(c) or 0 for c in common), default=None)
        results.append(CorroborationResult(item["cluster"], bool(common), item.get("independent_origins"), found))
    return results


def _mixed(gold: dict, by_doc: dict[str, list[dict]]) -> list[str]:
    owners: dict[str, set] = defaultdict(set)
    for g in gold["events"]:
        for e in by_doc.get(g["doc"], []):
            if event_matches(g, e) and e.get("cluster_id"):
                owners[e["cluster_id"]].add(g.get("cluster"))
    return sorted(c for c, held in owners.items() if len(held) > 1)


def _mixed_best(gold: dict, by_doc: dict[str, list[dict]]) -> list[str]:
    owners: dict[str, set] = defaultdict(set)
    for doc, events in by_doc.items():
        golds = [g for g in gold["events"] if g["doc"] == doc]
        for e in events:
            candidates = [g for g in golds if event_matches(g, e)]
            if candidates and e.get("cluster_id"):
                owners[e["cluster_id"]].add(max(candidates, key=lambda g: _evidence_share(g, e)).get("cluster"))
    return sorted(c for c, held in owners.items() if len(held) > 1)


def _evidence_share(gold: dict, event: dict) -> float:
    wanted = content_words(gold.get("evidence") or "")
    evidence = event.get("evidence") or {}
    text = evidence.get("text", "") if isinstance(evidence, dict) else str(evidence)
    return len(wanted & content_words(text)) / len(wanted) if wanted else 0.0
