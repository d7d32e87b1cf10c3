"""Did it happen? Status mechanisms end to end, on sentences written for these tests."""
from __future__ import annotations

import pytest

from coded_pairs import coded as coded_events, primary
from dyadwatch import code_text

pytestmark = pytest.mark.model

PUBLISHED = "2025-05-14"


def coded(text: str) -> list[tuple]:
    return coded_events(text, published=PUBLISHED)


def asserted(text: str, plover: str) -> list[tuple]:
    return [e for e in coded(text) if e[2] == plover and e[3] == "asserted"]


@pytest.mark.parametrize("text,plover", [
    ("Bolivia and Paraguay reached no agreement on the river border.", "AGREE"),
    ("No accord on water rights was signed by Bolivia and Paraguay.", "SUPPORT"),
    ("Neither Bolivia nor Paraguay signed the customs treaty.", "SUPPORT"),
    ("Bolivia cancelled a trade mission to Paraguay.", "COOPERATE"),
    ("Bolivia scrapped a planned meeting with Paraguay.", "CONSULT"),
])
def test_nobody_doing_it_or_calling_it_off_negates(text, plover):
    got = coded(text)
    assert not asserted(text, plover), got


def test_a_clause_under_nobody_elsewhere_keeps_its_status():
    # the negated subject belongs to "hurt", not to the shelling
    text = "No one was hurt when Paraguayan troops shelled a Bolivian outpost on Monday."
    assert asserted(text, "ASSAULT"), coded(text)


def test_an_argument_that_is_somebody_keeps_the_act_asserted():
    text = "Bolivia and Paraguay signed a customs treaty."
    assert asserted(text, "SUPPORT"), coded(text)


@pytest.mark.parametrize("text,plover", [
    ("The African Union called for Sudan to withdraw its troops from the border.", "RETREAT"),
    ("Ecuador rejected a proposal to hold talks with Colombia.", "CONSULT"),
    ("The bloc gave Guinea's junta a month to free the president or face sanctions.", "SANCTION"),
    ("Guinea faces sanctions from the regional bloc.", "SANCTION"),
])
def test_what_is_called_for_proposed_or_faced_is_not_done(text, plover):
    assert not asserted(text, plover), coded(text)


def test_announced_plans_are_intents_and_announced_drills_a_show_of_force():
    talks = "Bolivia announced plans to hold talks with Paraguay."
    assert not asserted(talks, "CONSULT") and asserted(talks, "AGREE"), coded(talks)
    drills = "Venezuela unveiled plans to hold naval drills near Guyana."
    assert asserted(drills, "MOBILIZE"), coded(drills)


def test_another_country_saying_an_actor_would_attack_is_no_threat_by_that_actor():
    claim = "Bolivia said Paraguay would attack its border posts."
    assert not any(e[0] == "PRY" and e[2] in {"THREATEN", "ASSAULT"} and e[3] == "asserted"
                   for e in coded(claim)), coded(claim)
    own = "Paraguay's defence minister said Paraguay would attack the rebel camps in Bolivia."
    assert any(e[0] == "PRY" and e[2] == "THREATEN" and e[3] == "asserted" for e in coded(own)), coded(own)


def test_a_day_anaphor_does_not_point_back_to_a_month():
    from dyadwatch.time.timeline import Timeline, TimelineLink
    from dyadwatch.time.values import make_value

    timeline = Timeline()
    timeline.add(make_value(2022, 7, None, "explicit", "in July 2022"))
    assert timeline.resolve(TimelineLink(granularity="day"), "the same day") is None
    assert timeline.resolve(TimelineLink(granularity="year"), "that year").value == "2022"
    timeline.add(make_value(2022, 7, 14, "explicit", "on July 14, 2022"))
    assert timeline.resolve(TimelineLink(granularity="day"), "the same day").value == "2022-07-14"


