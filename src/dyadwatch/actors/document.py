"""The article as a whole, for references: its quotations with their speakers, and how prominent each
state is across the article.

Quotations: text between quote marks (“…”, "…"), a quote left open at a paragraph's end closing there (a
quotation running on into the next paragraph opens again). The speaker is the subject of the reporting
verb outside the quote in the sentence where it closes ("…,” the ministry said") or, failing that, where
it opens ("Joly said: “…"); a quote with neither takes the speaker of the rest of the same quotation running on
into the next paragraph ("X said: “A.\n\n“B.”", "“A.\n\n“B,” X said"). Only the subject's token span is
kept here: which actor it is gets decided when references are resolved.

Prominence: a state named as clause subject, often, and in the headline or lead is what the article is
about; "the two countries" and ties between equally near antecedents go to the prominent ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

OPENING = {"“", "‘‘", "``"}
CLOSING = {"”", "’’", "''"}
STRAIGHT = {'"'}
REPORTING = {
    "say", "tell", "add", "state", "write", "insist", "declare", "announce", "warn", "note", "stress", "explain",
    "claim", "argue", "assert", "reiterate", "emphasize", "emphasise", "continue", "conclude", "ask", "urge",
    "respond", "reply", "tweet", "post", "affirm", "vow", "pledge", "confirm", "deny", "admit", "acknowledge",
}
SUBJECTS = {"nsubj", "nsubjpass"}
LEAD_SENTENCES = 2


@dataclass(frozen=True)
class Quote:
    """Tokens [start, end) inside quote marks, and the token span of its speaker's phrase (None: unknown)."""

    start: int
    end: int
    speaker: tuple[int, int] | None


@dataclass
class Article:
    """What the article-wide pass learned: quotations, and per-token quote membership."""

    quotes: list[Quote] = field(default_factory=list)
    _quote_of: dict[int, int] = field(default_factory=dict)

    def quote_at(self, i: int) -> Quote | None:
        """The quotation token i stands in, if any."""
        index = self._quote_of.get(i)
        return self.quotes[index] if index is not None else None


def read_article(doc: Doc, paragraphs: list[int]) -> Article:
    """Quotations and their speakers, found once per document."""
    spans = quote_spans(doc, paragraphs)
    speakers = [quote_speaker(doc, start, end) for start, end in spans]
    for k in range(len(spans) - 2, -1, -1):  # a quotation running on: its later part names the speaker
        if speakers[k] is None and _runs_on(doc, spans[k], spans[k + 1]):
            speakers[k] = speakers[k + 1]
    for k in range(1, len(spans)):  # ... or its first part did ("X said: “A.\n\n“B.”")
        if speakers[k] is None and _runs_on(doc, spans[k - 1], spans[k]):
            speakers[k] = speakers[k - 1]
    article = Article([Quote(s, e, sp) for (s, e), sp in zip(spans, speakers)])
    for index, (start, end) in enumerate(spans):
        for i in range(start, end):
            article._quote_of[i] = index
    return article


def _runs_on(doc: Doc, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """A quote left open at its paragraph's end, followed straight away by the next paragraph's quote."""
    end = first[1]
    if end < len(doc) and (doc[end].text in CLOSING or doc[end].text in STRAIGHT):
        return False  # closed properly: a quotation of its own
    between = [t for t in doc[end:second[0]] if not t.is_space and t.text not in OPENING | STRAIGHT]
    return not between


def quote_spans(doc: Doc, paragraphs: list[int]) -> list[tuple[int, int]]:
    """Token spans inside quote marks; an open quote closes at its paragraph's end."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for tok in doc:
        if open_at is not None and paragraphs[tok.i] != paragraphs[open_at]:
            spans.append((open_at + 1, _paragraph_end(doc, paragraphs, open_at)))
            open_at = None
        text = tok.text
        if open_at is None and (text in OPENING or text in STRAIGHT):
            open_at = tok.i
        elif open_at is not None and (text in CLOSING or text in STRAIGHT):
            if tok.i > open_at + 1:
                spans.append((open_at + 1, tok.i))
            open_at = None
    if open_at is not None:
        spans.append((open_at + 1, len(doc)))
    return [(s, e) for s, e in spans if e - s >= 3]  # scare quotes ("anti-terror") quote no speech


def _paragraph_end(doc: Doc, paragraphs: list[int], i: int) -> int:
    end = i
    while end < len(doc) and paragraphs[end] == paragraphs[i]:
        end += 1
    while end > i + 1 and doc[end - 1].is_space:
        end -= 1
    return end


def quote_speaker(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The speaker's phrase: subject of a reporting verb outside the quote, after it closes, else before it opens."""
    if not doc.has_annotation("DEP"):
        return None
    after = _sentence_of(doc, end - 1)
    for tok in doc[end:after.end] if after is not None else []:
        found = _reporting_subject(tok, start, end)
        if found is not None:
            return found
    before = _sentence_of(doc, start)
    if before is None:
        return None
    for tok in reversed(doc[before.start:max(before.start, start - 1)]):
        found = _reporting_subject(tok, start, end)
        if found is not None:
            return found
    return None


def _sentence_of(doc: Doc, i: int):
    if not doc.has_annotation("SENT_START") or not 0 <= i < len(doc):
        return None
    return doc[i].sent


def _reporting_subject(tok: Token, start: int, end: int) -> tuple[int, int] | None:
    if tok.lemma_.lower() not in REPORTING or tok.pos_ not in ("VERB", "AUX") or start <= tok.i < end:
        return None
    subject = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
    if subject is None or start <= subject.i < end:
        return None
    left = min(t.i for t in subject.subtree if not (start <= t.i < end))
    return left, subject.i + 1


@dataclass
class Prominence:
    """How prominent each state (by country code) is across the article."""

    scores: dict[str, float] = field(default_factory=dict)

    def add(self, country: str | None, subject: bool, sentence: int) -> None:
        if not country:
            return
        weight = 1.0 + (1.0 if subject else 0.0) + (1.0 if sentence < LEAD_SENTENCES else 0.0)
        self.scores[country] = self.scores.get(country, 0.0) + weight

    def of(self, country: str | None) -> float:
        return self.scores.get(country or "", 0.0)
