"""Agent nouns placed by their clause: the country of the place where an unaffiliated group acts."""
from __future__ import annotations

import pytest

from dyadwatch import code_text

pytestmark = pytest.mark.model


def sources(text: str) -> set[str]:
    return {e.source.code for e in code_text(text, published="2024-05-01")}


@pytest.mark.parametrize("text,expected", [
    ("Hundreds of students marched through the streets in Caracas on Friday to demand new elections.", "VENEDU"),
    ("Prisoners rioted at a jail in Nairobi on Monday.", "KENCVL"),
    ("A newspaper based in Minsk has defied a ban by the information ministry.", "BLRMED"),
])
def test_a_group_takes_the_country_where_it_acts(text, expected):
    assert expected in sources(text), sources(text)


def test_a_named_person_is_not_placed_by_where_they_go():
    got = code_text("President Ramon Velasquez arrived in Caracas on Friday and met opposition leaders.",
                    published="2024-05-01")
    assert not any(e.source.name is None and e.source.country == "VEN" and "Velasquez" in e.source.text for e in got)


def test_a_group_with_its_own_country_keeps_it():
    assert "PSECVL" in sources("Palestinian youths threw stones at soldiers in Hebron on Friday.") or \
        any(code.startswith("PSE") for code in sources("Palestinian youths threw stones at soldiers in Hebron on Friday."))
