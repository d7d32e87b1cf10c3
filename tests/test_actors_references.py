"""Article-wide references (actors/references.py, pronouns.py, document.py, groups.py) with the full model:
state pronouns, first person in quotes, definite descriptions by head noun, people past the paragraph."""
from __future__ import annotations

import pytest

from dyadwatch.actors import group_members
from dyadwatch.actors.document import read_article
from dyadwatch.actors.references import paragraph_numbers
from dyadwatch.nlp.extensions import ACTOR_SPANS
from dyadwatch.pipeline import code_text
from dyadwatch.records import Event

pytestmark = pytest.mark.model


def spans(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_, s._.actor.code) for s in doc.spans[ACTOR_SPANS]]


def primary(actor) -> str | None:
    return actor.country or actor.code if actor is not None else None


def dyads(text: str) -> list[tuple[str | None, str | None, str]]:
    events: list[Event] = code_text(text, published="2024-05-06")
    return [(primary(e.source), primary(e.target), e.plover) for e in events]


def test_it_takes_the_state_that_was_the_last_sentences_subject(nlp):
    found = spans(nlp, "Chile recalled its ambassador from Peru on Monday.\n\nIt also expelled two Peruvian diplomats.")
    assert ("It", "COREF", "CHL") in found


def test_an_event_whose_subject_is_a_resolved_pronoun_is_kept():
    got = dyads("Peru's defence ministry accused Chile of spying.\n\nChile denied the charge on Tuesday.\n\n"
                "The ministry said it would expel a Chilean attache.")
    # the announced expulsion is Peru's (a threat, or a sanction when "said it would" counts as announcing it)
    assert {("PER", "CHL", "THREATEN"), ("PER", "CHL", "SANCTION")} & set(got)


def test_a_thing_as_last_subject_blocks_it(nlp):
    found = spans(nlp, "Norway signed a fishing treaty with Sweden in 1990.\n\n"
                       "The treaty expired in May. It allowed boats to fish in the fjord.")
    assert not any(text == "It" for text, _, _ in found)


def test_two_coordinated_states_leave_it_unresolved(nlp):
    found = spans(nlp, "Chile and Bolivia signed a border pact on Monday. It will take effect next year.")
    assert not any(text == "It" for text, _, _ in found)


def test_expletive_it_is_never_a_state(nlp):
    found = spans(nlp, "Chile summoned the Bolivian envoy. It is the second such summons this year.")
    assert not any(text == "It" for text, _, _ in found)


def test_its_territory_is_the_state_but_its_blockade_names_nobody(nlp):
    found = spans(nlp, "Chile and Peru fought a war, and Bolivia lost its coast. Chile lifted its blockade.")
    assert ("its coast", "COREF", "BOL") in found
    assert not any(text.startswith("its blockade") or text == "its" for text, _, _ in found)


def test_they_takes_a_plural_body(nlp):
    found = spans(nlp, "The Chinese insisted on Tuesday that they had done nothing wrong.")
    assert ("they", "COREF", "CHN") in found


@pytest.mark.parametrize("text", [
    'Kenyan President William Ruto said: "We will close our embassy in Somalia."',
    '"We will close our embassy in Somalia," the Kenyan foreign ministry said.',
])
def test_we_in_a_quote_is_its_speaker_named_before_or_after(nlp, text):
    found = spans(nlp, text)
    assert [code[:3] for t, label, code in found if t == "We"] == ["KEN"]
    assert any(t == "our embassy" and code.startswith("KEN") for t, _, code in found)


def test_a_quote_running_on_into_the_next_paragraph_keeps_its_speaker():
    got = dyads('Ghana\'s foreign ministry said: "We reject the claims.\n\n"We urge Togo to free the fishermen."')
    assert ("GHA", "TGO", "REQUEST") in got


def test_we_of_an_unknown_speaker_stays_unresolved(nlp):
    assert spans(nlp, '"We are tired of waiting," one of the farmers said.') == []