@pytest.mark.parametrize("text,pair,when", [
    ("Ghana met Togo Wednesday to discuss the border.", ("GHA", "TGO"), "2025-05-14"),
    ("Norway met Sweden Wednesday to discuss fishing.", ("NOR", "SWE"), "2025-05-14"),
    ("Kenya's foreign minister met Tanzania Monday to discuss the lake.", ("KEN", "TZA"), "2025-05-12"),
])
def test_a_bare_weekday_does_not_swallow_the_object_before_it(text, pair, when):
    events = code_text(text, published=PUBLISHED)
    assert any((primary(e.source), primary(e.target)) == pair and e.plover == "CONSULT" and e.date == when
               for e in events), [(e.source, e.target, e.plover, e.date) for e in events]


def test_what_a_participle_prompted_was_done_by_the_one_prompted():
    text = "Paraguayan troops crossed into Bolivia on Sunday, prompting Bolivia to recall its ambassador."
    events = code_text(text, published=PUBLISHED)
    assert any(primary(e.source) == "BOL" and e.plover == "SANCTION" and e.status == "asserted"
               and e.date == "2025-05-11" for e in events), [(e.source, e.target, e.plover, e.date) for e in events]


def test_a_denied_gerund_is_not_done():
    text = "Paraguay denied shelling the Bolivian convoy."
    assert not asserted(text, "ASSAULT") and asserted(text, "REJECT"), coded(text)


@pytest.mark.parametrize("text", [
    "Bolivia did not comment after Paraguayan troops shelled the border town.",
    "Bolivia has not resumed talks with Paraguay since Paraguayan troops shelled its embassy.",
])
def test_a_negation_does_not_reach_into_a_finite_adverbial_clause(text):
    assert asserted(text, "ASSAULT"), coded(text)


def test_a_negation_still_reaches_a_participle_of_its_clause():
    text = "Paraguay did not attack Bolivia, sparing the border towns."
    assert not asserted(text, "ASSAULT"), coded(text)


@pytest.mark.parametrize("text,plover", [
    ("Bolivia and Paraguay hold talks next week.", "CONSULT"),
    ("Bolivia's president visits Paraguay next month.", "CONSULT"),
    ("Talks between Bolivia and Paraguay are scheduled for Friday.", "CONSULT"),
    ("Bolivia's president is to visit Paraguay.", "CONSULT"),
    ("Bolivia is set to expel Paraguay's ambassador.", "SANCTION"),
])
def test_a_timetable_is_not_an_act(text, plover):
    assert not asserted(text, plover), coded(text)


def test_an_intent_about_next_week_is_dated_the_day_it_was_said():
    events = code_text("Bolivia and Paraguay will hold talks next week, the ministry said on Monday.",
                       published=PUBLISHED)
    intents = [e for e in events if e.plover == "AGREE" and e.status == "asserted"]
    assert intents and all(e.date == "2025-05-12" for e in intents), [(e.plover, e.status, e.date) for e in events]


def test_a_day_after_the_report_by_calendar_is_ahead_but_the_next_day_of_a_story_is_not():
    from datetime import date

    from dyadwatch.coding.scheduling import lies_ahead
    from dyadwatch.time.values import make_value

    published = date(2025, 5, 14)
    assert lies_ahead(make_value(2025, 5, 20, "explicit", "May 20, 2025"), published)
    assert lies_ahead(make_value(2025, 5, None, "relative", "next week"), published)
    assert not lies_ahead(make_value(2025, 5, 9, "relative", "the next day"), published)
    assert not lies_ahead(make_value(2025, 5, 16, "relative", "Friday"), published)


@pytest.mark.parametrize("text", [
    "Bolivia's president met Paraguay's president in Asuncion, where they signed a gas agreement.",
    "Bolivia's president met Paraguay's president and signed a gas agreement.",
])
def test_what_is_signed_at_a_meeting_is_signed_by_its_parties(text):
    got = coded(text)
    assert ("BOL", "PRY", "CONSULT", "asserted") in got, got
    assert any({s, t} == {"BOL", "PRY"} and p == "SUPPORT" and st == "asserted" for s, t, p, st in got), got

