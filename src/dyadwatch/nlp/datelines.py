"""Wire datelines ("NEW DELHI, Sept 17 (Agency) - ") are not part of the story's first sentence.

A component that runs after the paragraph breaks and before the parser: the words after a dateline start
their own sentence, and Doc._.datelines records the dateline's token range so later stages neither parse
it into the sentence ("DOHA ... - Venezuela freed") nor take its place name for an actor.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dyadwatch.nlp.sentstarts import set_sentence_starts

# An upper-case place (optionally ", Region"), an optional date and agency, then a dash or colon.
DATELINE = re.compile(
    r"[A-Z][A-Z'.\-]{1,}(?: [A-Z][A-Z'.\-]+)*"      # NEW DELHI, ADDIS ABABA, KYIV
    r"(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)*)?"          # , South Korea
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"  # , Nov 14 / , June 28, 2025
    r"(?: \([^()\n]{1,60}\))?"                      # (Agency)
    r" ?(?:-{1,2}|–|—|:) ")
MAX_DATELINE_CHARS = 200  # a dateline is a place, a date and an agency: the match never reads further


@Language.component("dyadwatch_datelines", assigns=["token.is_sent_start", "doc._.datelines"])
def split_datelines(doc: Doc) -> Doc:
    """Make the words after a paragraph-opening dateline a sentence of their own."""
    ranges: list[tuple[int, int]] = []
    starts: dict[int, bool | None] = {}  # token index -> is_sent_start, written at the end in one pass
    text = doc.text  # built from the tokens at each access: read once, not once per paragraph
    for token in doc:
        if not _opens_paragraph(token):
            continue
        match = DATELINE.match(text, token.idx, token.idx + MAX_DATELINE_CHARS)
        if match is None:
            continue
        body = next((t for t in doc[token.i:] if t.idx >= match.end()), None)
        if body is None or "\n" in text[match.start():match.end()]:
            continue
        starts.update(dict.fromkeys(range(token.i + 1, body.i), False))
        starts[body.i] = True
        _keep_together(doc, body, starts)
        ranges.append((token.i, body.i))
    set_sentence_starts(doc, starts)
    doc._.datelines = ranges
    return doc


SENTENCE_ENDS = {".", "!", "?"}


def _keep_together(doc: Doc, body, starts: dict[int, bool | None]) -> None:
    """No break inside the story's first sentence: the parser, thrown by the sentence start we set, may
    otherwise cut it after its first word ("Kyrgyz | and Tajik border guards exchanged ...")."""
    for inner in doc[body.i + 1:]:
        if inner.is_space or "\n" in inner.text:
            return
        starts[inner.i] = False
        if inner.text in SENTENCE_ENDS or "\n" in inner.whitespace_:
            return


def _opens_paragraph(token) -> bool:
    return not token.is_space and (token.i == 0 or "\n" in token.nbor(-1).whitespace_ or "\n" in token.nbor(-1).text)
