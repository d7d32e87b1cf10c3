"""The base model's attribute ruler, applied faster with the same effect on every token.

spaCy's AttributeRuler (en_core_web_sm's maps tags to POS and morphology, and fixes some lemmas) runs a
Matcher over all of its 179 patterns at every token, then sets each match's attributes in rule order,
a later rule overriding an earlier one. All of those patterns are of fixed length (nearly all of one
token) with conditions that are equalities, IN / NOT_IN sets or REGEX on plain attributes (TAG, LOWER,
DEP, ...): FastAttributeRuler indexes such patterns by one equality or IN condition (the "anchor"), so a
token only tests the few patterns its anchor value selects (a pattern without one, like a lone REGEX,
is tested once per distinct value of its first condition's attribute). Any other pattern (OP, extensions, other
attributes or predicates) still goes through a Matcher. As in
spaCy, every condition is read from the doc as it came in (before any rule sets anything), and each
token then gets the attributes of its matching rules in the ruler's order.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IDS, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

# Conditions on these are indexed; most selective first, so the anchor picks few candidate rules.
INDEXED_ATTRS = (ORTH, LOWER, TAG, DEP, IS_SPACE)
# Rules may set only these: they live on the token alone, so rules applied token by token (not match by
# match, as spaCy does) cannot differ through the lexeme that tokens of one word share.
TOKEN_ONLY_ATTRS = {LEMMA, POS, TAG, MORPH, DEP}


@dataclass(frozen=True)
class Condition:
    """One token attribute (a column of the doc array) in, or not in, a set of values, or (`regex` set)
    whose string a regular expression finds something in."""
    column: int
    values: frozenset[int] = frozenset()
    negated: bool = False
    regex: re.Pattern[str] | None = None

    def holds(self, columns: list[list[int]], i: int, strings: StringStore) -> bool:
        """Whether token `i` meets the condition."""
        return self.holds_for(columns[self.column][i], strings)

    def holds_for(self, value: int, strings: StringStore) -> bool:
        """Whether a token whose attribute has `value` meets the condition."""
        if self.regex is not None:
            return bool(self.regex.search(strings[value]))
        return (value in self.values) != self.negated


@dataclass(frozen=True)
class IndexedPattern:
    """A fixed-length pattern of rule `rule`, found through its anchor condition at token `offset`;
    `conditions[k]` must hold at the pattern's k-th token (the anchor itself is left out)."""
    rule: int
    offset: int
    conditions: tuple[tuple[Condition, ...], ...]
    bare: bool = False  # one token, no condition but the anchor: it matches wherever it is found


def can_replace(ruler: AttributeRuler) -> bool:
    """Whether FastAttributeRuler has the ruler's effect: its rules set token-only attributes, and no
    extension attributes."""
    return all(set(attrs) <= TOKEN_ONLY_ATTRS for attrs in ruler.attrs)


class FastAttributeRuler:
    """A stand-in for a loaded AttributeRuler: same patterns, same attributes set (see module doc)."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler") -> None:
        self.name = name
        self.vocab = vocab
        self.attrs: list[dict[int, Any]] = []
        self.indices: list[int] = []
        self.index: dict[int, dict[int, list[IndexedPattern]]] = {}
        self.scanned: list[tuple[Condition, IndexedPattern]] = []
        self.matcher = Matcher(vocab)
        self._merged: dict[tuple[int, ...], dict[int, Any]] = {}

    def load(self, ruler: AttributeRuler) -> None:
        """Take the rules of `ruler` (its normalized attributes, target indices and patterns)."""
        if not can_replace(ruler):
            raise ValueError("the attribute ruler sets attributes FastAttributeRuler cannot set token by token")
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        for rule, spec in enumerate(ruler.patterns):
            for pattern in spec["patterns"]:
                self._add(rule, pattern)
        self._merged = {}

    def _add(self, rule: int, pattern: list[dict[str, Any]]) -> None:
        compiled = [compile_token(self.vocab, spec) for spec in pattern]
        anchor = _anchor(compiled) if all(c is not None for c in compiled) else None
        if anchor is None:
            self.matcher.add(str(rule), [pattern])
            return
        offset, condition = anchor
        conditions = tuple(tuple(c for c in token if c is not condition) for token in compiled)
        bare = len(conditions) == 1 and not conditions[0] and self.indices[rule] in (0, -1)
        found = IndexedPattern(rule, offset, conditions, bare)
        if condition.regex is not None or condition.negated:
            self.scanned.append((condition, found))
            return
        by_value = self.index.setdefault(condition.column, {})
        for value in condition.values:
            by_value.setdefault(value, []).append(found)

    def __call__(self, doc: Doc) -> Doc:
        """Set the rules' attributes on the doc's tokens."""
        for i, matched in enumerate(self.token_rules(doc)):
            if matched:
                attrs = self._merged_attrs(tuple(sorted(set(matched))))
                if attrs:
                    set_token_attrs(doc[i], attrs)
        return doc

    def token_rules(self, doc: Doc) -> list[list[int]]:
        """Per token, the rules whose patterns set its attributes (unordered, maybe repeated)."""
        length = len(doc)
        if not length:
            return []
        columns = [doc.to_array(attr).tolist() for attr in INDEXED_ATTRS]
        rules: list[list[int]] = [[] for _ in range(length)]
        strings = self.vocab.strings
        for column, by_value in self.index.items():
            for i, value in enumerate(columns[column]):
                for found in by_value.get(value, ()):
                    if found.bare:
                        rules[i].append(found.rule)
                    else:
                        self._check(doc, columns, i, found, rules)
        for condition, found in self.scanned:
            column = columns[condition.column]
            passing = {value for value in set(column) if condition.holds_for(value, strings)}
            for i, value in enumerate(column):
                if value in passing:
                    self._check(doc, columns, i, found, rules)
        if len(self.matcher):
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                rule = int(strings[match_id])
                rules[_target(doc, start, end, self.indices[rule])].append(rule)
        return rules

    def _check(self, doc: Doc, columns: list[list[int]], i: int, found: IndexedPattern,
               rules: list[list[int]]) -> None:
        """Add the pattern's rule to its target token's when the pattern, anchored at token `i`, matches."""
        start = i - found.offset
        end = start + len(found.conditions)
        if start >= 0 and end <= len(doc) and all(c.holds(columns, start + k, self.vocab.strings)
                                                   for k, token in enumerate(found.conditions) for c in token):
            rules[_target(doc, start, end, self.indices[found.rule])].append(found.rule)

    def _merged_attrs(self, rules: tuple[int, ...]) -> dict[int, Any]:
        """The attributes the rules set, in order: a later rule's value of an attribute wins."""
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:
                merged.update(self.attrs[rule])
            self._merged[rules] = merged
        return merged


