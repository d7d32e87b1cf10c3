"""Line breaks are sentence breaks: a component that runs before the parser.

Cleaned articles put each paragraph (and the headline) on its own line; a sentence never spans two.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyadwatch.nlp.sentstarts import set_sentence_starts


@Language.component("dyadwatch_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at the first non-space token after a line break."""
    after_break = False
    starts: dict[int, bool | None] = {}
    for token in doc:
        if after_break and not token.is_space:
            starts[token.i] = True
            after_break = False
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            after_break = True
    set_sentence_starts(doc, starts)
    return doc
