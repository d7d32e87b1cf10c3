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
    "Heavy rain flooded Dhaka on Monday.",  # weather is no doer, and nobody is a victim of an attack
    "The talks in Geneva collapsed.",
])
def test_no_event_without_somebody_who_did_it(text):
    assert [e for e in code_text(text, published=PUBLISHED) if e.status == "asserted"] == []


def test_an_unresolved_doer_is_exported_with_a_null_code():
    event = only("The Coalition for Clean Rivers demanded that Brazil stop building the dam.", "REQUEST")
    record = json.loads(json.dumps(event.to_dict()))
    assert record["source"]["code"] is None and record["source"]["text"]
