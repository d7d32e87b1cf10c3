"""Descriptive references to a state (actors/descriptions.py): "the West African country", "the Gulf
kingdom", "the self-governing island", resolved against the states the article named, or left alone."""
from __future__ import annotations

import pytest

from dyadwatch.actors.descriptions import descriptors, normalise, state_facts
from dyadwatch.nlp.extensions import ACTOR_SPANS


def refs(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {s.text: s._.actor.code for s in doc.spans[ACTOR_SPANS] if s.text.lower().startswith("the ")}


def test_facts_table_carries_regions_and_kinds():
    facts = state_facts()
    assert {"west african", "landlocked"} <= facts["NER"].terms
    assert {"gulf", "kingdom", "monarchy"} <= facts["SAU"].terms
    assert "island" in facts["TWN"].terms and "island" not in facts["CHN"].terms
    assert "kingdom" not in facts["FRA"].terms and "republic" in facts["FRA"].terms


def test_descriptors_take_longest_phrases_and_refuse_unknown_words():
    assert descriptors(normalise("South - East Asian")) == {"south-east asian"}
    assert descriptors(normalise("tiny oil - rich")) == {"oil-rich"}
    assert descriptors(normalise("neighbouring")) is None


@pytest.mark.model
@pytest.mark.parametrize("text, phrase, code", [
    ("Mali and France traded accusations on Monday. Officials in Paris said the West African country had "
     "expelled a French envoy.", "the West African country", "MLI"),
    ("Iran hosted a delegation from Saudi Arabia in Tehran. Later the Gulf kingdom announced new flights.",
     "the Gulf kingdom", "SAU"),
    ("China sent warplanes towards Taiwan on Sunday. The self-governing island said it scrambled jets.",
     "The self-governing island", "TWN"),
    ("India pressed Nepal over a border road. The Himalayan nation rejected the map.",
     "The Himalayan nation", "NPL"),
])
def test_a_described_state_takes_the_named_state_that_fits(nlp, text, phrase, code):
    found = refs(nlp, text)
    assert found.get(phrase, "")[:3] == code


@pytest.mark.model
def test_the_description_skips_a_more_recent_state_that_does_not_fit(nlp):
    text = ("Armenia accused its neighbour of shelling villages. Russia urged restraint on Tuesday. "
            "The landlocked republic asked for monitors.")
    assert refs(nlp, text).get("The landlocked republic", "")[:3] == "ARM"


@pytest.mark.model
@pytest.mark.parametrize("text, phrase", [
    ("France and Germany met in Berlin. Later the Gulf kingdom sent a letter.", "the Gulf kingdom"),
    ("Brazil thanked Argentina for its help. The island nation said it would send aid too.", "The island nation"),
    ("Chile recalled its envoy from Peru. The neighbouring country said it regretted the move.",
     "The neighbouring country"),
])
def test_no_named_state_fits_and_the_description_stays_unresolved(nlp, text, phrase):
    assert phrase not in refs(nlp, text)


@pytest.mark.model
def test_a_country_named_inside_another_mention_can_be_described(nlp):
    text = ("Chile's envoy to Mali flew home on Monday, after a dispute with the new regime in the West African "
            "country which wanted him gone.")
    assert refs(nlp, text).get("the West African country", "")[:3] == "MLI"


@pytest.mark.model
def test_a_described_group_takes_only_the_states_that_fit(nlp):
    from dyadwatch.actors.component import ACTOR_GROUP_SPANS
    doc = nlp("The United States urged Japan and South Korea to meet. The Asian neighbours agreed to resume talks.")
    members = [s._.actor.country for s in doc.spans[ACTOR_GROUP_SPANS] if s.label_ == "MEMBER"]
    assert sorted(members) == ["JPN", "KOR"]


@pytest.mark.model
def test_a_described_group_no_named_states_fit_stays_unresolved(nlp):
    from dyadwatch.actors.component import ACTOR_GROUP_SPANS
    doc = nlp("France and Germany met Brazil in Paris. The two Baltic states agreed to resume talks.")
    assert not list(doc.spans[ACTOR_GROUP_SPANS])
