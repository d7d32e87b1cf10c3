"""End-to-end event coding on sentences written for these tests (full model and every component)."""
from __future__ import annotations

import pytest

from dyadwatch import code_text

pytestmark = pytest.mark.model

PUBLISHED = "2024-07-31"


def primary(actor):
    return (actor.country or (actor.code or "")[:3] or None) if actor else None


def coded(text: str, published: str = PUBLISHED):
    return [(primary(e.source), primary(e.target), e.plover, e.status) for e in code_text(text, published=published)]


def events_of(text: str, published: str = PUBLISHED):
    return code_text(text, published=published)


@pytest.mark.parametrize("text,expected", [
    ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday.",
     ("RUS", "CHN", "CONSULT")),
    ("Japan imposed new sanctions on Iran over its drone exports.", ("JPN", "IRN", "SANCTION")),
    ("The Philippines accused China of harassing its fishing boats near the shoal.", ("PHL", "CHN", "ACCUSE")),
    ("Ukraine released twenty Russian prisoners of war in an exchange.", ("UKR", "RUS", "RETREAT")),
    ("Germany sent humanitarian aid to Ukraine last week.", ("DEU", "UKR", "AID")),
    ("South Korea and Japan signed a military intelligence agreement.", ("KOR", "JPN", "SUPPORT")),
    ("Iran launched dozens of drones at Israel on Saturday night.", ("IRN", "ISR", "ASSAULT")),
    ("France condemned the missile test by North Korea.", ("FRA", "PRK", "ACCUSE")),
    ("Hungary's foreign minister rejected the proposal from the European Commission.", ("HUN", "IGO", "REJECT")),
    ("The United States urged China to release the detained journalists.", ("USA", "CHN", "REQUEST")),
    ("Moscow threatened to cut gas supplies to Moldova.", ("RUS", "MDA", "THREATEN")),
    ("Vietnam expelled two Chinese diplomats on Monday.", ("VNM", "CHN", "SANCTION")),
    ("Chinese Foreign Ministry spokesperson Mao Ning praised Pakistan's support.", ("CHN", "PAK", "SUPPORT")),
])
def test_asserted_events_by_type(text, expected):
    got = coded(text)
    assert any((s, t, p) == expected and status == "asserted" for s, t, p, status in got), got


def test_negated_attendance_is_not_asserted():
    got = coded("The Chinese ambassador did not attend the parade in Pyongyang on Saturday.")
    assert got and all(status == "negated" for *_, status in got), got


@pytest.mark.parametrize("text", [
    "Beijing could impose tariffs on Australian wine next year.",
    "Analysts expect Russia to attack Ukraine's power grid again this winter.",
    "Moscow could retaliate against the Estonian embassy.",
    "India is expected to sign a defence pact with France.",
    "Serbia is weighing sanctions against Kosovo.",
    "Kenya prepared an invasion of Somalia last year.",
])
def test_modal_and_expected_events_are_hypothetical(text):
    got = coded(text)
    assert got, "some event should be coded"
    assert all(status == "hypothetical" for *_, status in got), got


@pytest.mark.parametrize("text,expected", [
    ("Russia said it will retaliate against Finland if the border stays closed.", ("RUS", "FIN", "THREATEN")),
    ("Japan will send emergency food aid to Nepal, the foreign ministry said.", ("JPN", "NPL", "AGREE")),
    ("Hanoi said it would not accept China's survey ship in its waters.", ("VNM", "CHN", "REJECT")),
    ("The British foreign secretary said Iran must release the tanker.", ("GBR", "IRN", "REQUEST")),
])
def test_statements_of_intent_are_coded_as_speech_acts(text, expected):
    got = coded(text)
    assert (*expected, "asserted") in got, got


def test_a_sanction_announced_without_condition_is_imposed_even_in_a_second_conjunct():
    got = coded("Ghana will close its border crossings and recall its ambassador from Togo, President Mahama said.")
    assert ("GHA", "TGO", "SANCTION", "asserted") in got, got
    conditional = coded("Ghana will recall its ambassador from Togo unless the raids stop, President Mahama said.")
    assert ("GHA", "TGO", "SANCTION", "asserted") not in conditional, conditional


def test_background_year_dates_the_event_not_the_report():
    ev = [e for e in events_of("Beijing backed United Nations sanctions against North Korea in 2017.")
          if e.target and e.target.country == "PRK"]
    assert ev and ev[0].date == "2017" and ev[0].date_basis == "explicit"


def test_relative_month_resolves_against_publication():
    ev = events_of("Kim Jong-un travelled to Russia last September to meet Vladimir Putin.")
    consult = [e for e in ev if e.plover == "CONSULT"]
    assert consult and consult[0].date == "2023-09"


