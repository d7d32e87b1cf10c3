"""Custom spaCy attributes shared by the pipeline components (one place, registered once).

Doc._.doc_id       document id, set before the pipeline runs
Doc._.published    datetime.date the article was published (anchors relative dates), or None
Doc._.events       list[dyadwatch.records.Event] written by the event coder
Doc._.datelines    token ranges (start, end) of wire datelines ("KYIV, June 28 (Agency) - ")
Doc._.trigger_scores  dict token index → coding.learned.Prediction, written by the learned trigger layer
Span._.actor       dyadwatch.records.Actor for spans in doc.spans["actors"]
Span._.time        dyadwatch.time.TimeValue for spans in doc.spans["times"]
Span._.attribution list[dyadwatch.records.Attribution] for a sentence (doc.sents), nearest first
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

ACTOR_SPANS = "actors"
TIME_SPANS = "times"


def register_extensions() -> None:
    """Register every custom attribute; safe to call many times."""
    for name, default in (("doc_id", None), ("published", None), ("events", None), ("datelines", None),
                          ("trigger_scores", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("actor", "time", "attribution"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()
