"""Wire datelines: split from the first sentence (fast, on spacy.blank) and kept out of coding (full model)."""
from __future__ import annotations

import pytest
import spacy

from dyadwatch import code_text
from dyadwatch.nlp import register_extensions
from dyadwatch.nlp.datelines import split_datelines
from dyadwatch.nlp.paragraphs import mark_paragraph_starts


def split(text: str):
    register_extensions()
    doc = split_datelines(mark_paragraph_starts(spacy.blank("en")(text)))
    return doc, [doc[start:end].text for start, end in doc._.datelines]


@pytest.mark.parametrize("text,dateline", [
    ("LIMA, March 3 (Andes Wire) - Peru recalled its envoy.", "LIMA, March 3 (Andes Wire) -"),
    ("PORT MORESBY (Reef News) — Officials met on Monday.", "PORT MORESBY (Reef News) —"),
    ("NAIROBI, Kenya, Aug. 9, 2025 -- Talks resumed.", "NAIROBI, Kenya, Aug. 9, 2025 --"),
])
def test_a_paragraph_opening_dateline_is_split_off(text, dateline):
    doc, found = split(text)
    assert found == [dateline]
    body = doc[doc._.datelines[0][1]]
    assert body.is_sent_start and not doc[1].is_sent_start


@pytest.mark.parametrize("text", [
    "NATO said on Monday that talks would resume.",       # an acronym opening a sentence
    "Headline about LIMA - and more",                     # not at a paragraph start
    "The minister said: talks resume on Monday.",         # a colon after ordinary words
])
def test_ordinary_openings_are_not_datelines(text):
    assert split(text)[1] == []


def test_a_second_paragraph_dateline_is_found_after_a_headline():
    _, found = split("Peru recalls envoy\n\nLIMA, March 3 (Andes Wire) - Peru recalled its envoy.")
    assert found == ["LIMA, March 3 (Andes Wire) -"]


def test_the_first_sentence_after_a_dateline_is_kept_whole():
    doc, _ = split("MINSK (Wire) - Belarusian and Polish guards traded shots. Both sides blamed the other.")
    body = doc[doc._.datelines[0][1]]
    period = next(t for t in doc if t.text == ".")
    assert all(t.is_sent_start is False for t in doc[body.i + 1:period.i + 1])
    assert doc[period.i + 1].is_sent_start is None  # the next sentence is left to the parser


@pytest.mark.model
def test_a_coordinated_subject_right_after_a_dateline_stays_the_subject():
    events = code_text("ASTANA (Steppe Wire) - Uzbek and Kazakh border guards exchanged gunfire overnight.",
                       published="2025-03-14")
    assert any({e.source and e.source.country, e.target and e.target.country} == {"UZB", "KAZ"}
               and e.plover == "ASSAULT" for e in events), events


@pytest.mark.model
def test_the_dateline_is_neither_evidence_nor_actor():
    from dyadwatch.pipeline import shared_pipeline
    text = ("Sudan protests to Chad\n\n"
            "CAIRO, May 5 (Nile Wire) - Sudan has lodged a strong protest with Chad after Chadian troops fired on "
            "Sudanese army posts along the border, officials said.")
    events = code_text(text, published="2025-05-06")
    assert ("SDN", "TCD", "ACCUSE") in {(e.source and e.source.country, e.target and e.target.country, e.plover)
                                        for e in events}
    assert not any(e.evidence.text.startswith("CAIRO") for e in events)
    doc = shared_pipeline()(text)
    assert "CAIRO" not in {span.text for span in doc.spans["actors"]}
