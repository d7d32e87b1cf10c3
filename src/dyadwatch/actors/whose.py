"""Whose a state body is, when its phrase or clause says so: "the regime in the West African country" is
that country's (its own "in"/"of" complement names the state by description), and "the junta" that a
state acts on is not that state's own (a state does not act on itself), so the sentence subject's state
is no candidate for a body that is not itself a subject. references.py asks these before its
nearest-salient-state fallback. `owned_mention` finds the phrase a possessive owns ("its troops", "our
congressional delegation").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from dyadwatch.actors.context import next_word_index
from dyadwatch.actors.descriptions import description_reference
from dyadwatch.records import Actor

if TYPE_CHECKING:
    from dyadwatch.actors.mentions import Mention
    from dyadwatch.actors.references import Context, Seen

COMPLEMENT_PREPOSITIONS = {"in", "of"}  # "the junta in the Sahel state", "the government of the island"
# Plain adjectives between a possessive and the phrase it owns: "our congressional delegation", "its elite
# troops" (and adverbs on them: "its newly appointed envoy").
ADJECTIVE_TAGS = {"JJ", "JJR", "JJS", "VBN"}


def owned_mention(doc: Doc, unresolved: dict[int, Mention], i: int) -> Mention | None:
    """The unresolved mention the word at i (a possessive or a determiner) stands before: the one starting at
    the next word, or after plain adjectives that modify that mention's head."""
    at = next_word_index(doc, i + 1)
    while at < len(doc) and at not in unresolved and (doc[at].tag_ in ADJECTIVE_TAGS and doc[at].dep_ == "amod"
                                                      or doc[at].tag_ == "RB" and doc[at].dep_ == "advmod"):
        at += 1  # "its newly appointed envoy"
    owned = unresolved.get(at)
    if owned is None or at == i + 1:
        return owned
    head = doc[owned.start:owned.end].root
    return owned if all(head.is_ancestor(doc[k]) for k in range(i + 1, at)) else None


def not_the_subjects_own(context: Context, i: int, end: int, candidates: list[Seen]) -> list[Seen]:
    """Candidates for a body that is not its clause's subject, less the states of its sentence's subjects:
    in "France rejected the demands of the junta" the junta is not France's own (a state does not act on
    itself), so it goes back to the state before."""
    from dyadwatch.actors.references import is_subject

    if is_subject(context.doc, i, end):
        return candidates
    sentence = context.sentences[i]
    subjects = {c.actor.country for c in candidates if c.sentence == sentence and c.subject}
    return [c for c in candidates if c.actor.country not in subjects]


def complement_state(context: Context, owned: Mention) -> Actor | None:
    """The state a body's own "in"/"of" phrase names by description: "the new regime in the West African
    country" is that country's, whoever the sentence's subject is."""
    doc, at = context.doc, owned.end
    if at + 1 >= len(doc) or doc[at].lower_ not in COMPLEMENT_PREPOSITIONS or doc[at + 1].lower_ != "the":
        return None
    described = description_reference(context, at + 1)
    return described.actor if described is not None else None
