"""The dyadwatch_actors component with the full spaCy model (parse and named entities in play)."""
from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.actors import group_members
from dyadwatch.nlp.extensions import ACTOR_SPANS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    import dyadwatch.actors.component  # noqa: F401  (registers the factory)
    from dyadwatch.nlp import load_base_model

    pipeline = load_base_model()
    pipeline.add_pipe("dyadwatch_paragraphs", before="parser")
    pipeline.add_pipe("dyadwatch_actors")
    return pipeline


def run(nlp, text: str, published: date | None = date(2024, 9, 15)):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def found(doc):
    return [(s.text, s.label_, s._.actor.code) for s in doc.spans[ACTOR_SPANS]]


def test_factory_declares_its_outputs(nlp):
    meta = nlp.get_pipe_meta("dyadwatch_actors")
    assert "doc.spans" in meta.assigns and "span._.actor" in meta.assigns


def test_leader_with_title_is_one_mention(nlp):
    doc = run(nlp, "North Korean leader Kim Jong-un inspected a missile factory on Friday, according to KCNA.")
    assert found(doc) == [("North Korean leader Kim Jong-un", "ACTOR", "PRKGOV"), ("KCNA", "ACTOR", "PRKMED")]
    leader = doc.spans[ACTOR_SPANS][0]._.actor
    assert (leader.country, leader.sector, leader.name) == ("PRK", "GOV", "Kim Jong-un")


def test_parse_tells_noun_demonyms_from_adjectives(nlp):
    doc = run(nlp, "The Chinese insisted on Tuesday that they had done nothing wrong, "
                   "while Chinese films dominated the box office.")
    # "they" stands for the noun demonym's people; the adjective before "films" names nobody
    assert found(doc) == [("Chinese", "ACTOR", "CHN"), ("they", "COREF", "CHN")]


def test_coordinated_demonyms_share_the_agent(nlp):
    doc = run(nlp, "Chinese and Russian warships sailed through the strait as South Korean and U.S. forces "
                   "held drills near the border.")
    assert found(doc) == [
        ("Chinese", "ACTOR", "CHNMIL"), ("Russian warships", "ACTOR", "RUSMIL"),
        ("South Korean", "ACTOR", "KORMIL"), ("U.S. forces", "ACTOR", "USAMIL"),
    ]


def test_people_named_like_places_are_not_countries(nlp):
    doc = run(nlp, "Michael Jordan visited Seoul last week.")
    assert found(doc) == [("Seoul", "ACTOR", "KORGOV")]


def test_unlisted_official_gets_the_name_from_the_entities(nlp):
    doc = run(nlp, "Japanese Deputy Foreign Minister Takeo Akiba arrived in Manila for talks.")
    first = doc.spans[ACTOR_SPANS][0]
    assert first.text == "Japanese Deputy Foreign Minister Takeo Akiba"
    assert (first._.actor.code, first._.actor.name) == ("JPNGOV", "Takeo Akiba")


def test_owner_decides_not_the_place(nlp):
    doc = run(nlp, "Kim Jong-un told his envoys in Beijing to ignore Chinese pressure, state media reported.")
    assert ("his envoys", "COREF", "PRKGOV") in found(doc)
    assert ("Beijing", "ACTOR", "CHNGOV") in found(doc)
    assert ("Chinese", "ACTOR", "CHN") in found(doc)  # qualifies an event noun ("pressure")


def test_references_reach_back_one_paragraph_to_the_subject(nlp):
    doc = run(nlp, "North Korea test-fired a cruise missile toward Japan on Sunday, officials in Tokyo said.\n"
                   "The regime has since threatened further launches, and the country's foreign ministry "
                   "blamed Washington.")
    assert ("The regime", "COREF", "PRKGOV") in found(doc)
    assert ("the country's foreign ministry", "COREF", "PRKGOV") in found(doc)


def test_pronoun_takes_the_nearest_person(nlp):
    doc = run(nlp, "South Korean Foreign Minister Cho Tae-yul spoke with his Japanese counterpart Takeshi Iwaya "
                   "by phone.")
    assert found(doc) == [
        ("South Korean Foreign Minister Cho Tae-yul", "ACTOR", "KORGOV"),
        ("his", "COREF", "KORGOV"),
        ("Japanese counterpart Takeshi Iwaya", "ACTOR", "JPNGOV"),
    ]


def test_group_reference_members(nlp):
    doc = run(nlp, "Russian Defense Minister Andrei Belousov arrived in Pyongyang; the two sides signed a "
                   "military pact.")
    groups = group_members(doc)
    assert [(g.text, sorted(m.code for m in members)) for g, members in groups] == [
        ("the two sides", ["PRKGOV", "RUSGOV"])]


@pytest.mark.parametrize("text,members", [
    ("Chad and Niger signed a border accord in Abuja after talks hosted by Nigeria, and the two sides "
     "reopened their crossings.", ["NER", "TCD"]),
    ("Peru accused Bolivia of smuggling. Bolivia denied it and Peru closed a crossing. Chile urged calm. "
     "Relations between the two countries have been tense since 2019.", ["BOL", "PER"]),
])
def test_a_group_stands_for_the_states_the_text_is_about_not_the_last_named(nlp, text, members):
    groups = group_members(run(nlp, text))
    assert [sorted(m.country for m in ms) for _, ms in groups] == [members]


def test_coast_guard_and_vessels(nlp):
    doc = run(nlp, "A spokesman for the Philippine Coast Guard said Chinese vessels fired water cannon at a "
                   "supply boat near the shoal, and the China Coast Guard denied it.")
    codes = [code for _, _, code in found(doc)]
    assert codes == ["PHLMIL", "CHN", "CHNMIL"]


def test_publication_date_picks_the_office_holder(nlp):
    before = run(nlp, "Kishida said Tokyo would respond.", published=date(2024, 5, 1))
    after = run(nlp, "Kishida said Tokyo would respond.", published=date(2025, 5, 1))
    assert before.spans[ACTOR_SPANS][0]._.actor.code == "JPNGOV"
    assert after.spans[ACTOR_SPANS][0]._.actor.code == "JPNELI"


def test_places_and_things_named_after_countries(nlp):
    doc = run(nlp, "Ships crossed the South China Sea and the Taiwan Strait while the Korean War museum in "
                   "Seoul reopened and the Chinese yuan slipped.")
    assert found(doc) == [("Seoul", "ACTOR", "KORGOV")]
