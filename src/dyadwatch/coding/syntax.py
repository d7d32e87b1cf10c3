"""Grammar helpers for argument finding: subjects (inherited through control, relative and
subordinate clauses), passive parts, prepositional objects, coordination and noun-phrase extent.
Nothing here knows about actors."""
from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.argument_words import (
    HELP_NOUNS, INHERIT_SUBJECT, ISSUED_TEXTS, JUDGING_VERBS, LISTING_PREPS, OBJECT_CONTROL, PHRASE_STOPS,
    RELATIVE_PRONOUNS, SUBJECT_DEPS, TARGET_PREPS,
)


def subject_of(verb: Token) -> Token | None:
    """The syntactic subject of a verb, inherited through xcomp / conj / advcl when missing."""
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return None  # "Asked about the deal, the minister said ...": the minister was asked, did not ask
    seen = set()
    current = verb
    while current.i not in seen:
        seen.add(current.i)
        raised = current is not verb  # "X is expected to sign": X signs
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl" or raised and child.dep_ == "nsubjpass":
                if current.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS:
                    return current.head  # "Xi, who travelled to ...": Xi travelled
                return child
        if current.dep_ == "relcl":
            return current.head
        if (current.dep_ == "acl" and current.head.dep_ == "dobj" and current.head.head.pos_ == "VERB"
                and current.head.lemma_.lower() in ISSUED_TEXTS):
            current = current.head.head  # "issued a statement demanding ...": the issuer demands
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.lemma_ in JUDGING_VERBS:
            accused = next((c for c in current.head.head.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            if accused is not None:
                return accused  # "accused China of firing": China fired
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.pos_ in {"VERB", "AUX", "ADJ"}:
            current = current.head.head  # "after meeting X, Kim issued ...": Kim met X; "guilty of violating"
            continue
        if current.dep_ == "xcomp" and current.head.lemma_ in OBJECT_CONTROL:
            controller = next((c for c in current.head.children if c.dep_ in {"dobj", "dative"}), None)
            if controller is not None:
                return controller
        if current.dep_ in INHERIT_SUBJECT and current.head != current:
            current = current.head
            continue
        break
    return None


def passive_parts(verb: Token) -> tuple[Token | None, Token | None]:
    """(agent, patient) of a passive verb: "by X" and the passive subject. Coordinated participles share
    them: in "X was arrested and expelled by Y" Y arrested X and expelled X."""
    patient, agent = _passive_subject(verb), _agent(verb)
    partners = _coordinated_participles(verb)
    if patient is None and partners and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        patient = next((p for p in map(_passive_subject, partners) if p is not None), None)
    if agent is None and patient is not None:
        agent = next((a for a in map(_agent, partners) if a is not None), None)
    return agent, patient


def _passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubjpass", "csubjpass"}), None)


def _agent(verb: Token) -> Token | None:
    agent = None
    for child in verb.children:
        if child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
    return agent


def _coordinated_participles(verb: Token) -> list[Token]:
    """Past participles coordinated with a participle: "ousted and detained", both ways round."""
    if verb.tag_ != "VBN":
        return []
    found = [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"]
    if verb.dep_ == "conj" and verb.head.tag_ == "VBN":
        found.append(verb.head)
    return found


def prep_objects(token: Token, preps: set[str] = TARGET_PREPS) -> list[Token]:
    """Objects of the given prepositions attached to a token ("with X", "against Y")."""
    out = []
    for child in token.children:
        if (child.dep_ == "prep" or child.dep_ == "dative" and child.pos_ == "ADP") and child.lower_ in preps:
            # "with Albania's help", "with the support of X": a helper, not the party acted on
            out.extend(g for g in child.children if g.dep_ == "pobj"
                       and not (child.lower_ == "with" and (g.lemma_.lower() in HELP_NOUNS or _absolute_with(g))))
            # "attention to what China thinks": the clause's subject is the one meant
            if not (child.lower_ == "with" and _after_comma(child)):
                out.extend(s for g in child.children if g.dep_ == "pcomp"
                           for s in g.children if s.dep_ == "nsubj")
    return out


def _absolute_with(obj: Token) -> bool:
    """", with Qatari officials shuttling between them": a circumstance set off by a comma, not a party."""
    return _after_comma(obj.head) and any(c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"} for c in obj.children)


def _after_comma(token: Token) -> bool:
    return token.i > 0 and token.nbor(-1).is_punct


def conjuncts(token: Token):
    """Phrases coordinated with `token`, also when the parser hangs the coordination on an apposition
    ("President X and Y, the prime minister, condemned ...": the "and" hangs on the name X)."""
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN", "PRON", "ADJ"}:
            yield child
            yield from conjuncts(child)
        elif child.dep_ == "appos" and any(c.dep_ == "cc" for c in child.children):
            yield from conjuncts(child)


def listed_members(head: Token) -> list[Token]:
    """"allies including A and B", "powers such as A": the members a phrase lists act with it."""
    found = []
    for prep in (c for c in head.children if c.dep_ == "prep" and (
            c.lower_ in LISTING_PREPS or c.lower_ == "as" and c.i > 0 and c.nbor(-1).lower_ == "such")):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            found += [pobj, *conjuncts(pobj)]
    return found


def phrase_tokens(head: Token):
    """Tokens of a noun phrase, stopping at clauses and coordinated phrases inside it."""
    stack = [head]
    while stack:
        tok = stack.pop()
        yield tok
        for child in tok.children:
            if child.dep_ in PHRASE_STOPS:
                continue
            stack.append(child)


def depth_below(tok: Token, head: Token) -> int:
    depth = 0
    while tok != head and tok.head != tok:
        tok = tok.head
        depth += 1
    return depth


def compound_head(tok: Token) -> Token:
    head = tok.head
    while head.dep_ == "compound" and head.head != head:
        head = head.head
    return head
