"""Who acts on whom: argument structure on sentences written for these tests (full model)."""
from __future__ import annotations

import pytest

from coded_pairs import PUBLISHED, pairs, primary
from dyadwatch import code_text

pytestmark = pytest.mark.model



@pytest.mark.parametrize("text,plover,expected", [
    # the "and" hangs on the first name's apposition; the second side names its office after a comma
    ("Brazilian president Lula and Gabriel Boric, Chile's president, criticised Venezuela's crackdown.",
     "ACCUSE", {("BRA", "VEN"), ("CHL", "VEN")}),
    ("Nordic states, including Norway and Iceland, condemned the Russian bombardment.",
     "ACCUSE", {("NOR", "RUS"), ("ISL", "RUS")}),
    ("Several governments such as Japan and Australia condemned the Russian strike.",
     "ACCUSE", {("JPN", "RUS"), ("AUS", "RUS")}),
])
def test_every_conjunct_shares_the_verb(text, plover, expected):
    assert expected <= pairs(text, plover)


def test_coordinated_backers_are_not_paired_with_each_other():
    got = pairs("Portugal, Greece, Malta and Cyprus backed the proposal.", "SUPPORT")
    sources = {s for s, _ in got}
    assert sources == {"PRT", "GRC", "MLT", "CYP"}, got  # every one of the four, even past three
    assert not {t for _, t in got} & sources, got


def test_symmetric_acts_still_pair_coordinated_sides():
    assert pairs("Moldova and Romania signed a cooperation pact.") & {("MDA", "ROU"), ("ROU", "MDA")}


@pytest.mark.parametrize("text,expected", [
    ("Egypt deplored the air raids conducted by Ethiopia.", ("EGY", "ETH")),  # agent of a reduced relative
    ("Ghana welcomed a roadmap that Togo unveiled.", ("GHA", "TGO")),  # subject of a relative clause
    ("Kenya condemned the expulsion of its envoy by Somalia.", ("KEN", "SOM")),  # not the expelled envoy
    ("Bolivia approved Paraguay's accession to the trade bloc.", ("BOL", "PRY")),  # the possessor's bid
    ("Oman denied the allegations of the Yemeni government.", ("OMN", "YEM")),  # the author of the claims
])
def test_a_stance_on_a_thing_targets_its_doer(text, expected):
    assert expected in pairs(text)


def test_the_possessor_of_an_act_done_to_somebody_is_not_its_doer():
    got = pairs("Kenya condemned Somalia's expulsion from the regional bloc.", "ACCUSE")
    assert ("KEN", "SOM") not in got, got


def test_an_accusation_noun_reaches_the_object_of_its_relative_clause():
    got = pairs("Thailand's foreign ministry reacted to Cambodia's accusations that implicated "
                "Thailand's army in the bombing.", "ACCUSE")
    assert ("KHM", "THA") in got, got


def test_a_place_in_the_cause_of_an_act_is_no_party():
    got = pairs("Mali fired rockets at Niger on Friday in response to a strike in Algeria that killed "
                "Malian soldiers.", "ASSAULT")
    assert not any("DZA" in pair for pair in got), got


def test_a_state_rejecting_unattributed_claims_answers_the_other_side_of_the_article():
    text = ("Peru accused Chile of spying on Peruvian naval bases.\n\n"
            "Lima said the Chilean embassy had run the operation, and Peru recalled its envoy from Santiago.\n\n"
            "Chile's government has rejected the allegations.")
    assert ("CHL", "PER") in pairs(text, "REJECT")


def test_people_denouncing_a_thing_are_not_given_a_foreign_target():
    text = "Peru accused Chile of spying.\n\nProtesters in Lima denounced the decision."
    got = [primary(e.target) for e in code_text(text, published=PUBLISHED) if e.trigger == "denounced"]
    assert "CHL" not in got, got


def test_a_show_of_force_acts_on_the_place_it_is_shown():
    assert ("RUS", "JPN") in pairs("Russia deployed warships off Japan's coast.", "MOBILIZE")


@pytest.mark.parametrize("text,absent,present", [
    ("Chad fired rockets on Monday in retaliation for a strike in Libya.", ("TCD", "LBY"), None),
    ("Chad fired rockets on Monday in retaliation for a Sudanese strike.", None, ("TCD", "SDN")),
])
def test_the_place_of_the_act_retaliated_for_is_not_the_party(text, absent, present):
    got = pairs(text, "ASSAULT")
    assert absent not in got and (present is None or present in got), got
