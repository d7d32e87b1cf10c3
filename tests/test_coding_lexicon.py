"""The event lexicon: curated entries, conditions, specificity and the PETRARCH-derived fallback."""
from dyadwatch.coding.lexicon import NOT_AN_EVENT, Lexicon, LexEntry, TriggerContext, default_lexicon
from dyadwatch.coding.ontology import lookup


def test_every_curated_code_is_in_the_codebook_and_has_a_plover_type():
    lex = default_lexicon()
    for entries in lex._by_key.values():
        for entry in entries:
            if entry.curated and entry.cameo != NOT_AN_EVENT:
                assert lookup(entry.cameo).plover is not None, entry


def test_most_specific_entry_wins():
    lex = default_lexicon()
    assert lex.best("V", "impose", TriggerContext(obj={"sanction"})).cameo == "163"
    assert lex.best("V", "impose", TriggerContext(obj={"curfew"})).cameo == "1723"
    assert lex.best("V", "refuse", TriggerContext(xcomp={"meet"})).cameo == "125"
    assert lex.best("V", "refuse", TriggerContext()).cameo == "120"


def test_conditions_must_hold():
    lex = default_lexicon()
    assert lex.best("V", "impose", TriggerContext(obj={"tax"})) is None or not lex.best(
        "V", "impose", TriggerContext(obj={"tax"})).curated


def test_curated_beats_derived_entries():
    derived = LexEntry("V", "meet", (), "190", curated=False)
    curated = LexEntry("V", "meet", (), "040")
    lex = Lexicon([derived, curated])
    assert lex.best("V", "meet", TriggerContext()).cameo == "040"


def test_derived_verbs_extend_coverage():
    lex = default_lexicon()
    entry = lex.best("V", "besiege", TriggerContext())
    assert entry is not None and entry.cameo.startswith("19")


def test_adverb_and_phrase_conditions_and_flags_are_read_from_the_table():
    lex = default_lexicon()
    lowered = lex.best("V", "send", TriggerContext(adv={"only"}, phrase=lambda: {"junior", "official", "attend"}))
    assert lowered is not None and lowered.cameo == "161" and lowered.counterpart
    plain = lex.best("V", "send", TriggerContext(phrase=lambda: {"junior", "official"}))
    assert plain is None or plain.cameo != "161"
    passive = lex.best("V", "downgrade", TriggerContext(obj={"delegation"}))
    assert passive.own and passive.counterpart
