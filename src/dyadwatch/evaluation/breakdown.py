"""Where the errors are: figures per story (or per group of stories) and the kind of every miss.

A missed key event is, in the order checked:
- `not_asserted`: coded from its sentence with its type and actors, but negated or hypothetical;
- `wrong_actors`: its type coded from its sentence, with other actors;
- `wrong_type`: something else coded from its sentence;
- `no_event`: nothing coded from its sentence at all.
A spurious event is `wrong_actors` when its document has a gold event of its type, else `wrong_type`.
A found event with the wrong date is `wrong_date`.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dyadwatch.evaluation.gold import score_gold
from dyadwatch.evaluation.matching import date_agrees, evidence_agrees, event_matches, is_asserted, plover_of

MISS_KINDS = ("no_event", "wrong_type", "wrong_actors", "not_asserted")


@dataclass
class GroupScore:
    """Figures of one story or group of stories."""

    name: str
    documents: int
    precision: float
    recall: float
    f1: float
    dated_recall: float
    forbidden: int


@dataclass
class Breakdown:
    groups: list[GroupScore]
    miss_kinds: Counter = field(default_factory=Counter)
    spurious_kinds: Counter = field(default_factory=Counter)
    wrong_dates: int = 0


def story_of(document: dict) -> str:
    return str(document.get("story") or document["id"])


def subset(gold: dict, doc_ids: set[str]) -> dict:
    """The gold set restricted to some documents."""
    return {**gold, "documents": [d for d in gold["documents"] if d["id"] in doc_ids],
            "events": [g for g in gold["events"] if g["doc"] in doc_ids],
            "forbidden": [f for f in gold.get("forbidden", []) if f["doc"] in doc_ids]}


def stories_subset(gold: dict, stories: set[str]) -> dict:
    """The gold set restricted to the documents of the named stories."""
    return subset(gold, {d["id"] for d in gold["documents"] if story_of(d) in stories})


def group_score(name: str, gold: dict, events: list[dict]) -> GroupScore:
    res = score_gold(gold, events)
    return GroupScore(name, len(gold["documents"]), res.precision, res.recall, res.f1, res.dated_recall, res.forbidden)


def per_story(gold: dict, events: list[dict]) -> list[GroupScore]:
    stories: dict[str, set[str]] = defaultdict(set)
    for document in gold["documents"]:
        stories[story_of(document)].add(document["id"])
    return [group_score(name, subset(gold, ids), events) for name, ids in sorted(stories.items())]


def split_scores(gold: dict, events: list[dict], worked: set[str]) -> list[GroupScore]:
    """Figures for the named stories and for all the others."""
    others = {story_of(d) for d in gold["documents"]} - worked
    return [group_score("worked from", stories_subset(gold, worked), events),
            group_score("the others", stories_subset(gold, others), events)]


def miss_kind(gold_event: dict, coded: list[dict]) -> str:
    """Why a key event was not found, from the document's events of every status."""
    in_sentence = [e for e in coded if evidence_agrees(gold_event, e)]
    if not in_sentence:
        return "no_event"
    if any(event_matches(gold_event, e) for e in in_sentence):
        return "not_asserted"
    if any(plover_of(e) in gold_event["plover"] for e in in_sentence):
        return "wrong_actors"
    return "wrong_type"


def breakdown(gold: dict, events: list[dict]) -> Breakdown:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        by_doc[event.get("doc_id")].append(event)
    result = Breakdown(per_story(gold, events))
    gold_types: dict[str, set[str]] = defaultdict(set)
    for g in gold["events"]:
        gold_types[g["doc"]].update(g["plover"])
    for g in (g for g in gold["events"] if g.get("key")):
        asserted = [e for e in by_doc[g["doc"]] if is_asserted(e)]
        found = [e for e in asserted if event_matches(g, e)]
        if not found:
            result.miss_kinds[miss_kind(g, by_doc[g["doc"]])] += 1
        elif g.get("date") and not any(date_agrees(g["date"], e.get("date")) for e in found):
            result.wrong_dates += 1
    for e in score_gold(gold, events).spurious:
        kind = "wrong_actors" if plover_of(e) in gold_types[e.get("doc_id")] else "wrong_type"
        result.spurious_kinds[kind] += 1
    return result
