"""The learned trigger layer: stable features, the model's arithmetic, and how the rule coder uses it."""
from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from dyadwatch.coding.features import hashed, sparse_features
from dyadwatch.coding.learned import NONE_LABEL, Prediction, TriggerModel

LABELS = ["CONSULT", "SANCTION", NONE_LABEL]


def tiny_model(weights: dict[str, list[float]], bias=(0.0, 0.0, 1.0), codes: dict[str, str] | None = None) -> TriggerModel:
    """A model whose only knowledge is the given feature → logit rows."""
    ids = [int(hashed([name])[0]) for name in weights]
    order = np.argsort(ids)
    arrays = {
        "labels": np.array(LABELS), "feature_ids": np.array(ids, dtype=np.int64)[order],
        "sparse_weights": np.array(list(weights.values()), dtype=np.float32)[order],
        "dense_weights": np.zeros((0, len(LABELS)), dtype=np.float32), "bias": np.array(bias, dtype=np.float32),
        "dense_mean": np.zeros(0, dtype=np.float32), "dense_scale": np.ones(0, dtype=np.float32),
    }
    lemma_codes = {"liaise|CONSULT": "043", "berate|SANCTION": "160", **(codes or {})}
    return TriggerModel(arrays, {"lemma_codes": lemma_codes, "type_codes": {"CONSULT": "040"}})


def test_feature_hashes_are_stable_numbers_not_python_hash():
    # CRC-32 of the UTF-8 bytes, masked: the same in every process whatever PYTHONHASHSEED says.
    assert hashed(["l=meet"]).tolist() == hashed(["l=meet"]).tolist()
    assert len(hashed(["l=meet", "l=meet", "w=met"])) == 2
    import zlib
    from dyadwatch.coding.features import HASH_BITS
    assert hashed(["l=meet"])[0] == zlib.crc32(b"l=meet") & ((1 << HASH_BITS) - 1)


def test_probabilities_follow_known_features_and_ignore_unknown_ones():
    model = tiny_model({"l=liaise": [4.0, 0.0, 0.0]})
    known = model.probabilities(hashed(["l=liaise", "l=never-seen"]), np.zeros(0, dtype=np.float32))
    unknown = model.probabilities(hashed(["l=never-seen"]), np.zeros(0, dtype=np.float32))
    assert known.sum() == pytest.approx(1.0) and unknown.sum() == pytest.approx(1.0)
    assert LABELS[int(known.argmax())] == "CONSULT"
    assert LABELS[int(unknown.argmax())] == NONE_LABEL


def test_codes_come_from_the_word_then_the_type():
    model = tiny_model({"l=liaise": [4.0, 0.0, 0.0]})
    assert model.cameo_for("liaise", "CONSULT") == "043"
    assert model.cameo_for("gather", "CONSULT") == "040"
    assert model.cameo_for("gather", "SANCTION") is None


def test_sparse_features_read_the_words_governed():
    nlp = spacy.blank("en")
    words = ["They", "held", "talks"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"],
              lemmas=["they", "hold", "talk"], pos=["PRON", "VERB", "NOUN"])
    feats = sparse_features(doc[1], actors={0: True})
    assert "l=hold" in feats and "c:dobj=talk" in feats and "l|c:dobj=hold|talk" in feats
    assert "actor:nsubj" in feats
    assert "subj:state=True" in feats and "l|obj=hold|talk" in feats and "win1=talk" in feats
    assert "subj:state=False" in sparse_features(doc[1], actors={0: False})


def test_sparse_features_read_the_governing_verb_chain():
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Iran", "said", "it", "would", "retaliate"], heads=[1, 1, 4, 4, 1],
              deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp"], lemmas=["Iran", "say", "it", "would", "retaliate"],
              pos=["PROPN", "VERB", "PRON", "AUX", "VERB"])
    feats = sparse_features(doc[4], actors={0: True})
    assert "chain=say" in feats and "l|chain=retaliate|say" in feats
    assert not any(f.startswith("chain=") for f in sparse_features(doc[1], actors={}))


