"""The other party of a directed act whose clause names none, taken from the act's own sentence when the
article has no clear main dyad: not its speaker, a venue, a medium, nor for a source of no known country
(full model; sentences written for these tests)."""
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
