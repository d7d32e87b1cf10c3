"""Actor resolution on plain strings and on spacy.blank docs (dictionary matching only; fast)."""
from __future__ import annotations

from datetime import date

import pytest
import spacy

from dyadwatch.actors import ACTOR_GROUP_SPANS, group_members, resolve_span, resolve_text
from dyadwatch.actors.gazetteer import load_gazetteer
from dyadwatch.actors.matching import written_case_ok
from dyadwatch.nlp.extensions import ACTOR_SPANS
from dyadwatch.resources import read_tsv


def code(text: str, on: str | None = "2024-06-01") -> str | None:
    actor = resolve_text(text, on=on)
    return actor.code if actor else None


@pytest.mark.parametrize("text, expected", [
    ("North Korean leader Kim Jong-un", "PRKGOV"),
    ("Chinese Foreign Ministry spokesperson Lin Jian", "CHNGOV"),
    ("China", "CHN"),
    ("the DPRK", "PRK"),
    ("Pyongyang", "PRKGOV"),
    ("ROK", "KOR"),
    ("South Korea", "KOR"),
    ("Seoul", "KORGOV"),
    ("Beijing", "CHNGOV"),
    ("the Kremlin", "RUSGOV"),
    ("the White House", "USAGOV"),
    ("Washington", "USAGOV"),
    ("Moscow", "RUSGOV"),
    ("Tokyo", "JPNGOV"),
    ("Kyiv", "UKRGOV"),
    ("Tehran", "IRNGOV"),
    ("Manila", "PHLGOV"),
    ("North Korean", "PRK"),
    ("Chinese", "CHN"),
    ("Russian", "RUS"),
    ("Chinese nationals", "CHNCVL"),
    ("North Korean diplomats", "PRKGOV"),
    ("Russian forces", "RUSMIL"),
    ("Russian troops", "RUSMIL"),
    ("China Coast Guard", "CHNMIL"),
    ("the Chinese ambassador to North Korea", "CHNGOV"),
    ("South Korea's National Intelligence Service", "KORGOV"),
    ("Russian President Vladimir Putin", "RUSGOV"),
    ("Putin", "RUSGOV"),
    ("China's Xi", "CHNGOV"),
    ("Xi Jinping", "CHNGOV"),
    ("the foreign ministry of Japan", "JPNGOV"),
    ("officials in Beijing", "CHNGOV"),
    ("Chosun Ilbo", "KORMED"),
    ("Xinhua", "CHNMED"),
    ("KCNA", "PRKMED"),
    ("the U.S.", "USA"),
    ("US", "USA"),
    ("America", "USA"),
    ("UK", "GBR"),
    ("Britain", "GBR"),
    ("the Pentagon", "USAMIL"),
])
def test_brief_examples(text, expected):
    assert code(text) == expected


@pytest.mark.parametrize("text", [
    "UN", "United Nations", "UN Security Council", "NATO", "EU", "European Union", "ASEAN", "IAEA", "WHO",
    "African Union",
])
def test_intergovernmental_organisations_have_primary_igo_and_no_country(text):
    actor = resolve_text(text)
    assert actor is not None and actor.code.startswith("IGO") and actor.country is None
    assert actor.name  # the organisation's canonical name tells IGOs apart


def test_full_actor_record_for_a_leader_with_title():
    actor = resolve_text("North Korean leader Kim Jong-un")
    assert actor.to_dict() == {"text": "North Korean leader Kim Jong-un", "code": "PRKGOV", "country": "PRK",
                               "sector": "GOV", "name": "Kim Jong-un"}


def test_unknown_person_after_a_title_keeps_the_name():
    actor = resolve_text("South Korean Vice Foreign Minister Hong Gil-dong")
    assert (actor.code, actor.name) == ("KORGOV", "Hong Gil-dong")


@pytest.mark.parametrize("text", [
    "Korean War", "the Korean Peninsula", "Chinese yuan", "Chinese films", "the South China Sea",
    "Russian-backed separatists", "pro-Russian militias", "Seoul National University", "us", "who", "the regime",
])
def test_things_and_places_are_not_actors(text):
    assert resolve_text(text) is None


