"""The stand-ins for the model's attribute ruler and lemmatizer set exactly what spaCy's components set:
on the model's own rules over generated text (every token attribute compared, twice, so the lemmatizer's
kept lemmas are used too), and on made-up ruler rules that exercise rule order, targets inside multi-token
matches, REGEX, NOT_IN and the Matcher fallback."""
from __future__ import annotations

import random

import pytest
import spacy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from dyadwatch.nlp import MODEL_NAME
from dyadwatch.nlp.attribute_rules import FastAttributeRuler, use_fast_attribute_ruler
from dyadwatch.nlp.lemmas import MemoLemmatizer, use_memo_lemmatizer

pytestmark = pytest.mark.model

COMPARED = ["ORTH", "LOWER", "NORM", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "SENT_START", "ENT_IOB",
            "ENT_TYPE", "SPACY", "IS_SPACE"]
WORDS = ("I you it they there this that which what but and or to of in on do does did 'd have has had is are "
         "was were 's 're ai n't gon na got ta let c'm y' y all nothin' nuthin' China Russia said protested "
         "will would not no the a an 3 1,200 $ % ( ) \" ' - -- ; : . , ? ! \n \n\n \t US-led well-known "
         "Mr. Ms. Dr. St. e.g. etc. U.N. NATO's ministers' fewer more most best worse running ran run").split(" ")


def generated_texts(count: int, seed: int = 7) -> list[str]:
    """Random word salads over words the model's rules single out, plus whitespace and punctuation."""
    rng = random.Random(seed)
    fixed = ["I ain't going, y'all. Let's go, c'mon! We're gonna win, gotta try. There is nothin' there.",
             "It said it would. You told it to me. Which did they do? That is what I did, but he has.",
             "  Leading  spaces\n\n\nand   runs of\t\twhitespace.  \n", ""]
    words = [w if w else " " for w in WORDS]
    return fixed + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 120))) for _ in range(count)]


def assert_same(a: Doc, b: Doc) -> None:
    ids = [IDS[name] for name in COMPARED]
    assert a.to_array(ids).tolist() == b.to_array(ids).tolist(), a.text
    assert [str(t.morph) for t in a] == [str(t.morph) for t in b], a.text
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b], a.text


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    original = spacy.load(MODEL_NAME)
    fast = spacy.load(MODEL_NAME)
    use_fast_attribute_ruler(fast)
    use_memo_lemmatizer(fast)
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), MemoLemmatizer)
    return original, fast


def test_model_rules_give_identical_tokens(pair: tuple[Language, Language]) -> None:
    """The model's upstream components (tok2vec, tagger, parser) run once per text; the original and the
    stand-in attribute ruler and lemmatizer then each annotate their own copy of the parsed Doc."""
    original, fast = pair
    upstream = [component for name, component in original.pipeline if name in ("tok2vec", "tagger", "parser")]
    rules = {nlp: [nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")] for nlp in pair}
    for text in generated_texts(150) * 2:
        parsed = original.make_doc(text)
        for component in upstream:
            parsed = component(parsed)
        done = []
        for nlp in (original, fast):
            doc = Doc(nlp.vocab).from_bytes(parsed.to_bytes())
            for component in rules[nlp]:
                doc = component(doc)
            done.append(doc)
        assert_same(*done)


def test_model_rules_are_all_indexed(pair: tuple[Language, Language]) -> None:
    assert len(pair[1].get_pipe("attribute_ruler").matcher) == 0


MADE_UP = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"LOWER": "bank", "TAG": "NN"}]], "attrs": {"POS": "VERB"}},   # overrides the first
    {"patterns": [[{"LOWER": "the"}, {"TAG": {"IN": ["NN", "NNS"]}}]], "attrs": {"LEMMA": "thing"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^ba"}}, {"LOWER": "of"}]], "attrs": {"TAG": "XX"}, "index": 1},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", "DT"]}, "DEP": {"IN": ["prep", "pobj"]}}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "MORPH": "_"}},
    {"patterns": [[{"LOWER": "of"}, {"OP": "+", "TAG": "DT"}]], "attrs": {"DEP": "dep"}},   # via the Matcher
    {"patterns": [[{"TAG": "XX"}]], "attrs": {"POS": "NUM"}},   # reads the tags as they came in
]


def test_made_up_rules_give_identical_tokens(pair: tuple[Language, Language]) -> None:
    base = pair[0]
    ruler = AttributeRuler(base.vocab)
    ruler.add_patterns(MADE_UP)
    fast = FastAttributeRuler(base.vocab)
    fast.load(ruler)
    assert len(fast.matcher) == 1
    upstream = [component for name, component in base.pipeline if name in ("tok2vec", "tagger", "parser")]
    for text in ["The bank of the river is near the bank.", "Ban of the  \n  banks by the people of Rome."]:
        docs = []
        for rules in (ruler, fast):
            doc = base.make_doc(text)
            for component in upstream:
                doc = component(doc)
            docs.append(rules(doc))
        assert_same(*docs)
        assert {t.pos_ for t in docs[1] if t.lower_ == "bank"} <= {"VERB"}
        assert any(t.lemma_ == "thing" for t in docs[1])  # the rules did apply
