"""Stories stage, pure functions: the same-event relation, origins, contradictions and document links."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np

from dyadwatch.records import Actor, Attribution, Event, Evidence
from dyadwatch.stories.clusters import independent_origins
from dyadwatch.stories.contradictions import find_contradictions, with_answered_sentences
from dyadwatch.stories.documents import doc_link
from dyadwatch.stories.matching import date_relation, report_of, same_event
from dyadwatch.stories.origins import normalise_source, origin_of, outlet_key
from dyadwatch.stories.signatures import lsh_buckets, signature_of
from dyadwatch.stories.text import evidence_words, stem, year_hint

VNM = Actor("Vietnamese fisheries officials", "VNMGOV", "VNM", "GOV")
CHN = Actor("the Chinese coast guard", "CHNMIL", "CHN", "MIL")
PHL = Actor("Manila", "PHLGOV", "PHL", "GOV")
JPN = Actor("Tokyo", "JPNGOV", "JPN", "GOV")
PUB = date(2025, 3, 14)


def event(eid: str, evidence: str, trigger: str, *, doc: str = "d1", sentence: int = 0, source: Actor = CHN,
          target: Actor | None = VNM, plover: str = "COERCE", status: str = "asserted", when: str | None = None,
          basis: str | None = None, attribution: list[Attribution] | None = None) -> Event:
    return Event(eid, doc, sentence, source, target, "170", plover, -7.0, 4, status, when,
                 basis or ("explicit" if when else None), Evidence(evidence, 0, len(evidence)),
                 attribution or [], trigger=trigger)


def report(ev: Event, published: date | None = PUB):
    return report_of(ev, published)


SEIZE_A = "The Chinese coast guard seized two Vietnamese fishing trawlers near the Paracel Islands on Tuesday."
SEIZE_B = "Two Vietnamese trawlers were seized by Chinese coast guard vessels off the Paracels, Hanoi said."
DRILL = "The Chinese coast guard held live-fire drills in the Gulf of Tonkin, close to Vietnamese waters."


def test_stemmer_and_words_ignore_names_and_reporting_words():
    assert stem("restrictions") == stem("restricted") == stem("restricting")
    words = evidence_words(SEIZE_B, "seized")
    assert {"seiz", "trawler"} <= words
    assert not words & {"vietnamese", "chinese", "hanoi", "said"}


def test_year_hint_dates_an_undated_clause():
    assert year_hint("Back in 2019 Hanoi also expelled two Chinese survey ships from its waters.", "expelled") == "2019"
    assert year_hint("Hanoi expelled the ships in 2019 and again in 2021.", "expelled") is None


def test_two_reports_of_one_seizure_are_one_event():
    a = report(event("e1", SEIZE_A, "seized", when="2025-03-11"))
    b = report(event("e2", SEIZE_B, "seized", doc="d2", when="2025-03-12"), date(2025, 3, 13))
    assert same_event(a, b) and same_event(b, a)


def test_different_content_same_dyad_is_not_one_event():
    a = report(event("e1", SEIZE_A, "seized", when="2025-03-11"))
    b = report(event("e2", DRILL, "held live-fire drills", doc="d2", plover="MOBILIZE", when="2025-03-11"))
    c = report(event("e3", DRILL, "held live-fire drills", doc="d2", when="2025-03-11"))
    assert not same_event(a, b)
    assert not same_event(a, c)


def test_dates_must_agree():
    seize = event("e1", SEIZE_A, "seized", when="2025-03-11")
    assert same_event(report(seize), report(event("e2", SEIZE_B, "seized", doc="d2", when="2025-03")))
    assert not same_event(report(seize), report(event("e3", SEIZE_B, "seized", doc="d2", when="2025-03-20")))
    assert not same_event(report(seize), report(event("e4", SEIZE_B, "seized", doc="d2", when="2024")))
    # an undated report is about the weeks before its publication, not last year
    undated = report(event("e5", SEIZE_B, "seized", doc="d2"))
    assert date_relation(report(seize), undated) == "undated" and same_event(report(seize), undated)
    assert not same_event(report(event("e6", SEIZE_A, "seized", when="2023-05-02")), undated)


def test_publication_fallback_dates_do_not_count_as_dates():
    a = report(event("e1", SEIZE_A, "seized", when="2025-03-14", basis="publication"))
    assert a.date is None and a.stated_date is None


def test_direction_matters_except_for_symmetric_types_between_states():
    talks_a = "Philippine and Japanese defence chiefs met in Tokyo to discuss joint maritime patrols."
    talks_b = "Japan's defence minister met his Philippine counterpart for talks on joint maritime patrols."
    a = report(event("e1", talks_a, "met", source=PHL, target=JPN, plover="CONSULT", when="2025-03-10"))
    b = report(event("e2", talks_b, "met", doc="d2", source=JPN, target=PHL, plover="CONSULT", when="2025-03-10"))
    assert same_event(a, b)
    c = report(event("e3", SEIZE_A, "seized", when="2025-03-11"))
    d = report(event("e4", SEIZE_B, "seized", doc="d2", source=VNM, target=CHN, when="2025-03-11"))
    assert not same_event(c, d)


def test_compatible_types_merge_but_unrelated_types_need_the_same_stated_date():
    a = report(event("e1", SEIZE_A, "seized", when="2025-03-11"))
    assert same_event(a, report(event("e2", SEIZE_B, "seized", doc="d2", plover="SANCTION", when="2025-03-12")))
    assert same_event(a, report(event("e3", SEIZE_B, "seized", doc="d2", plover="ASSAULT", when="2025-03-11")))
    assert not same_event(a, report(event("e4", SEIZE_B, "seized", doc="d2", plover="ASSAULT", when="2025-03-12")))
    assert not same_event(a, report(event("e5", SEIZE_B, "seized", doc="d2", plover="ASSAULT")))


def test_a_shared_trigger_word_counts_for_more():
    base = report(event("e1", SEIZE_A, "seized"))
    a = replace(base, trigger="ordered", words=frozenset({"order", "fleet", "stay", "clear", "disput", "reef", "shoal"}))
    b = replace(base, event_id="e2", doc_id="d2", trigger="gave orders",
                words=frozenset({"order", "fleet", "newspaper", "keep", "away", "talk", "went", "island"}))
    assert same_event(a, b)  # 2 shared words of 7, one of them the trigger
    assert not same_event(replace(a, trigger="told"), replace(b, trigger="gave word"))


def test_an_undated_report_matches_a_stated_date_inside_its_window_like_a_dated_one():
    base = report(event("e1", SEIZE_A, "seized"))
    words_a = frozenset({"order", "fleet", "stay", "clear", "disput", "reef", "shoal", "patrol"})
    words_b = frozenset({"order", "fleet", "newspaper", "keep", "away", "talk", "went", "island"})
    undated = replace(base, trigger="told", words=words_a)
    dated = replace(base, event_id="e2", doc_id="d2", trigger="gave word", words=words_b,
                    date="2025-03", stated_date="2025-03")
    assert same_event(undated, dated)  # 2 shared of 8: enough for the same type at a compatible date
    assert not same_event(undated, replace(dated, plover="SANCTION"))  # a related type needs more in common
    assert not same_event(undated, replace(dated, date="2024-11", stated_date="2024-11"))  # outside the window


def test_two_triggers_in_one_sentence_are_two_events():
    sentence = "The coast guard seized one trawler and detained another crew near the reef."
    a = report(event("e1", sentence, "seized"))
    b = report(event("e2", sentence, "detained"))
    assert not same_event(a, b)


def test_origin_is_the_outermost_named_source_else_the_outlet():
    chain = [Attribution("the National Intelligence Service (NIS)", "government"),
             Attribution("the South Korean newspaper Dong-A Ilbo", "outlet")]
    assert origin_of(event("e1", SEIZE_A, "seized", attribution=chain), "wire.test") == "source:dong ilbo"
    assert origin_of(event("e1", SEIZE_A, "seized", attribution=chain[:1]), "wire.test") == \
        "source:national intelligence service"
    anonymous = [Attribution("people familiar with the matter", "anonymous"), Attribution("reportedly", "anonymous")]
    assert origin_of(event("e2", SEIZE_A, "seized", attribution=anonymous), "harbor.test") == "outlet:harbor.test"
    generic = [Attribution("Reports", "outlet")]
    assert origin_of(event("e3", SEIZE_A, "seized", attribution=generic), "harbor.test") == "outlet:harbor.test"


def test_source_names_normalise_to_one_key():
    assert normalise_source("South Korea's National Intelligence Service") == \
        normalise_source("the National Intelligence Service (NIS)")
    assert normalise_source("the Fisheries Surveillance Department of Vietnam") == \
        normalise_source("Vietnam's Fisheries Surveillance Department")
    assert normalise_source("the Vietnamese state broadcaster VTV") == normalise_source("VTV")
    assert normalise_source("China's foreign ministry") == normalise_source("the Chinese Foreign Ministry")
    assert normalise_source("China's foreign ministry") != normalise_source("Japan's foreign ministry")
    assert outlet_key("https://www.harbor.test/", "d1") == "harbor.test"
    assert outlet_key(None, "d1") == "doc:d1"


def test_assertion_against_negation_is_a_contradiction():
    a = report(event("e1", SEIZE_A, "seized", when="2025-03-11"))
    b = report(event("e2", SEIZE_B, "seized", doc="d2", status="negated", when="2025-03-11"))
    [found] = find_contradictions([a, b], [])
    assert (found.kind, found.event_ids, found.against) == ("negation", ["e1"], ["e2"])


def test_conflicting_days_are_a_contradiction():
    a = report(event("e1", SEIZE_A, "seized", when="2025-03-11"))
    b = report(event("e2", SEIZE_B, "seized", doc="d2", when="2025-03-11"))
    c = report(event("e3", SEIZE_B, "seized", doc="d3", when="2025-03-12"))
    found = find_contradictions([a, b, c], [])
    assert [(x.kind, x.event_ids, x.against) for x in found] == [("date", ["e1", "e2"], ["e3"])]


def test_a_party_denying_the_claim_is_a_contradiction():
    claim = event("e1", "Hanoi accused the Chinese coast guard of ramming a fishing boat, officials said.", "ramming",
                  plover="ASSAULT", attribution=[Attribution("officials", "official")], sentence=3)
    unrelated = event("e2", "The coast guard also escorted a survey ship through the area.", "escorted",
                      plover="MOBILIZE", sentence=1)
    denial = event("e3", "Beijing's foreign ministry denied the account.", "denied", sentence=4,
                   source=Actor("Beijing's foreign ministry", "CHNGOV", "CHN", "GOV"), target=None, plover="REJECT")
    reports = with_answered_sentences([report(claim), report(unrelated), report(denial)])
    assert reports[2].denial and reports[2].answers_sentence == 3
    [found] = find_contradictions([reports[0]], [reports[2]])
    assert (found.kind, found.event_ids, found.against) == ("denial", ["e1"], ["e3"])
    assert find_contradictions([reports[1]], [reports[2]]) == []
    fishermen = Actor("Chinese fishing crews", "CHNCVL", "CHN", "CVL")
    crews = event("e4", "Chinese fishing crews denied the account.", "denied", sentence=4, source=fishermen,
                  target=None, plover="REJECT")
    not_the_state = with_answered_sentences([report(claim), report(crews)])[1]
    assert not_the_state.answers_sentence == 3
    assert find_contradictions([reports[0]], [not_the_state]) == []


ARTICLE = ("Vietnam protested on Wednesday after the Chinese coast guard seized two fishing trawlers near the "
           "Paracel Islands and detained their crews of eleven fishermen. Hanoi's foreign ministry demanded the "
           "immediate release of the sailors and the return of the boats, calling the seizure a violation of "
           "Vietnamese sovereignty. Beijing said the trawlers had been fishing illegally in Chinese waters during "
           "the annual summer moratorium and that the crews would be dealt with according to law.")
REWRITE = ("Vietnam lodged a protest on Wednesday after Chinese coast guard ships seized two fishing trawlers near "
           "the Paracel Islands and detained their crews of eleven fishermen. The foreign ministry in Hanoi demanded "
           "the immediate release of the sailors and the return of both boats, calling the seizure a violation of "
           "Vietnamese sovereignty. Beijing said the trawlers were fishing illegally in Chinese waters during the "
           "summer moratorium and the crews would be dealt with according to law.")
OTHER = ("Japan and the Philippines signed a reciprocal access agreement allowing their troops to train on each "
         "other's territory, the first such pact Tokyo has concluded in Southeast Asia, officials said in Manila.")


def test_copies_rewrites_and_other_stories():
    a = signature_of("a", ARTICLE, PUB, "wire.test", frozenset({"CHN-VNM"}))
    copy = signature_of("b", ARTICLE + "\nDistributed by Wire Test.", PUB, "ledger.test", frozenset({"CHN-VNM"}))
    rewrite = signature_of("c", REWRITE, PUB, "bulletin.test", frozenset({"CHN-VNM"}))
    other = signature_of("d", OTHER, PUB, "post.test", frozenset({"JPN-PHL"}))
    assert doc_link(a, copy).kind == "copy"
    assert doc_link(a, rewrite).kind == "near_duplicate"
    assert doc_link(a, other) is None
    assert set(lsh_buckets(a.content)) & set(lsh_buckets(rewrite.content))
    assert not set(lsh_buckets(a.content)) & set(lsh_buckets(other.content))
    assert isinstance(a.content, np.ndarray) and a.content.dtype == np.uint32


def test_a_meeting_and_the_pact_signed_at_it_are_two_events():
    talks = "Philippine and Japanese defence chiefs met in Tokyo and signed a pact on joint maritime patrols."
    met = report(event("e1", talks, "met", source=PHL, target=JPN, plover="CONSULT", when="2025-03-10"))
    signed = report(event("e2", talks, "signed", doc="d2", source=PHL, target=JPN, plover="AGREE",
                          when="2025-03-10"))
    assert not same_event(met, signed)


def test_related_documents_tell_one_event_in_other_words():
    told = "Chinese coast guard ships rammed a Vietnamese trawler near the Paracels, damaging its hull."
    retold = "Hanoi protested after Chinese crews holed a fishing craft's hull."
    a = report(event("e1", told, "rammed", when="2025-03-11"))
    b = report(event("e2", retold, "struck", doc="d2", when="2025-03-12"))
    assert not same_event(a, b) and same_event(a, b, related=True)
    family = report(event("e3", retold, "struck", doc="d2", plover="SANCTION", when="2025-03-12"))
    assert same_event(a, family, related=True)
    vague = report(event("e4", retold, "struck", doc="d2", when="2025"))
    assert not same_event(a, vague, related=True)  # a bare year says too little
    nothing_shared = report(event("e5", "Talks on fishing quotas broke down.", "broke", doc="d2", when="2025-03-11"))
    assert not same_event(a, nothing_shared, related=True)


def test_a_leader_and_the_state_are_one_party_but_a_community_is_another():
    state = Actor("Vietnam", "VNM", "VNM", None)
    leader = Actor("Vietnamese Prime Minister", "VNMGOV", "VNM", "GOV")
    community = Actor("Vietnamese fishing communities", "VNMCVL", "VNM", "CVL")
    text = "Vietnam accused China of harassing its fishermen near the Paracel Islands."
    a = report(event("e1", text, "accused", source=state, target=CHN, plover="ACCUSE", when="2025-03-11"))
    b = report(event("e2", text, "accused", doc="d2", source=leader, target=CHN, plover="ACCUSE", when="2025-03-11"))
    c = report(event("e3", text, "accused", doc="d3", source=community, target=CHN, plover="ACCUSE",
                     when="2025-03-11"))
    assert same_event(a, b) and same_event(a, b, related=True)
    assert not same_event(a, c, related=True) and not same_event(b, c, related=True)


def test_junk_sources_are_no_origins_and_one_document_is_one_origin():
    for junk in ("a former diplomat", "He", "reporters", "the statement", "the ministry",
                 "operational reasons after Prime Minister Tran's claim of Chinese involvement in the seizure"):
        chain = [Attribution(junk, "official")]
        assert origin_of(event("e1", SEIZE_A, "seized", attribution=chain), "harbor.test") == "outlet:harbor.test"
    cited = event("e2", SEIZE_A, "seized", attribution=[Attribution("Vietnam's Fisheries Directorate", "government")])
    restated = event("e3", SEIZE_B, "seized", sentence=4)
    wire_copy = event("e4", SEIZE_A, "seized", doc="d2", attribution=[Attribution("Harbor News", "outlet")])
    other = event("e5", SEIZE_B, "seized", doc="d3")
    origins = {"e2": origin_of(cited, "harbor.test"), "e3": origin_of(restated, "harbor.test"),
               "e4": origin_of(wire_copy, "ledger.test"), "e5": origin_of(other, "harbor-news.test")}
    assert independent_origins([cited, restated], origins) == ["source:fisheries directorate"]
    # an outlet cited by another outlet is that outlet's own report: one origin
    assert len(independent_origins([wire_copy, other], origins)) == 1
    assert len(independent_origins([cited, restated, wire_copy], origins)) == 2
