"""Reports of one event across outlets: what joins them and what keeps two events of one dyad apart.

An announcement against the act it announces, an undated report that is news of the other's day, a
rejection and a condemnation of the same accusations, and an undated report that could join two clusters
whose days differ (it joins the surer one)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from dyadwatch.records import Actor, Event, Evidence
from dyadwatch.stories.clustering import (CLUSTER_NODE, GuardedUnion, candidate_links, link_strength,
                                          link_strongest_first)
from dyadwatch.stories.matching import (announcement_and_act, answers_accusation, news_of_the_day, report_of,
                                        same_event)

NOR = Actor("Oslo", "NORGOV", "NOR", "GOV")
SWE = Actor("Stockholm", "SWEGOV", "SWE", "GOV")
NOR_NAVY = Actor("the Norwegian navy", "NORMIL", "NOR", "MIL")


def event(eid: str, evidence: str, trigger: str, *, doc: str = "d1", source: Actor = NOR, target: Actor = SWE,
          plover: str = "MOBILIZE", when: str | None = None) -> Event:
    return Event(eid, doc, 0, source, target, "150", plover, -7.0, 4, "asserted", when,
                 "relative" if when else "publication", Evidence(evidence, 0, len(evidence)), [], trigger=trigger)


def report(ev: Event, published: date):
    return report_of(ev, published)


def test_the_day_drills_are_announced_and_the_day_they_start_are_two_events():
    announced = report(event("e1", "Oslo unveiled plans to hold naval drills in the strait near Swedish waters.",
                             "hold drills", when="2025-05-05"), date(2025, 5, 5))
    held = report(event("e2", "Norwegian warships began naval drills in the strait near Swedish waters.",
                        "began drills", doc="d2", when="2025-05-07"), date(2025, 5, 7))
    assert announcement_and_act(announced, held)
    assert not same_event(announced, held) and not same_event(announced, held, related=True)
    same_day = replace(held, date="2025-05-05", stated_date="2025-05-05")
    assert not announcement_and_act(announced, same_day)  # one day: the two may be one report of it
    assert same_event(announced, same_day, related=True)
    retold = report(event("e3", "Oslo announced naval drills in the strait near Swedish waters.",
                          "announced drills", doc="d3", when="2025-05-06"), date(2025, 5, 6))
    assert not announcement_and_act(announced, retold)  # two announcements: days apart is a date question


def test_an_undated_report_of_a_related_document_is_news_of_the_day_it_was_published():
    dated = report(event("e1", "The Norwegian navy shelled a Swedish radar post on the island on Tuesday.",
                         "shelled", source=NOR_NAVY, plover="ASSAULT", when="2025-06-10"), date(2025, 6, 10))
    undated = report(event("e2", "Stockholm played down the shelling, saying it would not respond.",
                           "shelling", doc="d2", source=NOR_NAVY, plover="ASSAULT"), date(2025, 6, 11))
    assert news_of_the_day(dated, undated) and news_of_the_day(undated, dated)
    assert same_event(dated, undated, related=True)
    assert not same_event(dated, undated)  # unrelated documents: one word is not enough
    other_verb = replace(undated, trigger="downplayed")
    assert not same_event(dated, other_verb, related=True)  # no day in common: the verb must agree
    before = replace(undated, published=date(2025, 6, 9))
    assert not news_of_the_day(dated, before)  # published before the day it would report


def test_statements_need_the_undated_report_published_on_the_day_material_acts_the_same_days():
    when, later = "2025-06-10", date(2025, 6, 15)
    dated = report(event("e1", "The Norwegian navy shelled a Swedish radar post on the island.", "shelled",
                         source=NOR_NAVY, plover="ASSAULT", when=when), date(2025, 6, 14))
    undated = report(event("e2", "Stockholm played down the shelling of its radar post.", "shelling", doc="d2",
                           source=NOR_NAVY, plover="ASSAULT"), later)
    assert news_of_the_day(dated, undated)  # the two documents came out a day apart: the same news
    accused = report(event("e3", "Oslo accused Stockholm of spying on its fleet.", "accused", plover="ACCUSE",
                           when=when), date(2025, 6, 14))
    accuses = report(event("e4", "Oslo again accused Stockholm of lying about the fleet.", "accused", doc="d2",
                           plover="ACCUSE"), later)
    assert not news_of_the_day(accused, accuses)  # accusations come many a week: five days say too little
    assert news_of_the_day(accused, replace(accuses, published=date(2025, 6, 11)))


def test_rejecting_and_condemning_the_same_accusations_is_one_answer():
    rejected = report(event("e1", "Oslo rejected the allegations of spying as baseless.", "rejected",
                            plover="REJECT", when="2025-07-02"), date(2025, 7, 2))
    slammed = report(event("e2", "Norway's ministry slammed the accusations of espionage on Wednesday.", "slammed",
                           doc="d2", plover="ACCUSE", when="2025-07-02"), date(2025, 7, 2))
    assert answers_accusation(rejected, slammed)
    assert same_event(rejected, slammed, related=True)
    condemned = report(event("e3", "Norway's ministry condemned the arrest of its fishermen on Wednesday.",
                             "condemned", doc="d2", plover="ACCUSE", when="2025-07-02"), date(2025, 7, 2))
    assert not answers_accusation(rejected, condemned)  # a condemnation of something else
    assert not same_event(rejected, condemned, related=True)


def test_an_undated_report_joins_the_cluster_of_its_own_days_not_an_older_one():
    older = report(event("e1", "The Norwegian navy shelled a Swedish radar post on the island.", "shelled",
                         doc="d1", source=NOR_NAVY, plover="ASSAULT", when="2025-06-03"), date(2025, 6, 3))
    newer = report(event("e2", "The Norwegian navy shelled a Swedish radar mast on the coast.", "shelled",
                         doc="d2", source=NOR_NAVY, plover="ASSAULT", when="2025-06-10"), date(2025, 6, 10))
    undated = report(event("e3", "Stockholm played down the shelling of the radar, calling the damage slight.",
                           "shelling", doc="d3", source=NOR_NAVY, plover="ASSAULT"), date(2025, 6, 11))
    assert same_event(undated, older) and same_event(undated, newer, related=True)
    assert link_strength(undated, newer) > link_strength(undated, older)
    groups = GuardedUnion()
    groups.add(undated.event_id, [undated])
    groups.add(CLUSTER_NODE + "old", [older])
    groups.add(CLUSTER_NODE + "new", [newer])
    links = candidate_links([undated], [(older, "old"), (newer, "new")], {"d2"})
    assert len(links) == 2
    link_strongest_first(groups, links)  # the older cluster's link comes first in the list, and loses
    assert groups.find("e3") == groups.find(CLUSTER_NODE + "new") != groups.find(CLUSTER_NODE + "old")


def test_an_undated_report_does_not_bridge_two_dated_clusters_that_did_not_link_on_their_own():
    monday = report(event("e1", "The Norwegian navy shelled a Swedish radar post on the island.", "shelled",
                          doc="d1", source=NOR_NAVY, plover="ASSAULT", when="2025-06-09"), date(2025, 6, 9))
    tuesday = report(event("e2", "Norwegian gunboats fired on a Swedish supply depot across the bay.", "fired",
                           doc="d2", source=NOR_NAVY, plover="ASSAULT", when="2025-06-10"), date(2025, 6, 10))
    vague = report(event("e3", "The shelling of the radar post and the fire on the depot drew no answer.",
                         "shelling", doc="d3", source=NOR_NAVY, plover="ASSAULT"), date(2025, 7, 1))
    assert not same_event(monday, tuesday)
    groups = GuardedUnion()
    for r in (monday, tuesday, vague):
        groups.add(r.event_id, [r])
    assert groups.link("e3", "e1", undated=True)  # an undated report may join one dated group
    assert not groups.link("e3", "e2", undated=True)  # but not carry it into another
    assert groups.link("e3", "e2")  # a dated link between the two would