def test_the_ministry_takes_the_last_mention_with_that_head_across_paragraphs(nlp):
    found = spans(nlp, "Peru's defence ministry accused Chile of spying.\n\nChile denied the charge on Tuesday.\n\n"
                       "The ministry said it would expel a Chilean attache.")
    assert ("The ministry", "COREF", "PERMIL") in found


def test_he_in_a_paragraph_naming_nobody_takes_the_one_person_before(nlp):
    found = spans(nlp, "Kenyan President William Ruto met Somali officials in Nairobi.\n\n"
                       "He said his country would reopen the border.")
    assert ("He", "COREF", "KENGOV") in found
    assert ("his country", "COREF", "KEN") in found


def test_he_with_two_people_before_is_left_alone(nlp):
    found = spans(nlp, "Kenyan President William Ruto and Somali President Hassan Sheikh Mohamud met in Nairobi.\n\n"
                       "He said the border would reopen.")
    assert not any(text == "He" for text, _, _ in found)


def test_a_noun_naming_a_pair_is_the_articles_two_states(nlp):
    doc = nlp("Chile and Peru fought a war in the 1880s. The Andean rivals signed a trade deal on Monday.")
    groups = [s for s in doc.spans["actor_groups"] if s.label_ == "GROUP"]
    assert [g.text for g in groups] == ["The Andean rivals"]
    assert [[m.country for m in members] for _, members in group_members(doc)] == [["CHL", "PER"]]
    assert not any(s.start >= groups[0].start and s.end <= groups[0].end for s in doc.spans[ACTOR_SPANS])


def test_quotes_and_speakers_are_read_once_per_article(nlp):
    doc = nlp('"Our troops stay," the Malian junta said. Scare "quotes" are no speech.')
    article = read_article(doc, paragraph_numbers(doc))
    assert len(article.quotes) == 1
    quote = article.quotes[0]
    start, end = quote.speaker
    assert doc[start:end].text == "the Malian junta"
    assert article.quote_at(doc[1].i) is quote and article.quote_at(len(doc) - 2) is None


def test_a_regimes_own_in_phrase_names_its_state_over_the_sentences_subject(nlp):
    found = spans(nlp, "Soldiers seized power in Mali in May.\n\n"
                       "Paris said the new regime in the West African country must free the president.")
    assert ("the new regime", "COREF", "MLIGOV") in found
    assert ("the West African country", "COREF", "MLI") in found


def test_a_junta_acted_on_by_a_state_is_not_that_states_own(nlp):
    found = spans(nlp, "Soldiers seized power in Mali in May.\n\nFrance said on Tuesday that it rejected the "
                       "demands of the junta.")
    assert ("the junta", "COREF", "MLIGOV") in found


def test_a_junta_that_is_its_clauses_subject_still_takes_the_salient_state(nlp):
    found = spans(nlp, "Soldiers seized power in Mali in May.\n\nThe junta said on Tuesday that it would "
                       "expel the French ambassador.")
    assert ("The junta", "COREF", "MLIGOV") in found


def test_the_countrys_rulers_are_not_the_subjects_state(nlp):
    found = spans(nlp, "Soldiers seized power in Mali in May.\n\nThe French government said it does not "
                       "recognise the putschists as the country's rulers.")
    assert ("the country's rulers", "COREF", "MLIGOV") in found


def test_the_countrys_troops_as_subject_stay_with_the_speaker(nlp):
    found = spans(nlp, "Soldiers seized power in Mali in May.\n\nFrance said the country's troops would leave Mali.")
    assert ("the country's troops", "COREF", "FRAMIL") in found


@pytest.mark.parametrize("text,expected", [
    ("“Our congressional delegation visited Chile,” the Peruvian president said.", ("PER", "CHL", "CONSULT")),
    ("Peru said its newly appointed envoy had met Chilean officials.", ("PER", "CHL", "CONSULT")),
    ("Peru said its elite troops had attacked Chile.", ("PER", "CHL", "ASSAULT")),
])
def test_a_possessive_owns_its_phrase_past_plain_adjectives(text, expected):
    assert expected in dyads(text)