@pytest.mark.model
def test_the_coder_adds_an_event_the_model_finds_and_drops_one_it_rejects(nlp, monkeypatch):
    import dyadwatch.coding.learned_triggers as advice
    from dyadwatch.coding.events import code_doc
    from dyadwatch.coding.lexicon import default_lexicon

    model = tiny_model({"l=liaise": [9.0, 0.0, 0.0], "l=berate": [0.0, 0.0, 9.0], "l=condemn": [0.0, 0.0, 9.0]})
    monkeypatch.setattr(advice, "default_model", lambda: model)
    text = "Greek Prime Minister Kyriakos Mitsotakis liaised with Turkish President Recep Tayyip Erdogan in Ankara."
    doc = nlp(text)
    doc._.trigger_scores = {t.i: model.predict(t, set()) for t in doc if t.pos_ in {"VERB", "NOUN"}}
    events = code_doc(doc, default_lexicon())
    assert [(e.source.country, e.target.country, e.plover, e.cameo) for e in events] == [("GRC", "TUR", "CONSULT", "043")]
    # "berate" comes only from the derived dictionary: the model may silence it ...
    rejected = nlp("Greece berated Turkey over the airspace violations.")
    rejected._.trigger_scores = {}  # rules alone
    assert any(e.plover == "ACCUSE" for e in code_doc(rejected, default_lexicon()))
    rejected._.trigger_scores = {t.i: model.predict(t, set()) for t in rejected if t.pos_ in {"VERB", "NOUN"}}
    assert not any(e.trigger.startswith("berate") for e in code_doc(rejected, default_lexicon()))
    # ... but a curated row is the rules' own and stays whatever the model says
    kept = nlp("Greece condemned Turkey over the airspace violations.")
    kept._.trigger_scores = {t.i: model.predict(t, set()) for t in kept if t.pos_ in {"VERB", "NOUN"}}
    assert any(e.trigger.startswith("condemn") and e.plover == "ACCUSE" for e in code_doc(kept, default_lexicon()))


@pytest.mark.model
def test_the_model_retypes_a_derived_row_but_not_a_curated_one(nlp, monkeypatch):
    import dyadwatch.coding.learned_triggers as advice
    from dyadwatch.coding.events import code_doc
    from dyadwatch.coding.lexicon import default_lexicon

    # The derived dictionary codes "berate" as ACCUSE; a model sure it is a SANCTION here retypes it.
    model = tiny_model({"l=berate": [0.0, 9.0, 0.0], "l=condemn": [0.0, 9.0, 0.0]})
    monkeypatch.setattr(advice, "default_model", lambda: model)
    doc = nlp("Greece berated Turkey over the airspace violations.")
    doc._.trigger_scores = {t.i: model.predict(t, set()) for t in doc if t.pos_ in {"VERB", "NOUN"}}
    assert [e.plover for e in code_doc(doc, default_lexicon()) if e.trigger.startswith("berate")] == ["SANCTION"]
    curated = nlp("Greece condemned Turkey over the airspace violations.")
    curated._.trigger_scores = {t.i: model.predict(t, set()) for t in curated if t.pos_ in {"VERB", "NOUN"}}
    assert [e.plover for e in code_doc(curated, default_lexicon()) if e.trigger.startswith("condemn")] == ["ACCUSE"]


def test_prediction_knows_events_from_non_events():
    assert Prediction("CONSULT", 0.8, 0.1).is_event
    assert not Prediction(NONE_LABEL, 0.9, 0.9).is_event


