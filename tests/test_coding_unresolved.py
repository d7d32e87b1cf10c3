"""Events whose doer no dictionary knows, and violence with no named doer (sentences written for these tests)."""
from __future__ import annotations

import json

import pytest

from dyadwatch import code_text

pytestmark = pytest.mark.model

PUBLISHED = "2024-07-31"


def only(text: str, plover: str):
    found = [e for e in code_text(text, published=PUBLISHED) if e.plover == plover and e.status == "asserted"]
    assert len(found) == 1, [(e.source, e.target, e.plover) for e in code_text(text, published=PUBLISHED)]
    return found[0]


def test_an_unknown_organisation_keeps_its_words_and_gets_no_code():
    event = only("The Coalition for Clean Rivers demanded that Brazil stop building the dam.", "REQUEST")
    assert event.source is not None and "Coalition for Clean Rivers" in event.source.text
    assert event.source.code is None and event.source.country is None
    assert event.target is not None and event.target.country == "BRA"


def test_an_unknown_group_named_by_an_agent_noun_takes_its_sector():
    event = only("Striking dock workers of the Harbour Federation blocked the port road on Monday.", "PROTEST")
    assert event.source.code is None
    assert event.source.sector == "LAB"


def test_an_unknown_speaker_makes_the_demand():
    event = only("The Lake Forum concluded that Egypt must release more water downstream.", "REQUEST")
    assert "Lake Forum" in event.source.text and event.source.code is None
    assert event.target.country == "EGY"


@pytest.mark.parametrize("text,victims", [
    ("Two Kenyan soldiers were killed by a roadside bomb near the border.", "KEN"),
    ("An explosion at a market killed four Indian pilgrims on Sunday.", "IND"),
])
def test_violence_without_a_named_doer_keeps_its_victims_and_no_source(text, victims):
    event = only(text, "ASSAULT")
    assert event.source is None
    assert event.target.country == victims


@pytest.mark.parametrize("text", [
    "Officials met in the capital on Tuesday.",  # a bare agent noun names nobody
    "The proposal was rejected on Monday.",  # a passive with no agent: nobody named rejected it
    "The plan would violate the treaty, analysts said.",  # a thing, not a doer
])
def test_no_event_without_somebody_who_did_it(text):
    assert [e for e in code_text(text, published=PUBLISHED) if e.status == "asserted"] == []


def test_bare_armed_men_and_crowds_are_doers_and_not_an_agentless_attack():
    event = only("Rebels killed three Malian soldiers on Sunday.", "ASSAULT")
    assert event.source is not None and event.source.text == "Rebels" and event.source.code is None


def test_a_threat_to_hostages_is_no_attack_without_a_doer():
    events = code_text("Two Kenyan hostages will be killed unless the ransom is paid.", published=PUBLISHED)
    assert not [e for e in events if e.status == "asserted"], events


def test_an_unresolved_doer_survives_the_record_and_the_store(tmp_path):
    from dyadwatch.records import Event
    from dyadwatch.store.rows import event_from_row, event_row

    event = only("The Coalition for Clean Rivers demanded that Brazil stop building the dam.", "REQUEST")
    assert Event.from_dict(json.loads(json.dumps(event.to_dict()))).source == event.source
    assert event_from_row(event_row(event)).source == event.source
    assert event.to_dict()["source"]["code"] is None


@pytest.mark.parametrize("text,country", [
    ("The Kenyan Union of Dock Workers called off its strike on Thursday.", "KEN"),  # its own name says so
    ("Maasai elders demanded that the Kenyan land ministry return their grazing land.", "KEN"),  # one country, at home
    ("Thousands of Kenyan students protested in Nairobi on Monday.", "KEN"),
    ("Judge Maria Alvarez opened an investigation into 12 Peruvian police officers.", "PER"),  # a titled person
    ("The Ghanaian Nurses Federation announced that it has called off its strike.", "GHA"),  # "it": the speaker
])
def test_an_unknown_doer_is_placed_where_the_text_puts_it(text, country):
    events = [e for e in code_text(text, published=PUBLISHED) if e.status == "asserted"]
    assert any(e.source is not None and e.source.country == country for e in events), events


@pytest.mark.parametrize("text", [
    "Ethnic Hungarians in the region demanded that Romania grant them autonomy.",  # "ethnic": no citizens
    "The Lake Forum concluded that Egypt must release more water downstream.",  # an organisation's name
    "Tuareg elders threatened action against Niger.",  # the country acted on, as such, is no home
    "Maasai elders demanded that Kenya return their grazing land.",  # the state asked to act is the other party
    "Kim instructed his diplomats in China to ignore the rumours.",  # an untitled person may be a visitor
])
def test_an_unknown_doer_is_not_placed_by_guesswork(text):
    events = [e for e in code_text(text, published=PUBLISHED) if e.status == "asserted"]
    assert events and all(e.source is None or e.source.country is None for e in events), events


@pytest.mark.parametrize("text,expected", [
    ("Thousands of Peruvians marched through Lima on Sunday.", ("PER", "PERGOV", "PROTEST")),
    ("The Peruvian interior minister resigned on Friday.", ("PERGOV", "PER", "CONCEDE")),
])
def test_acts_addressed_to_nobody_named_are_addressed_at_home(text, expected):
    got = [(e.source.code, e.target.code if e.target else None, e.plover) for e in code_text(text, published=PUBLISHED)
           if e.status == "asserted"]
    assert expected in got, got
    home = next(e.target for e in code_text(text, published=PUBLISHED) if e.plover == expected[2])
    assert home.text == ""  # implied: the sentence names nobody


def test_no_home_target_when_another_country_is_in_the_sentence():
    got = [(e.source.country, e.target) for e in code_text(
        "Thousands of Peruvians marched through Lima against the trade deal with Chile.", published=PUBLISHED)
        if e.plover == "PROTEST"]
    assert got and all(t is None or t.country == "CHL" for _, t in got), got


def test_a_demonym_inside_an_unknown_organisations_name_places_it():
    events = [e for e in code_text("The Ghanaian Union of Nurses called off its strike on Tuesday.", published=PUBLISHED)
              if e.status == "asserted"]
    assert any(e.source.country == "GHA" and e.target is not None and e.target.country == "GHA" for e in events), events


@pytest.mark.parametrize("text,crowd,country", [
    ("Nepalese police used water cannon to disperse students protesting fee rises in Kathmandu.", "students", "NPL"),
    ("Thousands of students protested on Monday.", "Thousands of students", None),
])
def test_a_crowd_protesting_needs_no_modifier_to_be_somebody(text, crowd, country):
    events = [e for e in code_text(text, published=PUBLISHED) if e.status == "asserted"]
    protests = [e for e in events if e.plover == "PROTEST"]
    assert protests and protests[0].source.text == crowd, events
    assert protests[0].source.country == country  # placed only by a one-country sentence
