"""Cleaning costs time linear in the input: pathological words go through, and the linear rewrites of
the e-mail and separator rules find what the original backtracking patterns found."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.ingest import clean_text, prepare
from dyadwatch.ingest.boilerplate import BREADCRUMB_SEPARATORS, ends_with_email, is_byline, strip_emails
from dyadwatch.records import Article, Document, Rejection

# The patterns as they were before: correct on short lines, quadratic on long words.
OLD_EMAIL = re.compile(r"\S+@\S+\.\w+")
OLD_ENDS_WITH_EMAIL = re.compile(r"[\[(<]?\s*\S+@\S+\.\w+\s*[\])>]?$")
OLD_SEPARATORS = re.compile(r"\s+(?:>|›|»|→|\|)\s+")

SIZE = 200_000
PATHOLOGICAL = {
    "letters": "x" * SIZE,
    "at signs": "@" * SIZE,
    "dots": "." * SIZE,
    "dashes": "-" * SIZE,
    "address pieces": "a@" * (SIZE // 2),
    "dotted address pieces": "a@b." * (SIZE // 4),
    "mixed runs": ("@" * 997 + "." * 991 + "-" * 983 + "a" * 13) * (SIZE // 2984),
    "one long prompt word": "newsletter-subscribe-" * (SIZE // 21),
    "odd whitespace": "Home" + "\x1c" * SIZE + "> News",
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_line_goes_through_cleaning(name):
    text = PATHOLOGICAL[name]
    cleaned = clean_text(text + "\n\nBY JANE DOE [jane@paper.test]\n\nSeoul and Tokyo agreed to talk.")
    assert "jane@paper.test" not in cleaned  # the byline rule still works next to the long word
    assert cleaned.endswith("Seoul and Tokyo agreed to talk.")


def test_pathological_word_goes_through_validation():
    article = Article(origin="probe", id="probe", text="The ministers met. " + "a@" * (SIZE // 2))
    result = prepare(article)
    assert isinstance(result, (Document, Rejection))


LINE = st.lists(st.sampled_from(["Kim", "JI-HO", "by", "and", "a@b.c", "x@y", "@", ".", "[", "]", "(", ")", ">",
                                 "kim@paper.test", "[kim@paper.test]", "<kim@a.b>", "a@@b..c", "@.x", " ", "  ",
                                 ",", "reporter", "\x1c", "|", "›"]), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(LINE)
def test_email_rules_agree_with_the_backtracking_patterns(line):
    assert ends_with_email(line) == bool(OLD_ENDS_WITH_EMAIL.search(line))
    assert strip_emails(line) == OLD_EMAIL.sub(" ", line)


@settings(max_examples=400, deadline=None)
@given(LINE)
def test_breadcrumb_separators_split_as_before(line):
    assert BREADCRUMB_SEPARATORS.split(line) == OLD_SEPARATORS.split(line)


@pytest.mark.parametrize("line", ["BY KIM MIN-SU, PARK JI-HO [reporter@paper.test]", "Jane Doe (jane@x.com)",
                                  "Kim Min-su [ kim@x.co.kr ]"])
def test_bylines_with_addresses_are_still_found(line):
    assert is_byline(line)