def _training_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "train_triggers.py"
    spec = importlib.util.spec_from_file_location("train_triggers", path)
    module = importlib.util.module_from_spec(spec)
    import sys
    sys.modules.setdefault("train_triggers", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_shipped_model_was_trained_on_the_shipped_corpus():
    import json

    from dyadwatch.resources import data_file

    codes = data_file("models", "triggers.json")
    if not codes.is_file():
        pytest.skip("no trained model shipped")
    script = _training_script()
    trained_on = json.loads(codes.read_text(encoding="utf-8"))["trained_on"]
    assert trained_on["corpus_sha256"] == script.corpus_digest(script.CORPUS), \
        "the training sentences changed: rerun scripts/train_triggers.py"
    assert trained_on["config"] == script.read_config(script.DEFAULT_CONFIG)


@pytest.mark.slow
@pytest.mark.model
def test_training_is_reproducible(tmp_path):
    import json

    script = _training_script()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = [
        {"text": "Japan and India held talks in Tokyo.", "events": [{"trigger": "talks", "plover": "CONSULT", "cameo": "043"}]},
        {"text": "Iran shelled villages in Iraq.", "events": [{"trigger": "shelled", "plover": "ASSAULT", "cameo": "195"}]},
        {"text": "The factory held its annual fair.", "events": [], "decoys": ["held"]},
        {"text": "Egypt hosted Qatar's emir for talks.", "events": [{"trigger": "hosted", "plover": "CONSULT", "cameo": "043"}]},
    ]
    (corpus / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    config = tmp_path / "t.cfg"
    config.write_text("[training]\nseed = 1\nepochs = 3\nbatch_size = 4\nlearning_rate = 0.05\nl2 = 0.0\n"
                      "none_weight = 1.0\nheldout_percent = 0\n", encoding="utf-8")
    outputs = []
    for run in ("one", "two"):
        import sys
        argv = ["train_triggers.py", "--config", str(config), "--corpus", str(corpus), "--out", str(tmp_path / run)]
        old, sys.argv = sys.argv, argv
        try:
            script.main()
        finally:
            sys.argv = old
        outputs.append(np.load(tmp_path / run / "triggers.npz"))
    assert outputs[0]["sparse_weights"].any()
    for name in ("feature_ids", "sparse_weights", "dense_weights", "bias"):
        assert np.array_equal(outputs[0][name], outputs[1][name])


@pytest.mark.model
def test_the_learned_pipeline_scores_every_candidate_with_the_shipped_model(nlp):
    from dyadwatch.coding.features import is_candidate
    from dyadwatch.coding.learned import default_model
    from dyadwatch.pipeline import build_pipeline

    if default_model() is None:
        pytest.skip("no trained model shipped")
    doc = build_pipeline(learned=True)("The Dutch government summoned Russia's ambassador after the cyber attack.")
    scores = doc._.trigger_scores
    assert {t.i for t in doc if is_candidate(t)} == set(scores) != set()
    assert all(0.0 <= p.probability <= 1.0 for p in scores.values())
    assert build_pipeline()("Ghana thanked Togo.")._.trigger_scores  # on by default
    assert build_pipeline(learned=False)("Ghana thanked Togo.")._.trigger_scores == {}  # rules alone


@pytest.mark.model
def test_the_model_adds_no_event_for_a_word_the_curated_table_decides(nlp, monkeypatch):
    import dyadwatch.coding.learned_triggers as advice
    from dyadwatch.coding.events import code_doc
    from dyadwatch.coding.lexicon import default_lexicon

    # "refuse" has curated rows, none of which fits a refusal to answer questions: the model may not add one
    model = tiny_model({"l=refuse": [9.0, 0.0, 0.0]})
    monkeypatch.setattr(advice, "default_model", lambda: model)
    doc = nlp("The Greek ministry refused to answer questions from Turkish reporters.")
    doc._.trigger_scores = {t.i: model.predict(t, set()) for t in doc if t.pos_ in {"VERB", "NOUN"}}
    assert not [e for e in code_doc(doc, default_lexicon()) if e.trigger.startswith("refused")]


def _coded(nlp, text: str, model: TriggerModel | None) -> list[tuple]:
    from dyadwatch.coding.events import code_doc
    from dyadwatch.coding.lexicon import default_lexicon

    doc = nlp(text)
    doc._.trigger_scores = {} if model is None else {t.i: model.predict(t, set()) for t in doc if t.pos_ in {"VERB", "NOUN"}}
    return [(e.source.country, e.target.country if e.target else None, e.plover, e.trigger)
            for e in code_doc(doc, default_lexicon())]


@pytest.mark.model
def test_a_learned_proposal_needs_a_target_resolved_in_its_sentence(nlp, monkeypatch):
    import dyadwatch.coding.learned_triggers as advice

    # a sanction is aimed at somebody: with nobody named, the model's word alone makes no dyad
    model = tiny_model({"l=liaise": [0.0, 9.0, 0.0]}, codes={"liaise|SANCTION": "163"})
    monkeypatch.setattr(advice, "default_model", lambda: model)
    assert _coded(nlp, "Greek Prime Minister Kyriakos Mitsotakis liaised on Tuesday.", model) == []
    assert _coded(nlp, "Greek Prime Minister Kyriakos Mitsotakis liaised with Turkish President Recep Tayyip Erdogan "
                       "on Tuesday.", model) == [("GRC", "TUR", "SANCTION", "liaised")]


@pytest.mark.model
def test_a_support_verb_coded_from_its_fallback_row_hands_the_event_to_its_object_noun(nlp, monkeypatch):
    import dyadwatch.coding.learned_triggers as advice

    text = "Greece held a parley with Turkey."
    rules_alone = _coded(nlp, text, None)
    assert [(s, t, trig) for s, t, _, trig in rules_alone] == [("GRC", "TUR", "held")]
    assert rules_alone[0][2] != "CONSULT"  # the derived row reads "hold" as coercion, whatever is held
    model = tiny_model({"l=parley": [9.0, 0.0, 0.0]}, codes={"parley|CONSULT": "040"})
    monkeypatch.setattr(advice, "default_model", lambda: model)
    assert _coded(nlp, text, model) == [("GRC", "TUR", "CONSULT", "held parley")]
    unsure = tiny_model({"l=parley": [1.0, 0.0, 0.0]}, codes={"parley|CONSULT": "040"})  # below the threshold
    monkeypatch.setattr(advice, "default_model", lambda: unsure)
    assert [trig for *_, trig in _coded(nlp, text, unsure)] == ["held"]
