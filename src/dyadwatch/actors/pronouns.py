"""Antecedents for pronouns across the article: "it"/"its" for a state or body, "they"/"their" for a
plural body, "he"/"she" past the paragraph, "we"/"our" inside a quote for the quote's speaker.

Only the choice of antecedent lives here (references.py builds the references). The rules, in order:
- the subject of a clause the pronoun's clause hangs from, said before it ("Iran said it would ...",
  "Azerbaijan regained control of its region", "China, which claims Taiwan as its territory");
- else the main-clause subject of one of the two sentences before ("India rejected them. It said ...").
A subject that cannot be the antecedent but could take the pronoun (a thing: "The deal ... It") stops the
search: no resolution is better than a guess. So do two actors coordinated in the subject, and an expletive
or a copula's "it" ("It is the first attack ...") is never resolved.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from dyadwatch.actors.references import Context, Seen

SINGULAR = {"it", "its"}
PLURAL = {"they", "their"}
FIRST_PERSON = {"we", "our", "us"}
POSSESSIVE = {"its", "their", "our"}
SUBJECTS = {"nsubj", "nsubjpass"}
RELATIVE = {"who", "which", "that"}
# Verbs whose "it" subject is usually a placeholder: "it is likely that", "it remains to be seen".
EXPLETIVE_HEADS = {"be", "seem", "appear", "remain", "take", "happen", "matter", "mean", "look", "become",
                   "constitute", "represent", "amount", "mark", "pose", "cost"}  # "saying it constituted ..."
PLURAL_TAGS = {"NNS", "NNPS"}
SINGULAR_NOUN_TAGS = {"NN", "NNP"}
STOP = object()  # a blocking subject: give up


def pronoun_role(tok: Token) -> str | None:
    """"subject", "possessive" or None for a state pronoun that is neither (objects are not resolved)."""
    word = tok.lower_
    if word in POSSESSIVE:
        return "possessive"
    if word in ("it", "they", "we") and tok.dep_ in SUBJECTS:
        if word == "it" and tok.head.lemma_.lower() in EXPLETIVE_HEADS:
            return None
        return "subject"
    if word == "us" and tok.dep_ in ("dobj", "dative", "pobj"):
        return "object"
    return None


def thing_antecedent(context: Context, i: int, exclude: str | None) -> Seen | None:
    """The state or body "it"/"its"/"they"/"their" at token i stands for, or None."""
    tok = context.doc[i]
    plural = tok.lower_ in PLURAL
    found = governing_subject(context, tok, plural, exclude)
    if found is STOP:
        return None
    if found is not None:
        return found
    sentence = context.sentences[i]
    for back in (1, 2):
        if sentence - back < 0:
            return None
        root = context.sents[sentence - back].root
        subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
        if subject is None:
            continue
        found = judge(context, subject, plural, exclude)
        if found is STOP:
            return None
        if found is not None:
            return found
    return None


def governing_subject(context: Context, tok: Token, plural: bool, exclude: str | None):
    """A Seen, STOP, or None: the subject of a clause above the pronoun, said before it."""
    current, steps = tok, 0
    while current.head.i != current.i and steps < 12:
        current, steps = current.head, steps + 1
        subject = next((c for c in current.children if c.dep_ in SUBJECTS
                        and c.i < tok.i and not c.left_edge.i <= tok.i <= c.right_edge.i), None)
        if subject is None:
            continue
        if subject.lower_ in RELATIVE and current.dep_ == "relcl":
            subject = current.head  # "China, which claims Taiwan as its territory": China
        found = judge(context, subject, plural, exclude)
        if found is not None:
            return found
    return None


def judge(context: Context, subject: Token, plural: bool, exclude: str | None):
    """The antecedent a subject gives: its mention when it fits, STOP when the subject could be what the
    pronoun means but is no fitting actor, None when it is neither (search on)."""
    seen = covering(context, subject.i)
    if seen is not None:
        actors = {s.actor.code for s in (covering(context, c.i) for c in subject.conjuncts) if s is not None}
        if actors - {seen.actor.code}:
            return STOP  # "Russia and Ukraine signed ... It": which one?
        fits_here = fits(context, seen, plural) and seen.actor.code != exclude
        return seen if fits_here else STOP  # "Macron said it would ...": France, or the plan? Unsaid.
    if subject.pos_ == "PRON":
        return STOP
    tags = PLURAL_TAGS if plural else SINGULAR_NOUN_TAGS
    return STOP if subject.tag_ in tags else None


def covering(context: Context, i: int) -> Seen | None:
    for seen in reversed(context.seen):
        if seen.start <= i < seen.end:
            return seen
    return None


def fits(context: Context, seen: Seen, plural: bool) -> bool:
    """"it" takes a state or a singular body, "they" a plural body ("the separatists", "officials")."""
    if not seen.actor.code or (seen.person and not plural):
        return False
    return seen.plural == plural


def person_antecedent(context: Context, i: int) -> Seen | None:
    """"he"/"she" in a paragraph that names nobody: the one person named in the sentence before."""
    sentence = context.sentences[i]
    earlier = [s for s in context.seen if s.person and 0 < sentence - s.sentence <= 2]
    if not earlier:
        return None
    latest = [s for s in earlier if s.sentence == earlier[-1].sentence]
    people = {s.actor.name or s.actor.text for s in latest}
    subjects = {s.actor.name or s.actor.text for s in latest if s.subject}
    if len(people) == 1:
        return latest[0]
    if len(subjects) == 1:
        subject = next(s for s in latest if s.subject)
        if not _shares_phrase(context, subject, latest):
            return subject
    return None


def _shares_phrase(context: Context, subject: Seen, people: list[Seen]) -> bool:
    """Another person inside the subject's own noun phrase ("A and B met", however it was parsed)."""
    root = context.doc[subject.end - 1]
    left, right = root.left_edge.i, root.right_edge.i
    return any(p is not subject and left <= p.start <= right for p in people)
