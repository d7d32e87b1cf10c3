"""Undoing a parse the bare weekday misleads: "met Peru Wednesday", "told CNN Thursday".

News style drops the "on" before a weekday. The parser then often reads the name before it as a
modifier of the weekday ("Peru Wednesday" as one noun phrase, the way it reads "Peru Airlines"), so
the verb loses its object. Once the time tagger knows the weekday is a date, the words before it are
hung back on the verb as its object, and the weekday on the verb as the adverbial it is.
"""
from __future__ import annotations

from spacy.tokens import Span

# What the parser makes of the weekday phrase when it swallows the name before it.
SWALLOWING_DEPS = {"npadvmod", "dobj", "dative"}
OBJECT_DEPS = {"dobj", "dative"}


def detach_names_from_weekday(span: Span) -> None:
    """When `span` is a bare date whose parse took the name before it as a modifier, give that name to the
    verb the date hangs from (in place)."""
    root = span.root
    verb = root.head
    if root.dep_ not in SWALLOWING_DEPS or verb.pos_ not in {"VERB", "AUX"} or verb.i > span.start:
        return
    swallowed = [c for c in root.lefts if c.i < span.start]
    if not swallowed or swallowed[-1].dep_ != "compound" or swallowed[-1].pos_ != "PROPN":
        return
    name = swallowed[-1]
    for modifier in swallowed[:-1]:
        modifier.head = name
    had_object = any(c.dep_ in OBJECT_DEPS and c.i != root.i for c in verb.children)
    name.head = verb
    name.dep_ = "npadvmod" if had_object else (root.dep_ if root.dep_ in OBJECT_DEPS else "dobj")
    root.dep_ = "npadvmod"