def test_attribution_chain_names_the_reporting_sources():
    ev = events_of("According to a report by the Seoul daily Dong-a Ilbo, North Korea halted trade with China, "
                   "two officials said.")
    assert ev
    kinds = {a.kind for a in ev[0].attribution}
    texts = " ".join(a.text for a in ev[0].attribution)
    assert "Dong-a Ilbo" in texts and {"official", "outlet"} <= kinds | {"anonymous"} and len(ev[0].attribution) >= 2


def test_evidence_offsets_point_into_the_text():
    text = ("Trade talks resumed this week.\n\nCanada expelled a Russian diplomat on Tuesday, "
            "the foreign ministry said.")
    for ev in events_of(text):
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        assert ev.sentence_index == 1


def test_nominal_visit_with_possessive_source():
    got = coded("Putin's visit to Pyongyang in June alarmed Seoul.")
    assert ("RUS", "PRK", "CONSULT", "asserted") in got


def test_short_name_refers_back_to_the_full_name():
    text = ("Japanese Prime Minister Fumio Kishida arrived in Canberra on Monday. "
            "Later that day Kishida signed a defence agreement with Australia.")
    got = coded(text)
    assert ("JPN", "AUS", "SUPPORT", "asserted") in got, got


def test_a_different_person_with_the_same_family_name_is_not_merged():
    text = ("North Korean leader Kim Jong-un toured a factory. "
            "Kim Yo-jong criticized South Korea on Friday.")
    events = events_of(text)
    assert not any(e.source and e.source.name == "Kim Jong-un" and e.plover == "ACCUSE" for e in events)


def test_country_of_the_things_acted_on_is_the_target():
    got = coded("Vietnamese authorities seized a Chinese fishing boat near the islands.")
    assert ("VNM", "CHN", "COERCE", "asserted") in got, got


def test_relative_clause_subject_is_its_antecedent():
    got = coded("The most senior visitor was Xi Jinping, who travelled to Pyongyang in June 2019.")
    assert ("CHN", "PRK", "CONSULT", "asserted") in got, got


def test_group_reference_stands_for_both_parties():
    text = ("Philippine President Ferdinand Marcos Jr. met Japanese Prime Minister Fumio Kishida in Manila. "
            "The two leaders agreed to expand defence cooperation.")
    got = coded(text)
    assert any(s in {"PHL", "JPN"} and t in {"PHL", "JPN"} and p == "AGREE" for s, t, p, _ in got), got


@pytest.mark.parametrize("text,expected", [
    ("The Turkish army lifted its blockade of the Syrian border town, officials told reporters.",
     ("TUR", "SYR", "RETREAT", "asserted")),
    ("Seoul told Tokyo to withdraw the survey ship.", ("KOR", "JPN", "REQUEST", "asserted")),
])
def test_telling_that_reports_but_telling_to_orders(text, expected):
    got = coded(text)
    assert expected in got, got


def test_what_a_ban_prevents_does_not_happen():
    got = coded("Beijing has barred Taiwanese officials from visiting the mainland.")
    assert not any(p == "CONSULT" and status == "asserted" for *_, p, status in got), got


def test_an_actor_acting_on_itself_is_not_a_dyad():
    got = coded("The Kremlin instructed its diplomats to avoid the ceremony.")
    assert not any(s == t for s, t, *_ in got), got


def test_the_accused_did_the_act_by_the_accusers_account():
    events = events_of("The Philippine coast guard accused China of firing water cannon at a supply boat.")
    fired = [e for e in events if e.plover in {"COERCE", "ASSAULT"}]
    assert fired and fired[0].source.country == "CHN"
    assert any("coast guard" in a.text for a in fired[0].attribution)


def test_willingness_is_an_intent_and_the_place_left_is_the_other_party():
    got = coded("Armenia says it is willing to withdraw its troops from the border with Azerbaijan.")
    assert any(s == "ARM" and p == "AGREE" and status == "asserted" for s, t, p, status in got), got
    assert not any(s == "ARM" and t == "ARM" for s, t, *_ in got), got


def test_paying_no_attention_is_disregarding():
    got = coded('The Chinese foreign ministry told its envoys: "Do not pay attention to what Washington says."')
    assert any(t == "USA" and p == "REJECT" and status == "asserted" for s, t, p, status in got), got
    attentive = coded("Chinese envoys paid close attention to the talks with Japan.")
    assert all(p != "REJECT" for _, _, p, _ in attentive), attentive


LOWERED_REPRESENTATION = [
    ("Relations between Laos and Vietnam have cooled this spring.\n"
     "The Vietnamese ambassador skipped a Laotian festival in Vientiane on Sunday. Likewise, at a reception "
     "marking the 70th anniversary of diplomatic ties in Hanoi on May 3, the Laotian delegation was "
     "downgraded from the previous year's.", ("LAO", "VNM", "SANCTION"), "2024-05-03"),
    ("The Thai ambassador hosted a banquet on March 2 in Vientiane to mark the treaty, but Laos only sent "
     "a deputy minister and junior officials to attend, with no senior leaders present.",
     ("LAO", "THA", "SANCTION"), "2024-03-02"),
]