def _target(doc: Doc, start: int, end: int, index: int) -> int:
    """The doc index of the match's token at `index` (negative counts from the end), checked as spaCy does."""
    position = index if index >= 0 else end - start + index
    if not 0 <= position < end - start:
        raise ValueError(f"attribute ruler index {index} is outside the match {doc[start:end].text!r}")
    return start + position


def compile_token(vocab: Vocab, spec: dict[str, Any]) -> tuple[Condition, ...] | None:
    """The conditions of one token of a pattern as the Matcher reads them, or None when one of them is
    not an equality, IN / NOT_IN set or REGEX on an indexed attribute."""
    conditions: list[Condition] = []
    for key, value in spec.items():
        if not isinstance(key, str):
            return None
        name = "ORTH" if key.upper() == "TEXT" else key.upper()
        attr = IDS.get(name)
        if attr not in INDEXED_ATTRS:
            return None
        found = _conditions(vocab, INDEXED_ATTRS.index(attr), value)
        if found is None:
            return None
        conditions += found
    return tuple(conditions)


def _conditions(vocab: Vocab, column: int, value: Any) -> list[Condition] | None:
    """The conditions of one attribute's pattern value; None for predicates other than IN, NOT_IN, REGEX."""
    if isinstance(value, str):
        return [Condition(column, frozenset((vocab.strings.add(value),)))]
    if isinstance(value, bool):
        return [Condition(column, frozenset((int(value),)))]
    if isinstance(value, int):
        return [Condition(column, frozenset((value,)))]
    if not isinstance(value, dict):
        return None
    conditions = []
    for predicate, items in value.items():
        predicate = predicate.upper() if isinstance(predicate, str) else predicate
        if predicate in ("IN", "NOT_IN") and isinstance(items, list) and _plain(items):
            conditions.append(Condition(column, frozenset(get_string_id(v) for v in items),
                                        negated=predicate == "NOT_IN"))
        elif predicate == "REGEX" and isinstance(items, str):
            conditions.append(Condition(column, regex=re.compile(items)))
        else:
            return None
    return conditions


def _plain(items: Iterable[Any]) -> bool:
    return all(isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)) for v in items)


def _anchor(tokens: list[tuple[Condition, ...] | None]) -> tuple[int, Condition] | None:
    """The condition to find a pattern by, and its token's position: the set condition (not negated)
    on the attribute earliest in INDEXED_ATTRS, at the earliest token; else the first token's first
    condition (tested once per distinct value in the doc); None for a first token without conditions."""
    found = [(c.column, k, c) for k, token in enumerate(tokens) for c in token or ()
             if c.regex is None and not c.negated]
    if found:
        _, offset, condition = min(found, key=lambda f: (f[0], f[1]))
        return offset, condition
    return (0, tokens[0][0]) if tokens and tokens[0] else None


@Language.factory("dyadwatch_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """An empty FastAttributeRuler; `use_fast_attribute_ruler` fills it from the model's ruler."""
    return FastAttributeRuler(nlp.vocab, name)


def use_fast_attribute_ruler(nlp: Language) -> None:
    """Replace the model's "attribute_ruler" by a FastAttributeRuler with its rules, when it can."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    original = nlp.get_pipe("attribute_ruler")
    if not isinstance(original, AttributeRuler) or not can_replace(original):
        return
    fast = nlp.replace_pipe("attribute_ruler", "dyadwatch_attribute_ruler")
    fast.load(original)
