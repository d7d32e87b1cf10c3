"""Trigger finding: contact nouns in prepositional phrases, topics of talks, shows of force against joint
exercises, event nouns that only count in context, and paraphrase families of the curated lexicon.
Sentences are written for these tests."""
from __future__ import annotations

import pytest

from coded_pairs import coded, has

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,source,target", [
    ("Chile's foreign minister spoke to reporters during a meeting with the Peruvian president.", "CHL", "PER"),
    ("The Kenyan minister was in constant communication with Ugandan officials all week.", "KEN", "UGA"),
    ("After three hours of talks with the Ghanaian minister, the Togolese envoy announced a deal.", "TGO", "GHA"),
])
def test_the_clause_subject_takes_part_in_a_contact_noun_of_its_phrase(text, source, target):
    got = coded(text)
    assert has(got, source, target, "CONSULT") or has(got, target, source, "CONSULT"), got


def test_a_contact_noun_after_at_does_not_make_bystanders_parties():
    got = coded("Bolivian police arrested two Chilean protesters at the summit in La Paz.")
    assert not any(p == "CONSULT" for *_, p, _ in got), got


def test_a_topic_of_talks_is_not_an_event():
    got = coded("Kenya and Uganda renewed negotiations on Monday on a troop pullback from the border.")
    assert has(got, "KEN", "UGA", "CONSULT"), got
    assert not any(p == "RETREAT" for *_, p, _ in got), got


def test_military_exercises_are_a_show_of_force_unless_held_together():
    alone = coded("Brazil launched large-scale military exercises near the Venezuelan border on Friday.")
    assert any(s == "BRA" and p == "MOBILIZE" for s, _, p, _ in alone), alone
    assert not any(p == "COOPERATE" for *_, p, _ in alone), alone
    joint = coded("Chilean and Peruvian warships began a week of naval drills off the coast on Monday.")
    assert any(p == "COOPERATE" for *_, p, _ in joint), joint
    explicit = coded("Brazil held joint exercises with Argentina in the south.")
    assert has(explicit, "BRA", "ARG", "COOPERATE"), explicit


def test_a_verb_keeps_its_event_when_the_object_noun_does_not_fit_its_conditions():
    got = coded("Ghana said it would boycott all official contact with Togo.")
    assert any(p in {"THREATEN", "SANCTION"} for *_, p, _ in got), got
    assert not any(p in {"CONSULT", "AGREE"} for *_, p, _ in got), got


@pytest.mark.parametrize("text,source,target,plover", [
    ("Chile struck a deal with Peru on fishing rights.", "CHL", "PER", "SUPPORT"),
    ("Ghana called the Togolese raid an act of aggression.", "GHA", "TGO", "ACCUSE"),
    ("Sweden lifted its veto on Finland's entry into the council.", "SWE", "FIN", "CONCEDE"),
    ("Ghana launched an operation against Togolese rebels on Tuesday.", "GHA", "TGO", "ASSAULT"),
    ("The Kenyan president shook hands with the Ethiopian prime minister.", "KEN", "ETH", "CONSULT"),
    ("The Kenyan president flew into Kampala on Monday.", "KEN", "UGA", "CONSULT"),
    ("Peru gave Bolivia 48 hours to withdraw its troops from the border.", "PER", "BOL", "THREATEN"),
])
def test_paraphrase_families(text, source, target, plover):
    got = coded(text)
    assert has(got, source, target, plover), got


def test_striking_a_deal_is_not_an_attack():
    got = coded("Chile struck a deal with Peru on fishing rights.")
    assert not any(p == "ASSAULT" for *_, p, _ in got), got


def test_reserving_the_right_to_respond_is_a_threat():
    got = coded("Peru reserved the right to respond to the Bolivian move.")
    assert any(s == "PER" and p == "THREATEN" for s, _, p, _ in got), got
