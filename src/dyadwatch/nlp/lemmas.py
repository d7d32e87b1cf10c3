"""The base model's lemmatizer, with every lemma it works out kept for the next token of the same form.

spaCy's rule lemmatizer keeps the lemmas of its suffix rules by (word, POS, morphology) but works out
afresh, for every token, the commonest answer: that a singular noun, a positive adjective or an
infinitive is its own lemma (the English `is_base_form`, which reads the morphology as a dict). The
lemma depends on nothing else, so MemoLemmatizer asks the model's lemmatizer once per (word, POS,
morphology) and sets the same lemma on every token of that form (all of a doc's lemmas in one array).
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab


class MemoLemmatizer:
    """A stand-in for a loaded rule Lemmatizer that sets the same lemmas (see module doc)."""

    def __init__(self, vocab: Vocab, name: str = "lemmatizer") -> None:
        self.name = name
        self.vocab = vocab
        self.lemmatizer: Lemmatizer | None = None
        self._lemmas: dict[tuple[int, int, int], int] = {}  # (word, POS, morphology) → lemma, as string ids

    def load(self, lemmatizer: Lemmatizer) -> None:
        """Lemmatize with `lemmatizer` (in rule mode)."""
        if lemmatizer.mode != "rule":
            raise ValueError(f"MemoLemmatizer needs a rule lemmatizer, not mode {lemmatizer.mode!r}")
        self.lemmatizer = lemmatizer
        self._lemmas = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of each token that has none (or of every token, if the lemmatizer overwrites)."""
        if self.lemmatizer is None:
            raise ValueError("MemoLemmatizer has no lemmatizer: call load() first")
        if not len(doc):
            return doc
        overwrite = self.lemmatizer.overwrite
        lemmas = self._lemmas
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        out = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                lemma = lemmas.get(key)
                if lemma is None:
                    lemma = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                    if pos != 0:  # an untagged token warns each time in spaCy: keep asking for it
                        lemmas[key] = lemma
            out.append(lemma)
        doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64))
        return doc


@Language.factory("dyadwatch_lemmatizer")
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    """An empty MemoLemmatizer; `use_memo_lemmatizer` gives it the model's lemmatizer."""
    return MemoLemmatizer(nlp.vocab, name)


def use_memo_lemmatizer(nlp: Language) -> None:
    """Replace the model's rule "lemmatizer" by a MemoLemmatizer around it."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    original = nlp.get_pipe("lemmatizer")
    if not isinstance(original, Lemmatizer) or original.mode != "rule":
        return
    memo = nlp.replace_pipe("lemmatizer", "dyadwatch_lemmatizer")
    memo.load(original)
