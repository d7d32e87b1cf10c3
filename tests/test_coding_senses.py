"""Sense selection: a verb's event decided by what it governs (a stopped act, a decided act).
Sentences are written for these tests."""
from __future__ import annotations

import pytest

from coded_pairs import coded, has
from dyadwatch.coding.stopping import stopped_code

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,source,target", [
    ("Ghana froze military cooperation with Togo.", "GHA", "TGO"),
    ("The government of Chile cancelled a trade mission to Peru.", "CHL", "PER"),
    ("Kenya put its trade talks with Somalia on hold.", "KEN", "SOM"),
])
def test_stopping_a_cooperative_act_reduces_relations(text, source, target):
    got = coded(text)
    assert has(got, source, target, "SANCTION"), got
    assert not any(p in {"COOPERATE", "CONSULT"} for *_, p, _ in got), got


@pytest.mark.parametrize("text,source,target", [
    ("Egypt halted its airstrikes on Libya on Friday.", "EGY", "LBY"),
    ("The Ethiopian army ended its offensive against Eritrea.", "ETH", "ERI"),
])
def test_stopping_a_hostile_act_de_escalates(text, source, target):
    got = coded(text)
    assert has(got, source, target, "RETREAT"), got
    assert not any(p in {"SANCTION", "ASSAULT"} for *_, p, _ in got), got


def test_ending_a_visit_is_not_cutting_ties():
    got = coded("Poland's president ended his three-day visit to Ukraine on Friday.")
    assert has(got, "POL", "UKR", "CONSULT"), got
    assert not any(p == "SANCTION" for *_, p, _ in got), got


@pytest.mark.parametrize("noun_code,easing_only,expected", [
    ("190", False, "087"), ("191", True, "0872"), ("163", True, "085"), ("072", False, "1622"),
    ("046", False, "164"), ("061", False, "160"), ("042", True, None), ("140", False, None),
])
def test_stopped_code_follows_the_family_of_the_stopped_act(noun_code, easing_only, expected):
    assert stopped_code(noun_code, easing_only) == expected


@pytest.mark.parametrize("text,source,target,plover", [
    ("Brazil decided to expel the Bolivian ambassador on Monday.", "BRA", "BOL", "SANCTION"),
    ("The United States decided to impose sanctions on Cuba.", "USA", "CUB", "SANCTION"),
    ("Kenya opted to withdraw its troops from Somalia.", "KEN", "SOM", "RETREAT"),
])
def test_a_decision_is_the_modality_of_the_decided_act(text, source, target, plover):
    got = coded(text)
    assert has(got, source, target, plover), got
    assert not any(p == "AGREE" for *_, p, _ in got), got


def test_linking_somebody_to_a_crime_accuses_them():
    got = coded("Ottawa linked Indian agents to the murder of a dissident.")
    assert has(got, "CAN", "IND", "ACCUSE"), got
    assert not any(p == "COOPERATE" for *_, p, _ in got), got


def test_linking_places_is_no_accusation():
    assert not any(p == "ACCUSE" for *_, p, _ in coded("The new railway links Kenya with Uganda."))


@pytest.mark.parametrize("text", [
    "Russia faces new sanctions from the European Union.",
    "Peru gave Chile three days to withdraw its troops or face sanctions.",
])
def test_who_faces_sanctions_does_not_impose_them(text):
    got = coded(text)
    assert not any(p == "SANCTION" and s in {"RUS", "PER"} for s, _, p, _ in got), got


@pytest.mark.parametrize("text,source,target,plover", [
    ("Accusations against Belarus were made by Poland on Monday.", "POL", "BLR", "ACCUSE"),
    ("A visit to Kenya was made by the Somali president.", "SOM", "KEN", "CONSULT"),
])
def test_a_passive_support_verb_lends_its_agent_to_the_event_noun(text, source, target, plover):
    assert has(coded(text), source, target, plover)
