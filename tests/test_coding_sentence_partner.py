"""The other party of a directed act whose clause names none, taken from the act's own sentence when the
article has no clear main dyad: not its speaker, a venue, a medium, nor for a source of no known country;
the actor's own possessed people, the means of a withdrawal or an offer, are not its other party; force
used on a place of one's own country is aimed at it (full model; sentences written for these tests)."""
from __future__ import annotations

import pytest

from coded_pairs import pairs

pytestmark = pytest.mark.model


def test_the_other_state_named_in_the_sentence_is_the_target():
    got = pairs("Bolivia's navy was put on alert after Peru launched its attack on Tuesday.", "ASSAULT")
    assert ("PER", "BOL") in got, got


@pytest.mark.parametrize("text,other", [
    ("Peru launched its attack early on Sunday, Chilean officials said.", "CHL"),  # the speaker
    ("Peru launched its offensive at dawn, a week after talks in Bolivia collapsed.", "BOL"),  # a venue
    ("Peru launched its attack, two officials told Chilean state television.", "CHL"),  # a medium
])
def test_speakers_venues_and_media_are_not_the_target(text, other):
    got = pairs(text, "ASSAULT")
    assert ("PER", None) in got, got
    assert ("PER", other) not in got, got


def test_a_source_of_no_known_country_gets_no_partner():
    got = pairs("Rebels launched their attack hours after Peru closed its embassy.", "ASSAULT")
    assert (None, "PER") not in got, got


@pytest.mark.parametrize("text", [
    "Chad will withdraw its troops from the region, the president said.",
    "The Wagner boss offered his fighters to the junta.",
])
def test_the_actors_own_people_are_its_means_not_the_other_party(text):
    got = pairs(text)
    assert not any(s is not None and s == t for s, t in got), got
    assert any(s is not None for s, _ in got), got


def test_once_its_own_troops_are_set_aside_the_other_state_in_the_sentence_is_the_party():
    got = pairs("Chad withdrew its troops, hours after Sudan closed the border.", "RETREAT")
    assert ("TCD", "SDN") in got, got


def test_own_people_acted_on_by_force_stay_the_target():
    got = pairs("Peru's army overthrew its president on Monday.", "ASSAULT")
    assert ("PER", "PER") in got, got


def test_force_against_a_region_of_the_actors_own_country_is_aimed_at_that_country():
    got = pairs("Georgia launched an offensive against the breakaway region of Abkhazia.", "ASSAULT")
    assert ("GEO", "GEO") in got, got


def test_the_same_words_are_not_both_doer_and_target():
    got = pairs("Chile said Lima was involved in the bombing.", "ASSAULT")
    assert ("PER", "PER") not in got, got
