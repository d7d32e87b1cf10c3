"""Dates from context: an undated past-tense sentence takes the date of the sentence before it,
"during Monday's talks" dates the clause, and "a day after ..." clauses are moved by the measure."""
from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import dyadwatch.time.component  # noqa: F401  (registers dyadwatch_time)
from dyadwatch.time import event_time, inherited_time

pytestmark = pytest.mark.model

WED_JULY_31 = date(2024, 7, 31)


@pytest.fixture(scope="module")
def nlp(time_nlp: Language) -> Language:
    return time_nlp


def run(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = WED_JULY_31
    return nlp(doc)


def token(doc: Doc, word: str):
    return next(t for t in doc if t.text == word)


def inherited(doc: Doc, word: str) -> str | None:
    trigger = token(doc, word)
    value = inherited_time(trigger.sent, trigger, WED_JULY_31)
    return value.value if value else None


def time_of(doc: Doc, word: str) -> str | None:
    trigger = token(doc, word)
    value = event_time(trigger.sent, trigger)
    return value.value if value else None


def test_an_undated_past_sentence_takes_the_previous_sentences_date(nlp: Language) -> None:
    doc = run(nlp, "On July 12, the rebels seized the airport. They also demanded the release of prisoners.")
    assert inherited(doc, "demanded") == "2024-07-12"


def test_no_inheritance_across_a_paragraph_or_outside_the_simple_past(nlp: Language) -> None:
    paragraph = run(nlp, "On July 12, the rebels seized the airport.\n\nThey also demanded the release of prisoners.")
    assert inherited(paragraph, "demanded") is None
    perfect = run(nlp, "On July 12, the rebels seized the airport. They have demanded the release of prisoners.")
    assert inherited(perfect, "demanded") is None
    future = run(nlp, "On July 12, the rebels seized the airport. They will demand the release of prisoners.")
    assert inherited(future, "demand") is None


def test_a_sentence_with_its_own_time_or_after_an_undated_one_inherits_nothing(nlp: Language) -> None:
    own = run(nlp, "On July 12, the rebels seized the airport. In June they demanded the release of prisoners.")
    assert inherited(own, "demanded") is None
    undated = run(nlp, "The rebels seized the airport. They also demanded the release of prisoners.")
    assert inherited(undated, "demanded") is None


def test_a_planned_date_is_not_inherited(nlp: Language) -> None:
    doc = run(nlp, "The envoys will meet on August 20. The rebels demanded the release of prisoners.")
    assert inherited(doc, "demanded") is None


def test_a_possessive_time_on_the_occasion_dates_the_clause(nlp: Language) -> None:
    doc = run(nlp, "The delegates complained during Monday's talks about the blockade.")
    assert time_of(doc, "complained") == "2024-07-29"


def test_a_measured_after_clause_is_moved_back(nlp: Language) -> None:
    day = run(nlp, "The rebels accepted a truce on Friday, almost 24 hours after the army began an assault.")
    assert time_of(day, "accepted") == "2024-07-26"
    assert time_of(day, "began") == "2024-07-25"
    before = run(nlp, "The rebels accepted a truce on Friday, two days before the army began an assault.")
    assert time_of(before, "began") == "2024-07-28"
    vague = run(nlp, "The rebels accepted a truce on Friday, hours after the army began an assault.")
    assert time_of(vague, "began") == "2024-07-26"
    noun = run(nlp, "The rebels accepted a truce on Friday, a day after the army launched an offensive.")
    assert time_of(noun, "offensive") == "2024-07-25"
    on_after = run(nlp, "Rebel leaders accepted a Qatari offer of talks on Friday (July 26), almost 48 hours "
                        "after the junta's troops opened an assault in the north.")  # measure hangs on "after"
    assert time_of(on_after, "opened") == "2024-07-24"


def test_a_clause_dated_through_its_measured_clause(nlp: Language) -> None:
    pcomp = run(nlp, "The navy shelled the harbour a day after leaving the talks on Monday.")
    assert time_of(pcomp, "shelled") == "2024-07-30"
    advcl = run(nlp, "The militia signed a truce two days after the navy opened a blockade on Friday.")
    assert time_of(advcl, "signed") == "2024-07-28"
    assert time_of(advcl, "opened") == "2024-07-26"


def test_two_undated_measured_clauses_stay_undated(nlp: Language) -> None:
    doc = run(nlp, "The militia signed a truce two days after the navy opened a blockade.")
    assert time_of(doc, "signed") is None and time_of(doc, "opened") is None


def episode(doc: Doc, word: str) -> str | None:
    from dyadwatch.time.context import episode_time

    trigger = token(doc, word)
    value = episode_time(trigger.sent, trigger, WED_JULY_31)
    return value.value if value else None


def test_an_undated_past_act_takes_the_day_the_lead_tells_of(nlp: Language) -> None:
    doc = run(nlp, "Rebels on Tuesday seized the airport near the capital.\n\n"
                   "Residents described heavy gunfire.\n\nThe army later shelled the runway.")
    assert episode(doc, "shelled") == "2024-07-30"


@pytest.mark.parametrize("text,word", [
    # the lead's day is the publication day itself: nothing to move
    ("Rebels on Wednesday seized the airport.\n\nThe army later shelled the runway.", "shelled"),
    # a lead day a week back is another episode
    ("Rebels last Wednesday seized the airport.\n\nThe army later shelled the runway.", "shelled"),
    # the present perfect tells of the reporting time
    ("Rebels on Tuesday seized the airport.\n\nThe army has shelled the runway.", "shelled"),
    # a sentence with a time of its own is not dated by the lead
    ("Rebels on Tuesday seized the airport.\n\nThe army shelled the runway, which opened in 2019.", "shelled"),
])
def test_the_lead_day_is_not_taken_without_reason(nlp: Language, text: str, word: str) -> None:
    assert episode(doc := run(nlp, text), word) is None, [(s.text, s._.time) for s in doc.spans["times"]]


@pytest.mark.parametrize("text", [
    "The rebels seized the airport on Monday. The airport, which opened in 2019, serves the capital. "
    "The army shelled the runway.",
    "The rebels seized the airport on Monday. The army had built the runway in 2019. The army shelled the runway.",
])
def test_a_background_date_is_not_inherited(nlp: Language, text: str) -> None:
    assert inherited(run(nlp, text), "shelled") is None


def test_the_main_clause_date_of_the_sentence_before_is_inherited(nlp: Language) -> None:
    doc = run(nlp, "The rebels seized the airport on Monday. The army shelled the runway.")
    assert inherited(doc, "shelled") == "2024-07-29"