@pytest.mark.parametrize("text, expected", [
    ("a Russian attack", "RUS"),                        # a demonym qualifying an event noun
    ("the Chinese side", "CHNGOV"),
    ("high-ranking North Korean officials", "PRKGOV"),
    ("Chinese state-owned companies", "CHNBUS"),
    ("UN peacekeepers", "IGOMIL"),
    ("Hamas fighters", "PSEREB"),                       # an armed group's own sector holds
    ("residents of Seoul", "KORCVL"),                   # agent noun beats the capital metonym
    ("members of the Chinese military", "CHNMIL"),
    ("the Chinese embassy in Pyongyang", "CHNGOV"),
    ("Putin's spokesman Dmitry Peskov", "RUSGOV"),
    ("Defense Secretary Austin", "USAMIL"),             # surname alone only after a title
    ("US-led coalition forces", "USAMIL"),
    ("Bosnian Serbs", "BIH"),
    ("Iraqi Kurdish forces", "IRQMIL"),
    ("NATO-member Norway", "NOR"),
])
def test_combinations(text, expected):
    assert code(text) == expected


def test_surname_alone_without_a_title_is_not_a_leader():
    assert resolve_text("Austin") is None


def test_former_officials_are_elites():
    assert code("former President Moon Jae-in") == "KORELI"


def test_office_spells_follow_the_publication_date():
    assert code("Fumio Kishida", on="2023-05-01") == "JPNGOV"
    assert code("Fumio Kishida", on="2025-01-15") == "JPNELI"
    assert code("Donald Trump", on="2022-03-01") == "USAELI"
    assert code("Donald Trump", on="2025-03-01") == "USAGOV"
    assert code("Mark Rutte", on="2023-03-01") == "NLDGOV"
    assert code("Mark Rutte", on="2025-03-01") == "IGOGOV"
    assert code("Putin", on=None) == "RUSGOV"


def test_a_role_in_the_text_overrides_an_ended_spell():
    # Out of office by the date, but the phrase itself says what he is.
    assert code("U.S. special envoy for North Korea Sung Kim", on="2024-06-01") == "USAGOV"


def test_historical_heads_of_state_come_from_the_phoenix_lists():
    assert code("President Mugabe", on=None) == "ZWEGOV"
    assert code("Kofi Annan", on=None).startswith("IGO")


def blank_nlp():
    import dyadwatch.actors.component  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    nlp.add_pipe("dyadwatch_actors")
    return nlp


@pytest.fixture(scope="module")
def nlp():
    return blank_nlp()


def spans(doc):
    return [(s.text, s.label_, s._.actor.code) for s in doc.spans[ACTOR_SPANS]]


def test_component_finds_whole_noun_phrases_on_a_blank_pipeline(nlp):
    doc = nlp("Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo, "
              "and Chinese Foreign Ministry spokesperson Mao Ning criticised the meeting.")
    assert spans(doc) == [
        ("Japanese Prime Minister Fumio Kishida", "ACTOR", "JPNGOV"),
        ("South Korean President Yoon Suk Yeol", "ACTOR", "KORGOV"),
        ("Tokyo", "ACTOR", "JPNGOV"),
        ("Chinese Foreign Ministry spokesperson Mao Ning", "ACTOR", "CHNGOV"),
    ]


def test_component_spans_carry_actors_whose_text_is_the_span(nlp):
    doc = nlp("The Chinese ambassador to North Korea met officials in Pyongyang on Monday.")
    found = list(doc.spans[ACTOR_SPANS])
    assert [s.text for s in found] == ["Chinese ambassador to North Korea", "officials in Pyongyang"]
    assert all(s._.actor.text == s.text for s in found)
    assert [s._.actor.code for s in found] == ["CHNGOV", "PRKGOV"]


def test_component_spans_never_overlap(nlp):
    doc = nlp("US Secretary of State Antony Blinken and his Chinese counterpart Wang Yi met in Beijing "
              "while Russian and North Korean troops drilled near the Korean Peninsula.")
    ordered = list(doc.spans[ACTOR_SPANS])
    assert all(a.end <= b.start for a, b in zip(ordered, ordered[1:]))
    assert ("Russian", "ACTOR", "RUSMIL") in spans(doc)  # shares "troops" with its conjunct
    assert not any("Peninsula" in s.text for s in ordered)


