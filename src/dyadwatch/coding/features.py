"""Features of a candidate event word for the learned trigger classifier.

A candidate is a verb or common noun. Its features are what a coder reads to decide whether the word
reports an event and of which kind: the word itself, what it governs (objects, prepositions and their
objects, particles, complements), what governs it (a support verb: "held talks", "paid a visit"),
whether actors stand in its subject and object slots and whether they are states, the head lemmas of
its subject and object, its neighbouring lemmas and the verbs governing it ("said it would retaliate"),
plus the parser's own contextual vector.

Sparse features are strings hashed with CRC-32 (stable across processes, unlike `hash()`).
"""
from __future__ import annotations

import zlib

import numpy as np
from spacy.tokens import Doc, Span, Token

from dyadwatch.nlp.extensions import ACTOR_SPANS

CANDIDATE_POS = frozenset({"VERB", "NOUN"})
HASH_BITS = 20
SLOT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "prt", "xcomp", "ccomp", "compound",
                       "amod", "neg", "agent", "dative", "acomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
# Words that are never events whatever their context (auxiliary-like verbs, units, bare time nouns).
NEVER_CANDIDATES = frozenset({
    "be", "have", "do", "say", "year", "month", "week", "day", "time", "people", "percent", "%", "thing", "way",
    "lot", "part", "number", "end", "point", "place", "case", "man", "woman", "official", "country", "government",
})


def is_candidate(tok: Token) -> bool:
    """A verb or common noun that could report an event."""
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha and tok.lemma_.lower() not in NEVER_CANDIDATES


def candidates(sent: Span) -> list[Token]:
    return [tok for tok in sent if is_candidate(tok)]


NON_STATE_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "UNK")
STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")
WINDOW = 2  # neighbouring words each side


def actor_tokens(doc: Doc) -> dict[int, bool]:
    """Token index → whether the resolved actor it belongs to is a state (a country or its organs)."""
    spans = doc.spans.get(ACTOR_SPANS, [])
    return {i: _is_state(span._.actor.code or "") for span in spans if span._.actor is not None
            for i in range(span.start, span.end)}


def _is_state(code: str) -> bool:
    if not code or code[:3] in NON_STATE_PREFIXES:
        return False
    return len(code) == 3 or code[3:6] in STATE_SECTORS


def sparse_features(tok: Token, actors: dict[int, bool]) -> list[str]:
    """The candidate's symbolic context, as feature strings."""
    lemma = tok.lemma_.lower()
    feats = [f"l={lemma}", f"w={tok.lower_}", f"s3={tok.lower_[-3:]}", f"p={tok.pos_}", f"t={tok.tag_}",
             f"d={tok.dep_}", f"l|t={lemma}|{tok.tag_}"]
    head = tok.head
    if head.i != tok.i:
        feats += [f"h={head.lemma_.lower()}", f"hd={head.lemma_.lower()}|{tok.dep_}", f"l|hd={lemma}|{head.lemma_.lower()}|{tok.dep_}"]
        if tok.dep_ == "pobj":
            feats.append(f"gov={head.lower_}|{head.head.lemma_.lower()}")
    for child in tok.children:
        dep, clemma = child.dep_, child.lemma_.lower()
        if dep in SLOT_DEPS:
            feats += [f"c:{dep}={clemma}", f"l|c:{dep}={lemma}|{clemma}"]
        elif dep == "prep":
            feats += [f"prep={child.lower_}", f"l|prep={lemma}|{child.lower_}"]
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    feats.append(f"pobj:{child.lower_}={pobj.lemma_.lower()}")
                    if pobj.i in actors:
                        feats.append(f"actor:pobj:{child.lower_}")
        elif dep == "aux":
            feats.append(f"aux={clemma}")
        if dep in SUBJECT_DEPS and child.i in actors:
            feats.append(f"actor:{dep}")
        elif dep in {"dobj", "dative", "nsubjpass"} and child.i in actors:
            feats.append(f"actor:{dep}")
        elif dep in {"poss", "compound", "amod"} and child.i in actors:
            feats.append("actor:mod")
        if dep in SUBJECT_DEPS | {"dobj"}:
            feats += _argument_features(lemma, dep, child, actors)
    return feats + _context_features(tok, lemma)


def _argument_features(lemma: str, dep: str, child: Token, actors: dict[int, bool]) -> list[str]:
    """Who acts and on what: the argument's head lemma with the candidate, and whether a state fills it."""
    role = "subj" if dep in SUBJECT_DEPS else "obj"
    feats = [f"{role}={child.lemma_.lower()}", f"l|{role}={lemma}|{child.lemma_.lower()}"]
    states = [actors[t.i] for t in child.subtree if t.i in actors]
    if states:
        feats.append(f"{role}:state={any(states)}")
        feats.append(f"l|{role}:state={lemma}|{any(states)}")
    return feats


def _context_features(tok: Token, lemma: str) -> list[str]:
    """Neighbouring lemmas and the chain of governing verbs ("said it would retaliate")."""
    doc = tok.doc
    feats = [f"win{off}={doc[tok.i + off].lemma_.lower()}" for off in range(-WINDOW, WINDOW + 1)
             if off and 0 <= tok.i + off < len(doc)]
    head, depth = tok, 0
    while head.i != head.head.i and depth < 2:  # spaCy makes a new Token per access: compare indices
        head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            feats += [f"chain={head.lemma_.lower()}", f"l|chain={lemma}|{head.lemma_.lower()}"]
            depth += 1
    return feats


def hashed(features: list[str]) -> np.ndarray:
    """Sorted unique feature indices in [0, 2**HASH_BITS)."""
    mask = (1 << HASH_BITS) - 1
    return np.unique(np.fromiter((zlib.crc32(f.encode("utf-8")) & mask for f in features), dtype=np.int64,
                                 count=len(features)))


def dense_features(tok: Token) -> np.ndarray:
    """The parser's contextual vector for the token (empty when the pipeline set none)."""
    tensor = tok.doc.tensor
    if tensor is None or tensor.size == 0 or tensor.shape[0] <= tok.i:
        return np.zeros(0, dtype=np.float32)
    return np.asarray(tensor[tok.i], dtype=np.float32)
