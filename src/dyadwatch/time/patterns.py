"""The regular expressions that find temporal expressions in English news text (compiled once).

Every pattern names the expression itself as group `core`; words around it that only vouch for
it ("in 2016", "Kim's 2018 visit") stay outside the core. Month and weekday names must be
capitalised, so the modal "may" and the verb "march" never match.
"""
from __future__ import annotations

import re

MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH = rf"(?P<month>{_FULL}|(?:{_ABBR})\.?)(?![a-z])"
MONTH_FULL = rf"(?P<month>{_FULL})(?![a-z])"
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z])"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d|[:.,]\d|\s*%|\s*percent)"
_DAY_TAIL = r"(?:\s*(?:-|–|and|to)\s*\d{1,2}(?:st|nd|rd|th)?(?!\d))?"
# A year 1800-2099; never part of a longer number, a decade ("1950s") or an amount ("$2000").
YEAR = r"(?<![\d$£€.,])(?P<year>(?:1[89]|20)\d\d)(?!\d|s\b|,\d)"
# A second year or a two-digit end after a dash: "2016-2017", "2016-17", "2018 and 2019".
_YEAR_TAIL = r"(?:\s*[-–—/]\s*\d\d(?!\d)|\s*(?:[-–—/]|to|and|or)\s*(?:1[89]|20)\d\d(?!\d))?"
_NUMBER = r"(?P<num>(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d{1,2})"
_PART_OF_DAY = r"day|night|evening|morning|afternoon"

# Words that vouch for a bare year or month being a date.
_YEAR_CONTEXT = (
    r"(?:(?<![\w'’])(?i:in|since|after|from|during|through|throughout|of|early|mid|late|between|around|"
    r"circa|year|fiscal|the|a|an|its|his|her|their|our)\s+|(?i:mid)-|['’]s\s+)"
)
_MONTH_CONTEXT = (
    r"(?:(?<![\w'’])(?i:in|since|from|during|through|throughout|after|of|early|mid|late|around|between)\s+"
    r"(?:(?i:early|mid|late)\s+)?|(?i:mid)-)"
)

ISO_DATE = re.compile(r"(?<![\d-])(?P<core>(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2}))(?![\d-])")
MONTH_DAY = re.compile(rf"(?P<core>{MONTH}\s+{DAY}{_DAY_TAIL}(?:,?\s+{YEAR})?)")
DAY_MONTH = re.compile(
    rf"(?<![\d.,])(?P<core>(?:(?i:the)\s+)?{DAY}{_DAY_TAIL}\s+(?:(?i:of)\s+)?{MONTH}(?:,?\s+{YEAR})?)"
)
MONTH_YEAR = re.compile(rf"(?P<core>{MONTH}\s+(?:(?i:of)\s+)?{YEAR}{_YEAR_TAIL})")
MODIFIED_MONTH = re.compile(rf"(?<![\w])(?P<core>(?P<mod>(?i:last|this|next|past|coming))\s+{MONTH_FULL})")
MONTH_IN_CONTEXT = re.compile(rf"(?:{_MONTH_CONTEXT}(?P<core>{MONTH_FULL})|(?P<core2>{_FULL})(?=['’]s\b))")
MONTH_ALONE = re.compile(rf"(?P<core>{MONTH_FULL})")
YEAR_IN_CONTEXT = re.compile(rf"{_YEAR_CONTEXT}(?P<core>{YEAR}{_YEAR_TAIL})")
YEAR_ALONE = re.compile(rf"(?P<core>{YEAR}{_YEAR_TAIL})")
MODIFIED_WEEKDAY = re.compile(rf"(?P<core>(?:(?P<mod>(?i:last|this|next|coming|past))\s+)?{WEEKDAY})")
PERIOD = re.compile(
    r"(?<![\w])(?P<core>(?:(?i:earlier|later|early|late)\s+(?:(?i:in)\s+)?)?"
    r"(?P<mod>(?i:last|this|next|coming|current))\s+(?P<unit>(?i:week|month|year)))(?![a-z])"
)
DAY_WORD = re.compile(
    r"(?<![\w])(?P<core>(?P<word>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|"
    r"last\s+night|this\s+(?:morning|afternoon|evening))))(?![\w-])"
)
AGO = re.compile(
    rf"(?<![\w])(?P<core>(?:{_NUMBER}|(?P<few>(?i:a\s+few|several|few)))\s+"
    r"(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago))(?![a-z])"
)
WRITING_TIME = re.compile(
    r"(?<![\w])(?P<core>(?i:at\s+the\s+time\s+of\s+(?:writing|publication)|as\s+of\s+this\s+writing))"
)
ANAPHOR = re.compile(
    r"(?<![\w])(?P<core>(?i:(?:at|by|around)\s+(?:that|the)\s+(?:time|point)(?!\s+of\b)"
    r"|(?:since|by|until|till|back|even|just)\s+then"
    r"|(?:(?:earlier|later)\s+)?(?:that(?:\s+(?:very|same))?|the\s+(?:very\s+)?same)\s+"
    rf"(?P<gran>{_PART_OF_DAY}|week|month|year)))"
    r"(?![\w-])"
)
BARE_THEN = re.compile(r"(?<![\w-])(?P<core>(?i:then))(?![\w-])")
OFFSET = re.compile(
    rf"(?<![\w])(?P<core>{_NUMBER}\s+(?P<unit>(?i:day|week|month|year))s?\s+"
    r"(?P<dir>(?i:later|earlier|afterwards?)))(?![a-z])"
)
VAGUE_OFFSET = re.compile(
    r"(?<![\w])(?P<core>(?P<unit>(?i:day|week|month))s\s+(?P<dir>(?i:later|earlier|afterwards?)))(?![a-z])"
)
NEIGHBOUR_PERIOD = re.compile(
    r"(?<![\w])(?P<core>(?i:the)\s+(?P<dir>(?i:following|next|previous|preceding))\s+"
    rf"(?P<unit>(?i:{_PART_OF_DAY}|week|month|year)))(?![a-z])"
)
DAY_BEFORE_AFTER = re.compile(
    r"(?<![\w])(?P<core>(?i:the)\s+(?P<unit>(?i:day|week|month|year))\s+(?P<dir>(?i:before|after)))(?=\s*[,.;:)]|\s*$)"
)