@pytest.mark.parametrize("text,expected,when", LOWERED_REPRESENTATION)
def test_lowered_representation_is_a_downgrade_towards_the_host(text, expected, when):
    found = [e for e in events_of(text) if (primary(e.source), primary(e.target), e.plover) == expected]
    assert found and found[0].status == "asserted" and found[0].date == when, coded(text)


def test_sending_an_official_without_a_sign_of_lower_rank_is_no_downgrade():
    got = coded("Laos sent a deputy minister to the talks in Bangkok on Friday.")
    assert not any(p == "SANCTION" for *_, p, _ in got), got


def test_a_counterpart_is_not_taken_from_another_paragraph():
    text = ("The Vietnamese ambassador skipped a Laotian festival in Vientiane on Sunday.\n"
            "At a reception on May 3, the Laotian delegation was downgraded.")
    got = coded(text)
    assert not any(t == "VNM" and p == "SANCTION" for s, t, p, _ in got), got


def test_leaders_of_two_countries_are_both_parties():
    got = coded("The defence ministers of Peru and Chile met in Lima on Tuesday to discuss border patrols.")
    assert any({s, t} == {"PER", "CHL"} and p == "CONSULT" for s, t, p, _ in got), got


def test_a_meeting_with_nobody_named_is_not_counted():
    got = coded("The Peruvian defence minister held talks on Tuesday.")
    assert not any(p == "CONSULT" for *_, p, _ in got), got


def test_taking_down_a_memorial_rebukes_the_country_it_honours():
    events = events_of("Hungary removed a plaque commemorating the Austrian chancellor's 2019 visit to Budapest in May.")
    removal = [e for e in events if e.plover == "SANCTION"]
    assert removal and (primary(removal[0].source), primary(removal[0].target)) == ("HUN", "AUT")
    assert removal[0].date == "2024-05", [(e.plover, e.date) for e in events]


def test_the_thing_acted_on_does_not_lend_its_participle_the_actor():
    got = coded("Poland removed a monument honouring Soviet soldiers from a park in Warsaw.")
    assert not any(p == "SUPPORT" and s == "POL" for s, t, p, _ in got), got


def test_a_pact_signed_during_a_visit_is_between_the_visit_s_parties():
    got = coded("The move follows the Turkish president's visit to Azerbaijan, during which a defence "
                "cooperation pact was signed on June 3.")
    assert ("TUR", "AZE", "SUPPORT", "asserted") in got, got


def test_a_clause_under_before_does_not_take_the_outer_date():
    events = events_of("In 2015, the Japanese prime minister visited Seoul before meeting Chinese President Xi in Beijing.")
    dates = {(primary(e.target), e.date) for e in events if e.plover == "CONSULT"}
    assert ("KOR", "2015") in dates and ("CHN", "2015") not in dates, dates
    meeting = next(e for e in events if primary(e.target) == "CHN")
    assert meeting.date is None  # some time after 2015: not the publication day either


def test_a_people_named_by_demonyms_is_an_actor_whatever_the_tagger_says():
    got = coded("Bosnian Croats said their forces had completed their withdrawal from the town.")
    assert any(s == "BIH" and p == "RETREAT" for s, t, p, _ in got), got


def test_the_country_of_a_thing_after_a_preposition_is_the_target():
    assert ("CHN", "AUS", "SANCTION", "asserted") in coded("China imposed tariffs on Australian barley.")


def test_coercion_with_nobody_named_is_not_counted_but_an_accuser_is_the_victim():
    assert not any(p == "COERCE" for *_, p, _ in coded("The junta tightened controls last week."))
    got = coded("Hanoi accused the Chinese coast guard of ramming a fishing boat near the islands.")
    assert ("CHN", "VNM", "COERCE", "asserted") in got or ("CHN", "VNM", "ASSAULT", "asserted") in got, got


@pytest.mark.parametrize("text,expected", [
    ("Turkey is opposed to Greek exploration near the islands, the ministry said.", ("TUR", "GRC", "REJECT")),
    ("Oman's sultan, Haitham bin Tariq, launched a mediation effort between Iran and Bahrain.",
     ("OMN", "IRN", "CONSULT")),
    ("Egyptian officials ended mediation efforts between the rival factions in Libya.", ("EGY", "LBY", "SANCTION")),
    ("The Chilean interior minister resigned on Friday after protests in Santiago.", ("CHL", "CHL", "CONCEDE")),
    ("Peru's defence minister declined to resign despite pressure from Congress.", ("PER", None, "REJECT")),
])
def test_stances_appositions_compound_event_nouns_and_resignations(text, expected):
    got = coded(text)
    assert any((s, t, p) == expected and status == "asserted" for s, t, p, status in got), got


