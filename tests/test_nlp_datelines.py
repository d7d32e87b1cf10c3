"""Wire datelines: split from the first sentence (fast, on spacy.blank) and kept out of coding (full model)."""
from __future__ import annotations

from datetime import date

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
    ("Hanoi, May 2 (Mekong Wire)--Vietnam protested.", "Hanoi, May 2 (Mekong Wire)--"),
    ("Dili, Timor-Leste — Australian envoys arrived.", "Dili, Timor-Leste —"),
    ("Suva, Nov. 4, (Pacific Wire) – Fiji expelled a diplomat.", "Suva, Nov. 4, (Pacific Wire) –"),
    ("APIA, October 12. /OCN/. Samoa recalled its envoy.", "APIA, October 12. /OCN/."),
    ("3 April 2025, HONIARA: Solomon Islands police met.", "3 April 2025, HONIARA:"),
    ("April 3, 2025, Honiara - Police met.", "April 3, 2025, Honiara -"),
    ("Port Vila - Vanuatu's cabinet resigned.", "Port Vila -"),
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
    "Tonga — long a quiet ally — said it would act.",     # a parenthetical pair of dashes
    "Samoa - the smaller partner said nothing.",          # the words after the dash do not open a sentence
    "Analysis: the talks are over.",                      # a label, not a place
    "Fiji-born officials met.",                           # a hyphen, not a dateline dash
])
def test_ordinary_openings_are_not_datelines(text):
    assert split(text)[1] == []


def test_a_body_glued_to_the_dash_is_cut_off_into_its_own_token():
    doc, found = split("HANOI (Mekong Wire)--Vietnam protested.")
    assert found == ["HANOI (Mekong Wire)--"]
    assert doc[doc._.datelines[0][1]].text == "Vietnam"


@pytest.mark.parametrize("text,reference", [
    ("SUVA, Fiji, Aug. 9, 2025 -- Talks resumed.", "2025-08-09"),
    ("3 April 2025, HONIARA: Police met.", "2025-04-03"),
    ("SUVA, Aug. 9 (Pacific Wire) - Talks resumed.", None),   # no year: nothing justifies one
    ("SUVA, Feb. 30, 2025 - Talks resumed.", None),           # not a calendar day
])
def test_a_dated_dateline_is_the_reference_date_of_an_undated_document(text, reference):
    doc, _ = split(text)
    assert (doc._.published.isoformat() if doc._.published else None) == reference


def test_a_publication_date_wins_over_the_dateline():
    from datetime import date
    register_extensions()
    doc = spacy.blank("en")("SUVA, Fiji, Aug. 9, 2025 -- Talks resumed.")
    doc._.published = date(2025, 8, 10)
    assert split_datelines(mark_paragraph_starts(doc))._.published == date(2025, 8, 10)


@pytest.mark.model
def test_an_undated_article_takes_its_events_dates_from_its_dateline():
    events = code_text("APIA, Samoa, March 14, 2025 - Samoan police arrested two Tongan fishermen on Wednesday.")
    assert [(e.plover, e.date) for e in events] == [("COERCE", "2025-03-12")], events


@pytest.mark.model
def test_a_city_in_ordinary_capitals_is_not_taken_for_the_subject():
    events = code_text("Hanoi, May 2 (Mekong Wire)--Vietnam condemned Cambodia on Tuesday.", published="2025-05-02")
    assert [(e.source.country, e.source.text) for e in events if e.plover == "ACCUSE"] == [("VNM", "Vietnam")], events


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


@pytest.mark.parametrize("text,received,published,assumed", [
    ("SUVA, Aug. 9 (Pacific Wire) - Talks resumed.", date(2025, 8, 11), "2025-08-09", True),
    ("SUVA, Aug. 9 (Pacific Wire) - Talks resumed.", date(2025, 3, 1), "2024-08-09", True),   # not a future day
    ("Talks resume\n\nSUVA, Aug. 9 (Pacific Wire) - Talks resumed.", date(2025, 8, 9), "2025-08-09", True),
    ("SUVA, Feb. 29 (Pacific Wire) - Talks resumed.", date(2025, 3, 1), "2024-02-29", True),   # leap day
    ("SUVA, Fiji, Aug. 9, 2021 - Talks resumed.", date(2025, 3, 1), "2021-08-09", False),      # its own year
    ("SUVA (Pacific Wire) - Talks resumed.", date(2025, 3, 1), None, False),                  # no day at all
    ("SUVA, Aug. 9 (Pacific Wire) - Talks resumed.", None, None, False),                      # nothing to go by
    ("Talks resumed in Suva on Aug. 9 after a pause.", date(2025, 8, 11), None, False),       # no dateline
])
def test_the_dateline_gives_an_undated_documents_publication_day(text, received, published, assumed):
    from dyadwatch.nlp.datelines import dateline_publication
    day, note = dateline_publication(text, received)
    assert (day.isoformat() if day else None) == published
    assert (note is not None) == assumed and (not note or published in note)


def test_a_prepared_document_without_a_date_takes_its_datelines_and_says_when_it_assumed_the_year():
    from dyadwatch.ingest import prepare
    from dyadwatch.records import Article
    body = "SUVA, Aug. 9 (Pacific Wire) - Fiji and Tonga resumed talks on fishing rights, officials said."
    doc = prepare(Article(origin="a.txt", text=body, received=date(2025, 8, 10)))
    assert doc.published == date(2025, 8, 9) and any("no year" in w for w in doc.warnings)
    given = prepare(Article(origin="b.txt", text=body, published="2025-08-12", received=date(2025, 8, 20)))
    assert given.published == date(2025, 8, 12) and not given.warnings
