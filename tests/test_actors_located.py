"""Agent nouns placed by their clause: the country of the place where an unaffiliated group acts."""
from __future__ import annotations

import pytest

from dyadwatch import code_text

pytestmark = pytest.mark.model


def sources(text: str) -> set[str]:
    return {e.source.code for e in code_text(text, published="2024-05-01")}


@pytest.mark.parametrize("text,expected", [
    ("Hundreds of students marched through the streets in Caracas on Friday to demand new elections.", "VENEDU"),
    ("Prisoners rioted at a jail in Nairobi on Monday.", "KENCVL"),
    ("A newspaper based in Minsk has defied a ban by the information ministry.", "BLRMED"),
])
def test_a_group_takes_the_country_where_it_acts(text, expected):
    assert expected in sources(text), sources(text)


def test_a_named_person_is_not_placed_by_where_they_go():
    got = code_text("President Ramon Ardiles arrived in Caracas on Friday and met opposition leaders.",
                    published="2024-05-01")
    # neither placed in Venezuela by the trip nor mistaken for a listed leader who shares a name
    assert not any("Ardiles" in e.source.text and e.source.country is not None for e in got), \
        [e.to_dict() for e in got]


def test_a_group_with_its_own_country_keeps_it():
    assert sources("Kenyan students demonstrated in Kampala on Friday.") == {"KENEDU"}


def test_an_office_holder_takes_the_one_country_the_sentence_names():
    got = code_text("President Adama Barrow threatened to impose a curfew in Banjul after the riots.",
                    published="2024-05-01")
    assert any(e.source.code == "GMBGOV" and e.plover == "THREATEN" for e in got), [e.to_dict() for e in got]


@pytest.mark.parametrize("text", [
    "President Adama Barrow has threatened further action against Senegal.",
    "President Adama Barrow arrived in Dakar on Monday for talks.",
])
def test_what_an_office_holder_acts_on_or_travels_to_is_not_their_country(text):
    got = code_text(text, published="2024-05-01")
    assert not any(e.source.country == "SEN" for e in got), [e.to_dict() for e in got]


def test_a_group_is_placed_by_the_act_it_agreed_to():
    assert sources("Opposition activists agreed to postpone the rally in Tbilisi until Friday.") == {"GEOOPP"}


def test_the_country_invaded_is_the_target():
    got = code_text("Israel mounted its long-threatened invasion of southern Lebanon on Tuesday.", published="2024-05-01")
    assert any(e.source.country == "ISR" and e.target and e.target.country == "LBN" for e in got)