def test_ending_a_mediation_is_not_also_a_mediation():
    got = coded("Egyptian officials ended mediation efforts between the rival factions in Libya.")
    assert not any(p == "CONSULT" for *_, p, _ in got), got


@pytest.mark.parametrize("text,expected", [
    ("The OSCE said it will pull out its monitors from Georgia unless the shelling stops.", "THREATEN"),
    ("The junta declared a state of emergency in Niger on Saturday.", "COERCE"),
    ("Benin opened its borders to refugees from Togo on Tuesday.", "AID"),
    ("Dockers in Chile stopped work on Monday over a pension bill.", "PROTEST"),
    ("Jordanian helicopters evacuated the wounded from Gaza on Friday.", "AID"),
])
def test_what_the_object_says_decides_the_type(text, expected):
    got = coded(text)
    assert any(p == expected and status == "asserted" for *_, p, status in got), got


@pytest.mark.parametrize("text,expected", [
    ("Dockers in Chile went on strike on Monday over pensions.", ("CHL", "PROTEST")),
    ("Israeli troops remained on alert along the border with Lebanon.", ("ISR", "MOBILIZE")),
    ("Opposition parties in Nepal organized a general strike on Tuesday.", ("NPL", "PROTEST")),
    ("Up to 200 ethnic Hungarians demonstrated on Sunday in Slovakia.", ("SVK", "PROTEST")),
])
def test_states_after_prepositions_event_objects_and_ethnic_groups(text, expected):
    got = coded(text)
    assert any((s, p) == expected and status == "asserted" for s, t, p, status in got), got


@pytest.mark.parametrize("text,expected", [
    ("Sudanese rebels said they attempted to assassinate the prime minister of Chad.", ("SDN", "TCD", "ASSAULT")),
    ("Burmese troops have captured a rebel stronghold on the Thai border.", ("MMR", None, "ASSAULT")),
    ("Serb forces were engaged in ethnic cleansing against the Albanian population.", ("SRB", "ALB", "ASSAULT")),
])
def test_attempts_captures_and_engagements_are_the_acts(text, expected):
    got = coded(text)
    assert any((s, t, p) == expected and status == "asserted" for s, t, p, status in got), got


@pytest.mark.parametrize("text,expected", [
    ("Lithuanian officials demanded on Friday that Belarus close the border crossing.", ("LTU", "BLR", "REQUEST")),
    ("A Polish minister threatened to impose import restrictions on Ukrainian grain.", ("POL", "UKR", "THREATEN")),
])
def test_targets_inside_that_clauses_and_threatened_acts(text, expected):
    got = coded(text)
    assert any((s, t, p) == expected and status == "asserted" for s, t, p, status in got), got


@pytest.mark.parametrize("text", [
    "Asked on Monday whether Hanoi knew of the drills, the Vietnamese foreign ministry spokeswoman said it did not.",
    "The Kremlin declined to comment on the reports.",
    "Kremlin spokesman Dmitry Peskov told reporters he had nothing to add.",
])
def test_answering_questions_and_declining_comment_are_not_events(text):
    assert not any(p in {"REQUEST", "REJECT"} for *_, p, _ in coded(text)), coded(text)


def test_several_parties_condemning_something_each_condemn_it():
    got = coded("Seoul and Tokyo condemned the missile launch on Sunday.")
    assert {(s, t) for s, t, p, _ in got if p == "ACCUSE"} == {("KOR", None), ("JPN", None)}, got


def test_parties_distancing_themselves_act_on_each_other():
    got = coded("The two countries distanced themselves from each other in 2016.", published="2024-07-31") + \
        coded("Chile and Peru distanced themselves in 2016.")
    assert any({s, t} == {"CHL", "PER"} for s, t, *_ in got), got


def test_a_thing_that_would_break_a_rule_is_no_statement_of_intent():
    got = coded("Any shipment of rockets from Iran would violate the arms embargo.")
    assert not any(status == "asserted" for *_, status in got), got


def test_event_words_inside_an_organisation_name_are_not_events():
    got = coded("Leaders met on the sidelines of the Asia-Pacific Economic Cooperation summit in Lima.")
    assert not any(p == "COOPERATE" for *_, p, _ in got), got


def test_releasing_pictures_is_no_release_but_a_tanker_is():
    assert not coded("Photographs released by the state news agency showed the new drones.")
    assert ("IRN", "GBR", "RETREAT", "asserted") in coded("Iran released the British tanker on Friday.")


@pytest.mark.parametrize("text,expected", [
    ("The Kenyan teachers' union called off its strike on Thursday.", ("KEN", "CONCEDE")),
    ("The IAEA has dispatched inspectors to a uranium plant in central Iran.", ("IGO", "ACCUSE")),
    ("Brazil's supreme court opened a hearing on Tuesday into the election complaints.", ("BRA", "ACCUSE")),
])
def test_calling_off_dispatching_inspectors_and_opening_hearings(text, expected):
    got = coded(text)
    assert any((s, p) == expected and status == "asserted" for s, t, p, status in got), got