def test_demonyms_on_things_are_skipped_but_on_agents_kept(nlp):
    doc = nlp("Sales of Chinese films fell while Chinese nationals left the city.")
    assert spans(doc) == [("Chinese nationals", "ACTOR", "CHNCVL")]


def test_references_within_a_paragraph(nlp):
    doc = nlp("North Korean leader Kim Jong-un ordered his diplomats to stay home. "
              "The regime also warned the South.\n"
              "Separately, Japan said the country would respond.")
    found = spans(doc)
    assert ("his diplomats", "COREF", "PRKGOV") in found
    assert ("The regime", "COREF", "PRKGOV") in found
    assert ("the South", "COREF", "KOR") in found
    assert ("the country", "COREF", "JPN") in found


def test_pronoun_without_a_person_in_the_paragraph_stays_unresolved(nlp):
    doc = nlp("China protested.\nHe said nothing more.")
    assert [s.text for s in doc.spans[ACTOR_SPANS]] == ["China"]


def test_the_north_needs_a_korea_article(nlp):
    doc = nlp("Italy played well, and the North celebrated.")
    assert spans(doc) == [("Italy", "ACTOR", "ITA")]


def test_group_references(nlp):
    doc = nlp("South Korea and Japan held talks in Seoul. Both sides agreed to meet again. "
              "North Korea ignored the meeting; the two Koreas remain technically at war.")
    groups = group_members(doc)
    assert [(g.text, sorted(m.code for m in members)) for g, members in groups] == [
        ("Both sides", ["JPNGOV", "KORGOV"]),
        ("the two Koreas", ["KOR", "PRK"]),
    ]
    assert all(m.text == g.text for g, members in groups for m in members)
    labels = [s.label_ for s in doc.spans[ACTOR_GROUP_SPANS]]
    assert labels[0] == "GROUP" and set(labels) == {"GROUP", "MEMBER"}


def test_publication_date_on_the_doc_is_used(nlp):
    doc = nlp.make_doc("Ishiba spoke.")
    doc._.published = date(2025, 12, 1)
    doc = nlp(doc)
    assert spans(doc) == [("Ishiba", "ACTOR", "JPNELI")]


def test_resolve_span_uses_the_component_mentions(nlp):
    doc = nlp("Officials said Russian President Vladimir Putin would travel.")
    assert resolve_span(doc[3:6]).code == "RUSGOV"  # "President Vladimir Putin" inside the mention
    assert resolve_span(doc[0:1]) is None


def test_written_case_ok():
    assert written_case_ok(("US",), spacy.blank("en")("US"))
    assert not written_case_ok(("US",), spacy.blank("en")("us"))
    assert not written_case_ok(("Chad",), spacy.blank("en")("chad"))
    assert written_case_ok(("Kim", "Jong", "-", "un"), spacy.blank("en")("KIM JONG-UN"))


def test_shipped_tables_are_well_formed():
    iso = {row[0] for row in read_tsv("actors", "countries.tsv")}
    assert len(iso) > 190 and all(len(c) == 3 and c.isupper() for c in iso)
    for row in read_tsv("actors", "leaders.tsv"):
        assert len(row) == 7, row
        assert row[2] in iso | {"IGO", "NGO"}, row
        for cell in row[5:7]:
            if cell:
                date.fromisoformat(cell)
    assert len(read_tsv("actors", "leaders.tsv")) >= 150
    for row in read_tsv("actors", "organisations.tsv"):
        assert row[2] in iso | {"IGO", "NGO", "IMG", "MNC"}, row
    gazetteer = load_gazetteer()
    assert ("kim", "jong", "-", "un") in gazetteer.names and ("coast", "guard") in gazetteer.agents


def test_a_surname_shared_by_two_leaders_of_one_country_resolves_to_that_country():
    from dyadwatch.actors import resolve_text
    actor = resolve_text("President Bush")
    assert actor is not None and actor.country == "USA"


def test_a_listed_three_word_name_is_found_without_its_middle_name():
    from dyadwatch.actors import resolve_text as resolve

    full = resolve("Carlos Saul Menem", "1995-01-01")
    short = resolve("Carlos Menem", "1995-01-01")
    assert full is not None and short is not None and short.code == full.code == "ARGGOV"
