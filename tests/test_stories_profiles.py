"""Stories across outlets: documents about one story share it however differently they are written;
documents about other stories, even on the same countries and days, do not."""
from __future__ import annotations

from datetime import date, timedelta

from dyadwatch.stories.documents import doc_link, story_threshold
from dyadwatch.stories.profiles import cosine, document_profile
from dyadwatch.stories.signatures import signature_of, term_buckets, term_query_buckets

DAY = date(2031, 5, 6)

# Three outlets on one (invented) story: different headlines, lengths, wording and sourcing.
WIRE = ("Moldova closes Varnek border crossing after shelling", """
Moldovan authorities closed the Varnek border crossing with Romania on Tuesday after artillery shells hit
the customs post, stranding hundreds of lorries. Moldova's interior ministry blamed Romanian units for the
shelling of the Varnek post and said the crossing would stay shut until further notice. Romania denied firing
on the crossing. Traders said queues of lorries stretched for kilometres on the road to Varnek.
""")
ANALYSIS = ("Why the Varnek shutdown matters for the region's grain trade", """
The closure of the Varnek crossing cuts the main overland route for grain leaving Moldova. Exporters warn
that lorries diverted through the mountain passes take two extra days. The crossing was closed by Moldova
after shells struck its customs post; Romania, which Moldova blames, says its units did not fire. Moldovan
grain exporters say losses already run into millions, and hauliers stranded near Varnek want compensation.
""")
FOLLOW_UP = ("Varnek crossing reopens to lorries", """
The Varnek border crossing between Moldova and Romania reopened to lorries on Friday, a week after Moldova
shut it over the shelling of its customs post. Moldovan officials said grain trucks would be cleared first.
""")
# The same two countries and days, another story; and a story elsewhere that mentions Varnek once.
OTHER_SAME_PARTIES = ("Fisheries ministers to renegotiate salmon and herring quotas", """
Fisheries ministers of Moldova and Romania will meet next month to renegotiate salmon and herring quotas in
the Lerin estuary. Fleets have complained that the quotas set in 2029 favour trawler owners over small
boats, and a joint scientific panel will report on herring stocks in the estuary before the talks. Salmon
catches in the Lerin fell by a third last season, the panel said, and trawler owners want the herring quota
raised to make up for it. Small-boat fishermen say the estuary's salmon runs need a closed season instead.
""")
BACKGROUND_MENTION = ("Tamsar elects new parliament", """
Voters in Tamsar elected a new parliament on Sunday, with the Lantern Party winning most seats in a vote
dominated by rising bread prices and the cost of housing. Turnout was 61 percent. The party's leader, Ilse
Dorn, promised subsidies for bakers and a housing plan. Observers said the vote was orderly. Regional trade
has been shaken this month, including by the closure of the Varnek crossing.
""")


def sig(doc_id: str, item: tuple[str, str], day: date = DAY, dyads: frozenset[str] = frozenset({"MDA-ROU"})):
    title, text = item
    return signature_of(doc_id, text, day, f"{doc_id}.test", dyads, title)


def test_reports_of_one_story_by_different_outlets_share_it():
    wire, analysis = sig("a", WIRE), sig("b", ANALYSIS, DAY + timedelta(days=2))
    follow_up = sig("c", FOLLOW_UP, DAY + timedelta(days=10))
    assert doc_link(wire, analysis).kind == "story"
    assert doc_link(wire, follow_up).kind == "story"


def test_other_stories_on_the_same_parties_and_passing_mentions_stay_apart():
    wire = sig("a", WIRE)
    assert doc_link(wire, sig("d", OTHER_SAME_PARTIES, DAY + timedelta(days=1))) is None
    assert doc_link(wire, sig("e", BACKGROUND_MENTION, DAY, frozenset())) is None


def test_the_same_story_months_later_is_another_story_and_later_pieces_must_be_closer():
    wire = sig("a", WIRE)
    assert doc_link(wire, sig("b", ANALYSIS, DAY + timedelta(days=120))) is None
    assert story_threshold(0) < story_threshold(30) < story_threshold(60) == story_threshold(90)


def test_names_and_repeated_rare_words_weigh_most_and_profiles_are_unit_length():
    title, text = WIRE
    profile = document_profile(text, title, frozenset({"MDA-ROU"}))
    heaviest = list(profile)[:6]
    assert "varnek" in heaviest and "lorr" in heaviest
    assert "said" not in profile and "tuesday" not in profile
    assert abs(cosine(profile, profile) - 1.0) < 1e-9


def test_blocking_finds_documents_sharing_a_heavy_term_within_the_window():
    wire, analysis = sig("a", WIRE), sig("b", ANALYSIS, DAY + timedelta(days=20))
    far = sig("c", ANALYSIS, DAY + timedelta(days=200))
    assert set(term_buckets(analysis)) & set(term_query_buckets(wire, 60))
    assert set(term_buckets(wire)) & set(term_query_buckets(analysis, 60))  # symmetric
    assert not set(term_buckets(far)) & set(term_query_buckets(wire, 60))