# The *_AFTER patterns are matched at the end of an expression (pattern.match(text, end)); those ending
# in "$" are searched in the few characters before its start (see expressions.ends_before), never in
# all the text before it, which for every expression of a long sentence cost the square of its length.
# Prepositions after which a date is a bound, not the time of the event: "before May 27".
BOUND_BEFORE = re.compile(r"(?i:\b(?:before|until|till|by|prior\s+to|ahead\s+of|as\s+of|up\s+to)\s*)$")
# Capitalised neighbours that make a weekday part of a name: "Bloody Sunday", "Sunday Times".
NAME_BEFORE_WEEKDAY = re.compile(r"(?:Bloody|Good|Black|Holy|Easter|Palm|Ash|Super|Cyber|Maundy)\s+$")
NAME_AFTER_WEEKDAY = re.compile(
    r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Observer|Mail|Star|Tribune|Independent|Sport|Club|School)\b"
)
# Count nouns that show a four-digit number after a determiner is an amount: "the 2000 troops".
COUNT_NOUN_AFTER = re.compile(
    r"\s+(?:people|persons|troops|soldiers|workers|residents|civilians|refugees|migrants|members|cases|deaths|"
    r"dollars|tons|tonnes|units|pages|km|kilometers|kilometres|miles|meters|metres|yuan|won|euros|rubles)\b",
    re.I,
)
DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|a|an|its|his|her|their|our)\s+)$|['’]s\s+$")
IF_BEFORE = re.compile(r"(?i:\bif\b)")
TITLE_BEFORE = re.compile(r"[A-Z][\w.]*\s+$")  # "USA Today" is a title
IN_BEFORE = re.compile(r"(?i:\bin\s+)$")
DURATION_BEFORE = re.compile(r"(?i:\b(?:in|within|over|for|during|throughout)\s+)$")
FUTURE_MARKER = re.compile(
    r"(?i:\b(?:will|shall|is\s+set\s+to|are\s+set\s+to|is\s+due\s+to|are\s+due\s+to|scheduled|slated|"
    r"plans?\s+to|planned|upcoming|is\s+expected\s+to|are\s+expected\s+to)\b|['’]ll\b)"
)
CLAUSE_BREAK = re.compile(r"[;:,.!?\"“”]|\b(?:that|said|says)\b", re.I)
DIGIT = re.compile(r"\d")
DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?!\d)")
ANY_MONTH = re.compile(rf"{MONTH}")

# What each pattern cannot match without (a month or weekday name, a digit, "ago"): a text without it
# skips the pattern, since a search for the name costs far less than one for the whole pattern.
MONTH_NAME = re.compile(rf"{_FULL}|{_ABBR}")
WEEKDAY_NAME = re.compile(r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
AGO_WORD = re.compile(r"(?i:ago)")
REQUIRED = {
    ISO_DATE: DIGIT, YEAR_IN_CONTEXT: DIGIT, YEAR_ALONE: DIGIT,
    MONTH_DAY: MONTH_NAME, DAY_MONTH: MONTH_NAME, MONTH_YEAR: MONTH_NAME, MODIFIED_MONTH: MONTH_NAME,
    MONTH_IN_CONTEXT: MONTH_NAME, MONTH_ALONE: MONTH_NAME,
    MODIFIED_WEEKDAY: WEEKDAY_NAME, AGO: AGO_WORD,
}
