"""A meeting and what its parties did at it, in one sentence.

"A met B in Lima, where they signed a pact", "A's president met B's president and signed a defence pact":
what is done together at a meeting is done by its parties with each other. When a mutual act's clause names
nobody but "they", or names one side of the sentence's meeting and nobody to act with, the meeting's two
parties are its actors.
"""
from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.arguments import Arguments
from dyadwatch.records import Actor, Event

# What two parties do together at a meeting (a meeting itself is not completed from another), and the
# subjects that stand for both of them.
JOINT_TYPES = frozenset({"COOPERATE", "AGREE", "SUPPORT"})
JOINT_SUBJECTS = frozenset({"they"})


def meeting_parties(earlier: list[Event]) -> tuple[Actor, Actor] | None:
    """The two parties of the last meeting coded from the sentence so far, or None."""
    for event in reversed(earlier):
        if event.plover == "CONSULT" and event.status == "asserted" and event.source and event.target:
            return event.source, event.target
    return None


def with_meeting_parties(args: Arguments, verb: Token, plover: str | None, earlier: list[Event]) -> Arguments:
    """The arguments of a mutual act, completed from the sentence's meeting (see the module docstring)."""
    if plover not in JOINT_TYPES or args.targets:
        return args
    parties = meeting_parties(earlier)
    if parties is None:
        return args
    first, second = parties
    if not args.sources:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        joint = subject is not None and subject.lower_ in JOINT_SUBJECTS
        return Arguments([first], [second]) if joint else args
    if len(args.sources) != 1:
        return args
    country = args.sources[0].country
    if country and country == first.country and country != second.country:
        return Arguments(args.sources, [second])
    if country and country == second.country and country != first.country:
        return Arguments(args.sources, [first])
    return args
