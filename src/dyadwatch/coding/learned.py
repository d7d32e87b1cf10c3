"""The learned trigger layer: for each candidate word, is it an event and of which PLOVER type?

A multinomial logistic model over the candidate's features (coding/features.py), trained by
`scripts/train_triggers.py` on the project's own sentences (data/training/triggers/) and shipped as
data/models/triggers.npz with its CAMEO code table in triggers.json. The component
`dyadwatch_trigger_model` writes Doc._.trigger_scores: token index → Prediction. The rule coder reads
it (coding/triggers.py) to add events the lexicon does not list and to drop lexicon hits the model is
sure are not events; arguments, status, time and attribution stay with the rules.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Token

from dyadwatch.coding.features import actor_tokens, candidates, dense_features, hashed, sparse_features
from dyadwatch.resources import data_file

NONE_LABEL = "NONE"
MODEL_FILE = ("models", "triggers.npz")
CODES_FILE = ("models", "triggers.json")


@dataclass(frozen=True)
class Prediction:
    """The model's best label for a candidate and its probability, with P(not an event)."""

    label: str
    probability: float
    none_probability: float

    @property
    def is_event(self) -> bool:
        return self.label != NONE_LABEL


class TriggerModel:
    """Weights of the trained classifier and the CAMEO codes that go with its labels."""

    def __init__(self, arrays: dict[str, np.ndarray], codes: dict[str, Any]):
        self.labels: list[str] = [str(x) for x in arrays["labels"]]
        self._feature_ids = arrays["feature_ids"]
        self._sparse = arrays["sparse_weights"].astype(np.float32)
        self._dense = arrays["dense_weights"].astype(np.float32)
        self._bias = arrays["bias"].astype(np.float32)
        self._dense_mean = arrays["dense_mean"].astype(np.float32)
        self._dense_scale = arrays["dense_scale"].astype(np.float32)
        self._none = self.labels.index(NONE_LABEL)
        self.lemma_codes: dict[str, str] = codes.get("lemma_codes", {})
        self.type_codes: dict[str, str] = codes.get("type_codes", {})

    def probabilities(self, sparse_ids: np.ndarray, dense: np.ndarray) -> np.ndarray:
        """Class probabilities for one candidate (sparse feature ids from features.hashed)."""
        rows = np.minimum(np.searchsorted(self._feature_ids, sparse_ids), len(self._feature_ids) - 1)
        rows = rows[self._feature_ids[rows] == sparse_ids]  # features never seen in training weigh nothing
        logits = self._bias + self._sparse[rows].sum(axis=0)
        if dense.size == self._dense.shape[0]:
            logits = logits + ((dense - self._dense_mean) / self._dense_scale) @ self._dense
        logits = logits - logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def predict(self, tok: Token, actors: dict[int, bool]) -> Prediction:
        probs = self.probabilities(hashed(sparse_features(tok, actors)), dense_features(tok))
        best = int(np.argmax(probs))
        return Prediction(self.labels[best], float(probs[best]), float(probs[self._none]))

    def cameo_for(self, lemma: str, plover: str) -> str | None:
        """The CAMEO code the training sentences give this word in this type, else the type's usual one."""
        return self.lemma_codes.get(f"{lemma}|{plover}") or self.type_codes.get(plover)


def load_model_from(arrays: dict[str, np.ndarray], codes: dict[str, Any]) -> TriggerModel:
    return TriggerModel(arrays, codes)


@lru_cache(maxsize=1)
def default_model() -> TriggerModel | None:
    """The shipped model, or None when the package carries none (rules alone then)."""
    weights, codes = data_file(*MODEL_FILE), data_file(*CODES_FILE)
    if not weights.is_file() or not codes.is_file():
        return None
    with weights.open("rb") as handle:
        arrays = dict(np.load(handle, allow_pickle=False))
    return TriggerModel(arrays, json.loads(codes.read_text(encoding="utf-8")))


def score_doc(doc: Doc, model: TriggerModel) -> dict[int, Prediction]:
    actors = actor_tokens(doc)
    return {tok.i: model.predict(tok, actors) for sent in doc.sents for tok in candidates(sent)}


class TriggerScorer:
    """Writes Doc._.trigger_scores (empty when no model is shipped or the layer is switched off)."""

    def __init__(self, model: TriggerModel | None):
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        doc._.trigger_scores = score_doc(doc, self.model) if self.model is not None else {}
        return doc


@Language.factory(
    "dyadwatch_trigger_model",
    default_config={"enabled": True},
    requires=["doc.sents", "token.dep", "token.lemma", "token.pos", "doc.tensor"],
    assigns=["doc._.trigger_scores"],
)
def make_trigger_scorer(nlp: Language, name: str, enabled: bool) -> TriggerScorer:
    return TriggerScorer(default_model() if enabled else None)
