"""Classifying reporting sources."""
import pytest

from dyadwatch.attribution import classify_source


@pytest.mark.parametrize("text,kind", [
    ("multiple sources", "anonymous"), ("officials familiar with the matter", "anonymous"),
    ("the Yonhap news agency", "agency"), ("KCNA", "agency"), ("analysts", "expert"),
    ("Foreign Ministry spokesperson Mao Ning", "official"), ("South Korea's National Intelligence Service", "government"),
    ("the Seoul daily Dong-a Ilbo", "outlet"), ("a passer-by", "other"),
])
def test_source_kinds(text, kind):
    assert classify_source(text) == kind


def _chains(text: str) -> dict[str, list[str]]:
    from dyadwatch import code_text
    return {e.trigger: [a.text for a in e.attribution] for e in code_text(text, published="2025-02-12")}


@pytest.mark.model
def test_the_audience_addressed_is_never_a_source():
    chains = _chains("Peru expelled two Chilean diplomats, officials told reporters. "
                     "Bolivia condemned Paraguay, he told journalists on Tuesday.")
    assert chains == {"expelled": ["officials"], "condemned": []}, chains


@pytest.mark.model
def test_an_outlet_told_is_a_source_but_its_description_is_not():
    chains = _chains("Two Lithuanian officials told LRT, the public broadcaster, that Belarus had shelled the post.")
    assert chains["shelled"] == ["Two Lithuanian officials", "LRT"], chains


@pytest.mark.model
def test_the_speaker_is_named_without_the_circumstances_of_speaking():
    chains = _chains("Ecuador attacked a Colombian patrol, Maria Lopez, a spokeswoman for the Colombian army, said. "
                     "Noboa in a televised address on Sunday accused Colombia of shelling the border post.")
    assert chains["attacked"] == ["Maria Lopez"], chains
    assert chains["shelling"][-1] == "Noboa", chains


@pytest.mark.model
def test_a_report_hung_after_the_clause_still_frames_it():
    chains = _chains("Eritrea bombed the bridge, a senior aide told the Addis Standard.")
    assert chains["bombed"][0] == "a senior aide", chains
