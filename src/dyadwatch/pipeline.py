"""The NLP pipeline, assembled: model → paragraphs → datelines → actors → times → events.

`build_pipeline()` gives the spaCy Language object; `code_text()` and `code_documents()` run it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

from spacy.language import Language

import dyadwatch.actors.component  # noqa: F401  (registers the dyadwatch_actors factory)
import dyadwatch.coding.component  # noqa: F401  (registers dyadwatch_events)
import dyadwatch.coding.learned  # noqa: F401  (registers dyadwatch_trigger_model)
import dyadwatch.time.component  # noqa: F401  (registers dyadwatch_time)
from dyadwatch.nlp import load_base_model, register_extensions
from dyadwatch.nlp.attribute_rules import use_fast_attribute_ruler
from dyadwatch.nlp.lemmas import use_memo_lemmatizer
from dyadwatch.records import Document, Event

BATCH_SIZE = 16
# The learned trigger layer vetoes and retypes derived-dictionary hits and adds events the lexicon lacks;
# on since it matched or beat the rules on the dev set's both halves and the seeds (README, Accuracy).
LEARNED_BY_DEFAULT = True


def build_pipeline(learned: bool = LEARNED_BY_DEFAULT) -> Language:
    """A fresh pipeline with every dyadwatch component added; `learned=False` codes with the rules alone,
    without the learned trigger layer's proposals, vetoes and retypings."""
    register_extensions()
    nlp = load_base_model()
    use_fast_attribute_ruler(nlp)  # the same token attributes and lemmas as the model's own, for less CPU
    use_memo_lemmatizer(nlp)
    nlp.add_pipe("dyadwatch_paragraphs", before="parser")
    nlp.add_pipe("dyadwatch_datelines", after="dyadwatch_paragraphs")
    nlp.add_pipe("dyadwatch_actors")
    nlp.add_pipe("dyadwatch_time")
    nlp.add_pipe("dyadwatch_trigger_model", config={"enabled": learned})
    nlp.add_pipe("dyadwatch_events")
    return nlp


@lru_cache(maxsize=1)
def shared_pipeline() -> Language:
    """One pipeline per process for the convenience API (loading the model takes a second)."""
    return build_pipeline()


def code_documents(documents: Iterable[Document], nlp: Language | None = None,
                   batch_size: int = BATCH_SIZE) -> Iterator[tuple[Document, list[Event]]]:
    """Code each document; yields (document, events) in input order."""
    nlp = nlp or shared_pipeline()
    pending: list[Document] = []

    def make(doc_record: Document):
        doc = nlp.make_doc(doc_record.text)
        doc._.doc_id = doc_record.doc_id
        doc._.published = doc_record.published
        pending.append(doc_record)
        return doc

    for doc in nlp.pipe((make(d) for d in documents), batch_size=batch_size):
        yield pending.pop(0), list(doc._.events or [])


def code_text(text: str, published: date | str | None = None, doc_id: str = "text") -> list[Event]:
    """Events in one piece of text; `published` anchors relative dates."""
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    record = Document(doc_id=doc_id, text=text, content_hash="", origin="<text>", published=published)
    return next(code_documents([record]))[1]