def test_a_people_protesting_is_a_demonstration_and_a_state_protesting_a_complaint():
    assert any(p == "PROTEST" for *_, p, _ in coded("Thousands of Kenyans marched in Nairobi to protest the tax bill."))
    assert any(p == "ACCUSE" for *_, p, _ in coded("Kenya protested the decision by Uganda on Monday."))


def test_weekday_with_part_of_day_and_participial_occasions_date_the_event():
    fired = events_of("Iran fired about 180 ballistic missiles at Israel on Tuesday evening.", published="2024-10-02")
    assert fired and fired[0].date == "2024-10-01", [(e.plover, e.date) for e in fired]
    warned = events_of("Speaking in Hanoi on Thursday, Putin warned South Korea against arming Ukraine.",
                       published="2024-06-21")
    by_type = {e.plover: e for e in warned}
    assert by_type["THREATEN"].date == "2024-06-20"
    assert by_type["COOPERATE"].status == "hypothetical" and by_type["COOPERATE"].source.country == "KOR"
    assert not any(e.plover == "CONSULT" for e in warned)  # speaking somewhere is not a meeting


def test_judging_a_thing_targets_whoever_did_it():
    assert ("IRN", "ISR", "ACCUSE", "asserted") in coded("Iran condemned the Israeli attack on its consulate.")
    assert ("KOR", "JPN", "SUPPORT", "asserted") in coded("Seoul welcomed Japan's decision to lift export curbs.")


def test_calling_accusations_a_smear_is_not_accusing():
    assert not any(p == "ACCUSE" and s == "PRK" for s, t, p, _ in
                   coded("Pyongyang calls the accusations a smear by hostile forces."))


def test_fleeing_or_surviving_a_war_is_not_waging_it():
    fled = coded("Thousands of civilians fleeing the war in Sudan have crossed into Chad since April.")
    assert not any(p == "ASSAULT" for _, _, p, _ in fled), fled
    survived = coded("Farmers in Kenya survived the raid by Somali gunmen on their village.")
    assert not any(p == "ASSAULT" and s == "KEN" for s, _, p, _ in survived), survived


def test_things_a_demonym_owns_name_the_party_acted_on():
    assert ("CHN", "VNM", "COERCE", "asserted") in coded(
        "Two Chinese maritime militia boats fired water cannon at a Vietnamese fishing trawler on Sunday.")
    assert ("IRN", "GBR", "COERCE", "asserted") in coded("Iranian forces seized a British-flagged tanker in the Gulf.")
    assert ("ARM", "AZE", "ASSAULT", "asserted") in coded(
        "Armenian troops opened fire with machine guns and mortars on Azerbaijani positions near the village.")


def test_coordinated_parties_meet_each_other_not_their_venue():
    met = coded("Serbian and Kosovan negotiators met at EU headquarters in Brussels on Monday.")
    assert {("SRB", "XKX"), ("XKX", "SRB")} & {(s, t) for s, t, p, _ in met if p == "CONSULT"}, met
    assert not any(t == "IGO" for _, t, p, _ in met if p == "CONSULT"), met


def test_a_prisoner_swap_is_a_release_between_the_two():
    swapped = coded("Armenia and Azerbaijan exchanged 32 prisoners of war on Thursday.")
    assert {("ARM", "AZE"), ("AZE", "ARM")} & {(s, t) for s, t, p, _ in swapped if p == "RETREAT"}, swapped


def test_violating_airspace_is_a_show_of_force_and_envoys_expelled_are_sanctions():
    assert ("RUS", "EST", "MOBILIZE", "asserted") in coded("Russian fighter jets violated Estonian airspace on Friday.")
    assert ("NIC", "CRI", "SANCTION", "asserted") in coded("Nicaragua expelled Costa Rica's consul on Tuesday.")


def test_a_government_condemning_something_is_not_aimed_at_home():
    condemned = coded("Chilean President Gabriel Boric condemned the attack and called for calm.")
    assert not any(s == "CHL" and t == "CHL" for s, t, _, _ in condemned), condemned
    jailed = coded("Ugandan authorities accused opposition activists of plotting unrest.")
    assert ("UGA", "UGA", "ACCUSE", "asserted") in jailed, jailed


def test_an_agentless_arrest_is_by_the_authorities_of_the_place():
    assert ("IRN", "FRA", "COERCE", "asserted") in coded("Two French journalists were detained in Iran on Monday.")
    assert not any(s == "IRN" for s, *_ in coded("Two French journalists met in Iran on Monday."))


def test_reiterating_that_another_must_act_is_a_demand():
    assert ("GBR", "LBY", "REQUEST", "asserted") in coded(
        "A senior British minister reiterated that Libya must hand over the suspects.")


