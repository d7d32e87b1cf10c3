"""The dyadwatch_time component with the full model: timeline across sentences, parse-based tense,
and event_time choosing between the times of several predicates in one sentence."""
from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import dyadwatch.time.component  # noqa: F401  (registers dyadwatch_time)
from dyadwatch.nlp.extensions import TIME_SPANS
from dyadwatch.time import event_time

pytestmark = pytest.mark.model

WED_JULY_31 = date(2024, 7, 31)


@pytest.fixture(scope="module")
def nlp(time_nlp: Language) -> Language:
    return time_nlp


def run(nlp: Language, text: str, published: date | None = WED_JULY_31) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def time_of(doc: Doc, trigger: str) -> str | None:
    token = next(t for t in doc if t.text == trigger)
    value = event_time(token.sent, token)
    return value.value if value else None


def test_anaphors_take_the_last_date_across_sentences(nlp: Language) -> None:
    doc = run(nlp, "Leaders of the three countries met at a summit in Tokyo on May 27. "
                   "Hours after the summit, Pyongyang launched a rocket that same evening. "
                   "In 2016, Beijing backed a new round of sanctions. "
                   "At that time, the North also tightened its border controls.")
    assert [(s.text, s._.time.value, s._.time.basis) for s in doc.spans[TIME_SPANS]] == [
        ("May 27", "2024-05-27", "relative"),
        ("that same evening", "2024-05-27", "relative"),
        ("2016", "2016", "explicit"),
        ("At that time", "2016", "relative"),
    ]
    assert time_of(doc, "launched") == "2024-05-27"
    assert time_of(doc, "tightened") == "2016"


def test_two_predicates_keep_their_own_times(nlp: Language) -> None:
    doc = run(nlp, "After talking with the Russian envoy in March, the minister announced new tariffs in April.")
    assert time_of(doc, "talking") == "2024-03"
    assert time_of(doc, "announced") == "2024-04"


def test_coordinated_predicates_share_a_time(nlp: Language) -> None:
    doc = run(nlp, "The ministers met in Hanoi on Tuesday and signed an accord, ending a feud that began in 2019.")
    assert time_of(doc, "met") == "2024-07-30"
    assert time_of(doc, "signed") == "2024-07-30"
    assert time_of(doc, "began") == "2019"


def test_reported_clause_takes_the_time_of_the_report(nlp: Language) -> None:
    doc = run(nlp, "Officials said on Monday that Beijing welcomes closer ties, which began in 2015.")
    assert time_of(doc, "welcomes") == "2024-07-29"
    assert time_of(doc, "began") == "2015"


def test_time_of_an_event_noun(nlp: Language) -> None:
    doc = run(nlp, "Seoul attended the regional summit on June 3 in Jakarta.")
    assert time_of(doc, "summit") == "2024-06-03"
    assert time_of(doc, "attended") == "2024-06-03"


def test_times_in_other_clauses_or_on_other_nouns_are_not_borrowed(nlp: Language) -> None:
    relative_clause = run(nlp, "Vietnam expelled a diplomat who had arrived in 2019.")
    assert time_of(relative_clause, "arrived") == "2019"
    assert time_of(relative_clause, "expelled") is None
    possessive = run(nlp, "Japan lodged a protest over last year's incursion.")
    assert time_of(possessive, "incursion") == "2023"
    assert time_of(possessive, "lodged") is None
    elided = run(nlp, "The delegation was downgraded from last year's.")
    assert time_of(elided, "downgraded") is None
    noun_modifier = run(nlp, "The ministry condemned the 2016 sanctions on Tuesday.")
    assert time_of(noun_modifier, "sanctions") == "2016"
    assert time_of(noun_modifier, "condemned") == "2024-07-30"


def test_future_tense_from_the_parse(nlp: Language) -> None:
    doc = run(nlp, "The two presidents will meet on Friday in Ankara.")
    assert [s._.time.value for s in doc.spans[TIME_SPANS]] == ["2024-08-02"]


def test_entities_add_no_false_dates(nlp: Language) -> None:
    doc = run(nlp, "Veterans gathered on Saturday for the 71st anniversary, two decades after a truce "
                   "that ended fighting begun in the 1950s.")
    assert [(s.text, s._.time.value) for s in doc.spans[TIME_SPANS]] == [("Saturday", "2024-07-27")]


def test_no_publication_date_keeps_only_explicit_dates(nlp: Language) -> None:
    doc = run(nlp, "Hanoi protested in May and again in June 2021.", published=None)
    assert [s._.time.value for s in doc.spans[TIME_SPANS]] == ["2021-06"]


def test_a_clause_that_sets_the_occasion_lends_its_time(nlp: Language) -> None:
    when = run(nlp, "When Malian troops crossed the border on Monday, Senegal protested.")
    assert time_of(when, "protested") == "2024-07-29"
    shortly = run(nlp, "Shortly after the pipeline was sabotaged on Friday, Lithuania expelled two envoys.")
    assert time_of(shortly, "expelled") == "2024-07-26"
    plain_after = run(nlp, "Senegal protested after Malian troops shelled the village on Monday.")
    assert time_of(plain_after, "protested") is None  # some time after Monday: not said when


def test_a_time_after_an_ordering_preposition_dates_the_earlier_event(nlp: Language) -> None:
    doc = run(nlp, "Ghana recalled its envoy after the coup in the neighbouring country in June.")
    assert time_of(doc, "recalled") is None
    doc = run(nlp, "Ghana recalled its envoy in June after the coup.")
    assert time_of(doc, "recalled") == "2024-06"
