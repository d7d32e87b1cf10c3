"""Who the parties of an event are, where a clause misleads: nested events, coordinated passives, appositions,
possessed patients, censured acts, senders, journeys, and the article's main dyad (full model; sentences
written for these tests)."""
from __future__ import annotations

import pytest

from coded_pairs import PUBLISHED, pairs, primary
from dyadwatch import code_text

pytestmark = pytest.mark.model



def test_victims_of_a_nested_event_are_not_the_target():
    got = pairs("Ethiopia launched air strikes in response to the killing of Kenyan police officers.", "ASSAULT")
    assert ("ETH", "KEN") not in got, got


def test_the_doer_of_a_nested_event_stays_the_target_of_a_retaliation():
    got = pairs("Kenya launched strikes in retaliation for Somalia's shelling of its border posts.", "ASSAULT")
    assert ("KEN", "SOM") in got, got


@pytest.mark.parametrize("text", [
    "The Chilean consul was arrested and expelled by Peru.",
    "The Chilean consul was detained and then deported by Peru.",
])
def test_coordinated_participles_share_agent_and_patient(text):
    got = pairs(text)
    assert ("PER", "CHL") in got, got
    assert not any(s == "CHL" for s, _ in got), got


def test_an_apposition_judging_somebody_does_not_identify_the_person():
    got = pairs("Vietnam welcomed the senator, a fierce critic of Beijing.")
    assert ("VNM", "CHN") not in got, got


def test_an_office_apposition_still_identifies_the_person():
    got = pairs("Kenzo Oshima, the head of the UN relief agency, demanded that Sudan disarm the militias.", "REQUEST")
    assert ("IGO", "SDN") in got or ("UNO", "SDN") in got, got


def test_the_possessor_of_an_act_suffered_is_not_its_doer():
    events = code_text("The Peruvian ambassador's expulsion angered Lima.", published=PUBLISHED)
    assert not [e for e in events if e.plover == "SANCTION" and primary(e.source) == "PER"], events


@pytest.mark.parametrize("text", ["Argentina condemned the attacks against Chile.",
                                  "Argentina denounced the measures taken against Chile."])
def test_censuring_an_act_is_not_censuring_its_victim(text):
    assert ("ARG", "CHL") not in pairs(text, "ACCUSE")


def test_censuring_an_act_still_censures_its_named_doer():
    assert ("BOL", "PER") in pairs("Bolivia condemned Peru's attack on Chile.", "ACCUSE")


@pytest.mark.parametrize("text,plover,expected", [
    ("The shelling drew a stern warning from Moscow to Kyiv.", "THREATEN", ("RUS", "UKR")),
    ("Ukraine received military aid from Germany.", "AID", ("DEU", "UKR")),
])
def test_what_is_sent_comes_from_its_from_phrase(text, plover, expected):
    assert expected in pairs(text, plover)


def test_a_journey_noun_modifier_is_the_destination_when_of_names_the_traveller():
    got = pairs("The Cuba visit of the Canadian premier angered Washington.", "CONSULT")
    assert ("CAN", "CUB") in got, got
    assert ("CUB", "CAN") not in got, got


def test_a_relative_clause_on_an_event_noun_reaches_only_what_it_names_directly():
    got = pairs("The Bolivian minister wrapped up a visit to Chile that inflamed tensions with Peru.", "CONSULT")
    assert ("BOL", "CHL") in got, got
    assert ("BOL", "PER") not in got, got


DYAD_ARTICLE = (
    "Iran and Israel have traded threats for weeks. Israel struck an Iranian compound in Syria last month, "
    "and Iran vowed revenge against Israel. Israeli officials said Israel was ready for anything.\n\n"
    "Iranian commanders met in Tehran on Friday. On Sunday, Iran launched its long-promised attack."
)


def _last_sentence_assaults(text: str) -> set[tuple]:
    last = text.rstrip().rsplit(". ", 1)[-1]
    return {(primary(e.source), primary(e.target)) for e in code_text(text, published=PUBLISHED)
            if e.plover == "ASSAULT" and e.status == "asserted" and last.rstrip(".") in e.evidence.text}


def test_an_act_with_nobody_named_is_aimed_at_the_other_side_of_a_clear_main_dyad():
    assert ("IRN", "ISR") in _last_sentence_assaults(DYAD_ARTICLE)


def test_no_dyad_partner_is_guessed_when_a_third_country_weighs_as_much():
    crowded = DYAD_ARTICLE.replace("Iranian commanders met in Tehran on Friday.",
                                   "The United States, Washington said, and the American navy, the US "
                                   "added, backed the US plan for the region.")
    got = _last_sentence_assaults(crowded)
    assert ("IRN", "ISR") not in got, got


def test_a_victim_the_text_gives_no_attacker_is_hit_by_the_other_side_of_the_main_dyad():
    article = DYAD_ARTICLE.replace("On Sunday, Iran launched its long-promised attack.",
                                   "On Sunday, two Israeli soldiers were killed.")
    events = code_text(article, published=PUBLISHED)
    hit = {(primary(e.source), primary(e.target)) for e in events
           if e.plover == "ASSAULT" and "soldiers were killed" in e.evidence.text}
    assert hit == {("IRN", "ISR")}, hit