def test_whoever_is_guilty_of_an_act_did_it():
    got = coded("Both the Philippine military and the rebels are guilty of violating the ceasefire, monitors said.")
    assert any(s == "PHL" and p == "REJECT" for s, t, p, _ in got), got


def test_who_arrives_decides_the_code_peacekeepers_are_aid_not_a_visit():
    assert ("IND", "COD", "AID", "asserted") in coded("A second batch of Indian peacekeeping troops arrived in Congo on Monday.")
    assert ("IND", "COD", "CONSULT", "asserted") in coded("The Indian foreign minister arrived in Congo on Monday.")


def test_receiving_a_team_of_inspectors_is_allowing_them_in():
    assert ("IRN", "IGO", "RETREAT", "asserted") in coded(
        "Iran received a team of inspectors from the International Atomic Energy Agency on Sunday.")


def test_a_welcome_given_to_a_visitor_is_hosting_him():
    assert ("JPN", "IND", "CONSULT", "asserted") in coded(
        "Japan's prime minister gave a warm welcome to the Indian president in Tokyo on Friday.")


@pytest.mark.parametrize("text,country", [
    ("Kenyan police arrested 40 students during the night.", "KEN"),
    ("Bolivian police prevented the march planned for Saturday.", "BOL"),
])
def test_a_states_coercion_of_unplaced_people_is_done_at_home(text, country):
    assert (country, country, "COERCE", "asserted") in coded(text)


def test_coercion_of_named_foreigners_keeps_them_as_target():
    assert ("KEN", "SOM", "COERCE", "asserted") in coded("Kenyan police arrested 40 Somali fishermen near Lamu.")


def test_a_reminder_that_somebody_must_act_is_a_demand_on_whom_it_was_issued_to():
    assert ("DEU", "POL", "REQUEST", "asserted") in coded(
        "German Chancellor Olaf Scholz issued a sharp reminder to Poland that it must respect the court's ruling.")


def test_must_on_the_copula_makes_a_readiness_a_demand():
    assert ("BRA", "ARG", "REQUEST", "asserted") in coded(
        "Brazilian President Lula said on Monday that Argentina must be ready to negotiate with the unions.")


def test_an_intent_backed_by_unless_is_a_threat():
    got = coded("Ghana announced that it will withdraw its engineers from Mali unless the junta sets an election date.")
    assert ("GHA", "MLI", "THREATEN", "asserted") in got, got


def test_an_announced_unconditional_sanction_is_the_sanction():
    got = coded("Canada announced on Friday that it would suspend all aid to Haiti's police.")
    assert ("CAN", "HTI", "SANCTION", "asserted") in got, got


def test_sworn_to_fight_is_a_threat_not_a_fight():
    got = [p for _, _, p, status in coded("The Kurdish rebels have sworn to fight until Turkey frees their leader.")
           if status == "asserted"]
    assert "THREATEN" in got and "ASSAULT" not in got, got


def test_refusing_to_respond_to_a_demand_rejects_it_but_declining_to_respond_to_questions_is_silence():
    assert ("SRB", "IGO", "REJECT", "asserted") in coded(
        "Serbian President Aleksandar Vucic refused to respond to a demand from the European Union to recognise Kosovo.")
    assert not [e for e in coded("The Serbian ministry refused to respond to questions from reporters.") if e[2] == "REJECT"]


def test_travelling_for_an_event_lends_the_travellers_to_it():
    got = coded("Thousands of Chileans were converging on Santiago for a rally against the pension reform.")
    assert ("CHL", "CHL", "PROTEST", "asserted") in got, got
    got = coded("Indian and Chinese negotiators return to Geneva next week for talks on the border.")
    assert any({s, t} == {"IND", "CHN"} and p == "CONSULT" for s, t, p, _ in got), got


def test_days_of_an_event_are_the_event():
    got = coded("Indian and French warships launched five days of naval exercises in the Arabian Sea on Monday.")
    assert any({s, t} == {"IND", "FRA"} and p == "COOPERATE" for s, t, p, _ in got), got


def test_destroyed_property_belongs_where_it_stands():
    assert ("SOM", "SOM", "COERCE", "asserted") in coded(
        "Somali militants blew up two telephone masts outside Mogadishu on Tuesday.")


def test_a_group_demobilized_with_no_agent_demobilized_itself():
    assert ("COL", None, "RETREAT", "asserted") in coded("Hundreds of Colombian guerrillas have been demobilized since June.")


def test_allowing_an_opposition_rally_is_a_concession_at_home():
    got = coded("The Kenyan interior minister allowed the opposition to hold a rally in Nairobi on Saturday.")
    assert any(s == "KEN" and p == "CONCEDE" for s, _, p, _ in got), got


def test_forcing_an_agency_out_of_the_country_is_an_expulsion():
    assert ("ETH", "IGO", "SANCTION", "asserted") in coded(
        "Ethiopia forced the UN children's agency out of the country in March.")


