"""The same-event rule on the ways real coverage goes wrong: several agreements at one summit, topic words
shared by the sentences of one article, days apart, words outlets use for one thing, a country and the
people in it, and quitting a deal told as suspending it or withdrawing from it."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from dyadwatch.records import Actor, Event, Evidence
from dyadwatch.stories.matching import report_of, same_event
from dyadwatch.stories.text import evidence_words

PHL = Actor("Manila", "PHLGOV", "PHL", "GOV")
JPN = Actor("Tokyo", "JPNGOV", "JPN", "GOV")
NOR = Actor("Norway", "NOR", "NOR", None)
SWE = Actor("Sweden", "SWE", "SWE", None)
SWE_NAVY = Actor("the Swedish navy", "SWEMIL", "SWE", "MIL")
ISL = Actor("Iceland", "ISL", "ISL", None)
ISL_REBELS = Actor("Icelandic separatists", "ISLSEP", "ISL", "SEP")
ISL_VILLAGERS = Actor("Icelandic villagers", "ISLCVL", "ISL", "CVL")
PUB = date(2025, 3, 14)


def event(eid: str, evidence: str, trigger: str, *, doc: str = "d1", sentence: int = 0, source: Actor = PHL,
          target: Actor | None = JPN, plover: str = "AGREE", when: str | None = None) -> Event:
    return Event(eid, doc, sentence, source, target, "057", plover, 4.0, 1, "asserted", when,
                 "explicit" if when else None, Evidence(evidence, 0, len(evidence)), [], trigger=trigger)


def report(ev: Event, published: date = PUB):
    return report_of(ev, published)


def test_two_agreements_at_one_summit_need_what_was_agreed_in_common():
    patrols = report(event("e1", "At the summit the two leaders agreed on joint coast guard patrols.", "agreed"))
    visas = report(event("e2", "At the summit Manila also agreed to ease visa rules for Japanese students.", "agreed",
                         doc="d2"))
    assert not same_event(patrols, visas) and not same_event(patrols, visas, related=True)
    retold = report(event("e3", "Both governments agreed to run joint patrols with their coast guards.", "agreed",
                          doc="d3"))
    assert same_event(patrols, retold, related=True)


def test_two_sentences_of_one_article_need_more_than_its_topic_words():
    text_a = ("The coast guard chief in Manila on Tuesday urged Tokyo to halt the naval exercises near the "
              "disputed reef.")
    text_b = "Near the disputed reef, Manila also asked for talks on fishing rights and the safety of crews."
    a = report(event("e1", text_a, "urged", plover="REQUEST", when="2025-03-11"))
    b = report(event("e2", text_b, "asked", sentence=4, plover="REQUEST"))
    assert not same_event(a, b, related=True)  # one article: "disputed reef" is what all of it is about
    elsewhere = replace(b, doc_id="d2")
    assert same_event(a, elsewhere, related=True)  # two outlets: the same words say more
    repeated = report(event("e3", "Manila urged Tokyo to halt the naval exercises near the reef.", "urged",
                            sentence=7, plover="REQUEST"))
    assert same_event(a, repeated, related=True)


def test_one_word_in_common_between_related_documents_needs_close_days():
    told = "Chinese coast guard ships rammed a Vietnamese trawler near the Paracels, damaging its hull."
    retold = "Hanoi protested after Chinese crews holed a fishing craft's hull."
    a = report(event("e1", told, "rammed", plover="COERCE", when="2025-03-10"))
    assert same_event(a, report(event("e2", retold, "struck", doc="d2", plover="COERCE", when="2025-03-12")),
                      related=True)
    three_days = report(event("e3", retold, "struck", doc="d2", plover="COERCE", when="2025-03-13"))
    assert not same_event(a, three_days, related=True)  # one word, three days: another event that week
    rewritten = report(event("e4", "Chinese coast guard ships rammed a Vietnamese trawler near the Paracels.",
                             "rammed", doc="d2", plover="COERCE", when="2025-03-13"))
    assert same_event(a, rewritten, related=True)  # the same words carry reports that differ on the day


def test_words_outlets_use_for_one_thing_compare_as_one():
    killing = evidence_words("Police said the killing of the activist was planned.", "said")
    murder = evidence_words("Police said the murder of the activist was planned.", "said")
    assert killing == murder
    assert evidence_words("They signed the deal.", "signed") == evidence_words("They signed the agreement.", "signed")
    a = report(event("e1", "Oslo accused Stockholm of the murder of a dissident in Bergen last week.", "accused",
                     source=NOR, target=SWE, plover="ACCUSE"))
    b = report(event("e2", "Norway's accusation over the killing of a dissident in Bergen angered Sweden.",
                     "accusation", doc="d2", source=NOR, target=SWE, plover="ACCUSE"))
    assert same_event(a, b)


def test_what_is_done_to_a_country_is_done_to_anyone_in_it():
    text = "The Swedish navy struck rebel positions on the coast of Iceland."
    on_country = report(event("e1", text, "struck", source=SWE_NAVY, target=ISL, plover="ASSAULT",
                              when="2025-03-11"))
    on_rebels = report(event("e2", text, "struck", doc="d2", source=SWE_NAVY, target=ISL_REBELS, plover="ASSAULT",
                             when="2025-03-11"))
    on_villagers = report(event("e3", text, "struck", doc="d3", source=SWE_NAVY, target=ISL_VILLAGERS,
                                plover="ASSAULT", when="2025-03-11"))
    assert same_event(on_country, on_rebels) and same_event(on_country, on_villagers)
    assert not same_event(on_rebels, on_villagers)  # two groups in the country are two parties
    by_rebels = report(event("e4", text, "struck", doc="d4", source=ISL_REBELS, target=SWE_NAVY, plover="ASSAULT",
                             when="2025-03-11"))
    by_country = report(event("e5", text, "struck", doc="d5", source=ISL, target=SWE_NAVY, plover="ASSAULT",
                              when="2025-03-11"))
    assert not same_event(by_rebels, by_country)  # a doer keeps its role: rebels do not act for the state


def test_quitting_a_deal_told_as_suspending_it_or_withdrawing_from_it_is_one_event():
    suspended = report(event("e1", "Oslo suspended its part in the fisheries deal on Monday.", "suspended",
                             source=NOR, target=SWE, plover="SANCTION", when="2025-03-10"))
    withdrew = report(event("e2", "Norway withdrew from the year-old agreement on Monday.", "withdrew",
                            doc="d2", source=NOR, target=SWE, plover="RETREAT", when="2025-03-10"))
    assert same_event(suspended, withdrew, related=True)  # "deal" and "agreement" are one word in common
    assert not same_event(suspended, withdrew)  # unrelated documents need more in common
    assert not same_event(suspended, replace(withdrew, plover="ASSAULT"), related=True)  # not one family


def test_an_undated_mention_does_not_chain_two_differently_dated_events_into_one_cluster():
    from dyadwatch.stories.clustering import GuardedUnion, can_join

    first = report(event("e1", "Manila's jets struck the Japanese depot on March 3.", "struck", plover="ASSAULT",
                         when="2025-03-03"))
    vague = report(event("e2", "The strike on the Japanese depot drew a promise of retaliation.", "strike",
                         doc="d2", plover="ASSAULT"))
    second = report(event("e3", "Manila's jets struck the Japanese depot again on March 12.", "struck", doc="d3",
                          plover="ASSAULT", when="2025-03-12"))
    assert can_join([first], [vague]) and can_join([vague], [second]) and not can_join([first], [second])
    groups = GuardedUnion()
    for r in (first, vague, second):
        groups.add(r.event_id, [r])
    assert groups.link("e1", "e2")
    assert not groups.link("e2", "e3")  # e2's group holds e1, whose day cannot be e3's
    assert groups.find("e1") == groups.find("e2") != groups.find("e3")
    assert sorted(r.event_id for r in groups.reports[groups.find("e1")]) == ["e1", "e2"]