def test_an_attack_with_no_named_victim_hits_where_it_lands():
    assert ("ETH", "SOM", "ASSAULT", "asserted") in coded("Ethiopian jets fired rockets at targets in Mogadishu on Sunday.")


def test_the_object_of_an_event_noun_is_what_it_is_done_to():
    got = coded("The European Union tightened its blockade of Belarus on Monday.")
    assert ("IGO", "BLR", "COERCE", "asserted") in got, got


def test_a_threat_targets_whom_its_condition_is_on():
    assert ("CHN", "USA", "THREATEN", "asserted") in coded(
        "China has threatened to halt the trade talks if the United States goes ahead with new tariffs.")


def test_troops_in_a_country_make_it_the_party_but_diplomats_in_it_do_not():
    assert ("RUS", "SYR", "MOBILIZE", "asserted") in coded("Russia has strengthened its forces in Syria this month.")
    got = coded("The North Korean leader instructed his diplomats in China to ignore the rumours.")
    assert got and not [e for e in got if "CHN" in e[:2]], got


def test_a_region_is_coded_as_its_country():
    assert ("GBR", "GBR", "COERCE", "asserted") in coded(
        "The British government outlawed a paramilitary group in Northern Ireland on Monday.")


def test_a_listed_name_matches_in_its_lower_case_spelling():
    assert ("USA", "IMG", "ASSAULT", "asserted") in coded("American drones killed three al-Qaeda commanders in Yemen.")


def test_a_proposal_rejected_is_not_the_rejecters_demand_and_purpose_clauses_are_acts():
    got = coded("Russia rejected a French proposal that Ukraine must withdraw its troops.")
    assert not [e for e in got if e[0] == "RUS" and e[2] == "REQUEST"], got
    assert ("EGY", "ISR", "ACCUSE", "asserted") in coded("Egypt called an emergency meeting to condemn Israel.")
    assert ("ISR", "PSE", "ASSAULT", "asserted") in coded("Israeli troops pushed into Gaza to attack Hamas positions.")


def test_a_demonym_the_tagger_reads_as_a_proper_noun_still_names_the_target():
    assert ("IRN", "AZE", "THREATEN", "asserted") in coded(
        "Iran threatened to cut off gas to the Azerbaijani enclave of Nakhchivan over unpaid bills.")


def test_a_helper_named_with_with_is_not_the_party_acted_on():
    got = coded("The European Union tightened its blockade of Belarus with Poland's help on Monday.")
    assert ("IGO", "BLR", "COERCE", "asserted") in got and not [e for e in got if e[1] == "POL"], got


def test_coordinated_country_modifiers_of_any_kind_name_both_parties():
    got = coded("U.S. and Chinese negotiators return to Geneva next week for talks on tariffs.")
    assert any({s, t} == {"USA", "CHN"} and p == "CONSULT" for s, t, p, _ in got), got


def test_what_was_done_without_consulting_a_party_is_not_a_consultation():
    got = coded("Ethiopia signed a port deal with Somaliland without consulting Somalia.")
    assert ("ETH", "SOM", "CONSULT", "negated") in got and ("ETH", "SOM", "CONSULT", "asserted") not in got, got


def test_an_absolute_with_clause_is_a_circumstance_not_a_party():
    got = coded("Armenia and Azerbaijan agreed to a ceasefire on Sunday, with Qatari officials shuttling between the two.")
    assert any({s, t} == {"ARM", "AZE"} and p == "AGREE" for s, t, p, _ in got), got
    assert not [e for e in got if "QAT" in e[:2]], got


@pytest.mark.parametrize("text,expected", [
    ("India moved troops toward its border with Pakistan.", ("IND", "PAK", "MOBILIZE")),
    ("Azerbaijan called up reservists after the clashes with Armenia.", ("AZE", None, "MOBILIZE")),
])
def test_troop_movements_and_call_ups_are_mobilisations(text, expected):
    assert (*expected, "asserted") in coded(text)


def test_where_an_agreement_was_signed_is_not_a_party():
    got = coded("Armenia and Azerbaijan signed a transit agreement in Abu Dhabi on Friday.")
    assert any({s, t} == {"ARM", "AZE"} and p == "SUPPORT" for s, t, p, _ in got), got
    assert not [e for e in got if "ARE" in e[:2]], got


def test_holding_an_office_is_not_holding_a_person():
    assert coded("Hungary held the rotating presidency of the European Union last year.") == []


@pytest.mark.parametrize("text,expected", [
    ("Latvia ordered two Belarusian diplomats to leave the country within 48 hours.", ("LVA", "BLR", "SANCTION")),
    ("Belarus declared three Latvian diplomats persona non grata.", ("BLR", "LVA", "SANCTION")),
    ("Two Latvian diplomats were expelled on Friday, the Belarusian foreign ministry said.", ("BLR", "LVA", "SANCTION")),
    ("Georgetown lodged a formal protest with Caracas.", ("GUY", "VEN", "ACCUSE")),
    ("Canada stood firmly with Denmark in the dispute.", ("CAN", "DNK", "SUPPORT")),
    ("Russian troops started arriving in Belarus by rail.", ("RUS", "BLR", "MOBILIZE")),
    ("The World Bank released $40 million for Malawi.", ("IGO", "MWI", "AID")),
])
def test_expulsions_protests_backing_arrivals_and_releases_of_money(text, expected):
    assert (*expected, "asserted") in coded(text)


def test_an_agentless_killing_is_not_given_to_whoever_reports_it():
    got = coded("Two Afghan soldiers were killed near the border, the Pakistani army said.")
    assert not [e for e in got if e[0] == "PAK"], got


@pytest.mark.parametrize("text,expected", [
    # leaving, shelving or ending an agreement or a cooperation reduces relations
    ("Kenya has put the planned defence pact with Somalia on ice.", ("KEN", "SOM", "SANCTION")),
    ("Chad put an end to the training partnership with Hungary.", ("TCD", "HUN", "SANCTION")),
    ("Lithuania is pulling out of the convention on cluster munitions.", ("LTU", None, "SANCTION")),
    # a second conjunct's speech verb shares the first's subject; retaliation is aimed at the other party
    ("Pakistan denounced India over the shelling of its posts and said it would retaliate.", ("PAK", "IND", "THREATEN")),
    # withholding recognition is a rejection
    ("Australia does not recognise the military government in Myanmar, its foreign minister said.",
     ("AUS", "MMR", "REJECT")),
    # a deadline given to somebody to do something is an ultimatum
    ("Kenya gave the Somali envoy three days to leave Nairobi.", ("KEN", "SOM", "THREATEN")),
    # firing missiles as part of an attack is the attack
    ("Eritrea fired shells across the river in a renewed offensive against Ethiopia.", ("ERI", "ETH", "ASSAULT")),
])
def test_asserted_events_of_general_kinds(text, expected):
    got = coded(text)
    assert any((s, t, p) == expected and status == "asserted" for s, t, p, status in got), got


def test_a_stretch_of_talks_is_no_detention():
    got = coded("Chile and Peru held rounds of talks in Lima on Tuesday.")
    assert {p for *_, p, _ in got} == {"CONSULT"}, got


def test_a_vow_to_retaliate_is_a_threat_not_an_agreement():
    got = coded("Pakistan accused India of the bombing and vowed to retaliate.")
    assert ("PAK", "IND", "THREATEN", "asserted") in got and not any(p == "AGREE" for *_, p, _ in got), got


def test_an_announced_deployment_in_the_passive_is_the_speakers():
    got = coded("Extra troops have been deployed to the northern border, the Indian army said.")
    assert ("IND", None, "MOBILIZE", "asserted") in got, got


def test_a_labelling_reported_by_a_state_is_its_accusation():
    got = coded("Tokyo said the survey ship's voyage amounted to a violation of Japanese sovereignty.")
    assert any(s == "JPN" and p == "ACCUSE" and st == "asserted" for s, _, p, st in got), got


def test_an_agentless_deployment_is_by_the_deployed_forces_country():
    got = coded("Eritrean units have been deployed near the boundary with Ethiopia.")
    assert any(s == "ERI" and p == "MOBILIZE" and st == "asserted" for s, _, p, st in got), got
    reported = coded("Eritrean units have been deployed near the boundary with Ethiopia, the White House said.")
    assert not any(s == "USA" for s, *_ in reported), reported


def test_shaking_hands_is_meeting():
    got = coded("Brazilian President Lula and Chilean President Gabriel Boric shook hands at the palace in Brasilia.")
    assert any({s, t} == {"BRA", "CHL"} and p == "CONSULT" for s, t, p, _ in got), got


def test_an_announced_unconditional_withdrawal_of_forces_is_the_withdrawal():
    def retreats(text: str) -> list:
        return [(s, p) for s, _, p, status in coded(text) if p == "RETREAT" and status == "asserted"]
    assert ("TCD", "RETREAT") in retreats("Chad will pull its soldiers out of Sudan by March, the defence minister said.")
    assert not retreats("Chad will pull its soldiers out of Sudan if the fighting stops, the defence minister said.")
    # yielding that is not a stand-down of forces stays an offer
    assert not retreats("Chad will evacuate its citizens from Sudan by March, the foreign minister said.")


def test_a_clause_on_the_subject_does_not_make_drills_joint():
    got = [p for _, _, p, status in coded(
        "Laos, which borders Vietnam and claims the river islands, announced military exercises along the Mekong.")
        if status == "asserted"]
    assert "MOBILIZE" in got and "COOPERATE" not in got, got
    joint = [p for _, _, p, _ in coded("French and Egyptian warships launched war games in the Red Sea on Monday.")]
    assert "COOPERATE" in joint, joint
