"""Wire datelines ("NEW DELHI, Sept 17 (Agency) - ") are not part of the story's first sentence.

A component that runs after the paragraph breaks and before the parser: the words after a dateline start
their own sentence, and Doc._.datelines records the dateline's token range so later stages neither parse
it into the sentence ("DOHA ... - Venezuela freed") nor take its place name for an actor.

The agency forms read (see DATELINES): "SEOUL, June 19 (Yonhap) --", "Seoul, June 19 (Yonhap)--",
"CITY (Reuters) -", "City, Country —", "City, Sept. 28, (dpa) –", "CITY, September 26. /TASS/.",
"19 June 2024, CITY:" and "June 19, 2024, CITY -". A place in capitals needs nothing more; a place
written like ordinary words ("Nairobi") needs a region, date or agency, or else a spaced dash that is
not the first of a parenthetical pair ("Kenya — long an ally — said").

A dateline that gives a full date (with its year) is the document's reference date when it has no
publication date: Doc._.published is set from it, so relative dates and the fallback date use it.
`dateline_publication` reads the same at ingest, so the stored document carries the date; there a
dateline without a year ("SEOUL, June 19 (Yonhap) --") takes the latest such day on or before the day the
article was received (its file's modification day), with a warning that says so.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyadwatch.nlp.sentstarts import set_sentence_starts

_CAPS = r"[A-Z][A-Z'.\-]{1,}(?: [A-Z][A-Z'.\-]+)*"               # NEW DELHI, ADDIS ABABA, KYIV
_TITLE = r"[A-Z][a-z'\-]+\.?(?: [A-Z][a-z'\-]+\.?){0,2}"          # Nairobi, Port Moresby, United Nations
_REGION = r"(?:, (?:[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*|[A-Z]{2,}(?: [A-Z]{2,})*))"  # , South Korea / , KENYA
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
_MONTH_DAY = rf"(?P<month>{_MONTH}) (?P<day>\d{{1,2}})(?:,? (?P<year>\d{{4}}))?"
_DAY_MONTH = rf"(?P<day>\d{{1,2}}) (?P<month>{_MONTH})(?:,? (?P<year>\d{{4}}))?"
_AGENCY = r"\([^()\n]{1,60}\)"
_DASH = r"(?:-{1,2}|–|—)"
# A dash after a space, or glued to the agency's parenthesis ("(Yonhap)--"); never inside a word ("Timor-Leste").
_SEP = rf"(?:(?<=\)) ?| ){_DASH} ?"

# Each form: (pattern, whether the place may be written in ordinary capitalisation).
DATELINES: tuple[re.Pattern[str], ...] = (
    # PLACE[, Region][, Month Day[, Year]][,] [(Agency)] - | -- | – | — | :
    re.compile(rf"(?P<place>{_CAPS}){_REGION}?(?:,? {_MONTH_DAY})?,?(?: (?P<agency>{_AGENCY}))?"
               rf"(?:{_SEP}|:) ?(?=\S)"),
    # Place, Region / Place, Month Day / Place (Agency): ordinary capitals need one of them, and a dash
    re.compile(rf"(?P<place>{_TITLE})(?P<region>{_REGION})?(?:,? {_MONTH_DAY})?,?(?: (?P<agency>{_AGENCY}))?"
               rf"{_SEP}(?=\S)"),
    # PLACE, September 26. /TASS/.
    re.compile(rf"(?P<place>{_CAPS}|{_TITLE}), {_MONTH_DAY}\. (?P<agency>/[A-Za-z\-]{{2,20}}/)\.? (?=\S)"),
    # 19 June 2024, PLACE:  /  June 19, 2024, PLACE -
    re.compile(rf"{_DAY_MONTH}, (?P<place>{_CAPS}|{_TITLE})(?: {_AGENCY})?(?:{_SEP}|:) ?(?=\S)"),
    re.compile(rf"{_MONTH_DAY}, (?P<place>{_CAPS}|{_TITLE})(?: {_AGENCY})?(?:{_SEP}|:) ?(?=\S)"),
)
# The story after a dateline opens like a sentence: "Kenya — long an ally — said" is no dateline.
BODY_START = re.compile(r"[A-Z0-9\"'“‘(]")
MAX_DATELINE_CHARS = 200  # a dateline is a place, a date and an agency: the match never reads further
MAX_DATELINE_PARAGRAPHS = 5  # a dateline opens the story: after a headline, a byline or two at most
MAX_DATELINE_SCAN = 5_000
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@Language.component("dyadwatch_datelines", assigns=["token.is_sent_start", "doc._.datelines", "doc._.published"])
def split_datelines(doc: Doc) -> Doc:
    """Make the words after a paragraph-opening dateline a sentence of their own."""
    ranges: list[tuple[int, int]] = []
    starts: dict[int, bool | None] = {}  # token index -> is_sent_start, written at the end in one pass
    text = doc.text  # built from the tokens at each access: read once, not once per paragraph
    found = [(token.i, match) for token in _paragraph_openers(doc)
             if (match := find_dateline(text, token.idx)) is not None]
    if _split_glued_bodies(doc, [match for _, match in found]):
        found = [(token.i, match) for token in _paragraph_openers(doc)
                 if (match := find_dateline(text, token.idx)) is not None]
    for index, match in found:
        token = doc[index]
        body = next((t for t in doc[token.i:] if t.idx >= match.end()), None)
        if body is None or body.i == token.i:
            continue
        starts.update(dict.fromkeys(range(token.i + 1, body.i), False))
        starts[body.i] = True
        _keep_together(doc, body, starts)
        ranges.append((token.i, body.i))
        if doc._.published is None:
            doc._.published = dateline_date(match)
    set_sentence_starts(doc, starts)
    doc._.datelines = ranges
    return doc


def _split_glued_bodies(doc: Doc, matches: list[re.Match[str]]) -> bool:
    """"(Yonhap)--South" is one token: cut it where the dateline ends, so the story starts a token."""
    cuts = []
    for match in matches:
        char = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if char is not None and char[0].idx < match.end():
            cuts.append((char[0], match.end() - char[0].idx))
    if not cuts:
        return False
    with doc.retokenize() as retokenizer:
        for token, at in cuts:
            retokenizer.split(token, [token.text[:at], token.text[at:]], heads=[(token, 1), (token, 1)])
    return True


def find_dateline(text: str, start: int) -> re.Match[str] | None:
    """The dateline opening `text` at `start`, or None (one line, at most MAX_DATELINE_CHARS)."""
    end = min(len(text), start + MAX_DATELINE_CHARS)
    for number, pattern in enumerate(DATELINES):
        match = pattern.match(text, start, end)
        if match is None or "\n" in match.group(0) or not BODY_START.match(text, match.end()):
            continue
        if number == 1 and not _ordinary_place_is_dateline(match, text):
            continue
        return match
    return None


def _ordinary_place_is_dateline(match: re.Match[str], text: str) -> bool:
    """"Nairobi, Kenya —", "Lima (Andes Wire) -" are datelines; a bare "Kenya — " only when the dash
    does not open an aside closed by a second dash in the same sentence ("Kenya — long an ally — said")."""
    if match.group("region") or match.group("month") or match.group("agency"):
        return True
    if not re.search(rf" {_DASH} ?$", match.group(0)):
        return False  # "Kenya-born": a bare place needs a spaced dash
    rest = text[match.end():match.end() + 300]
    sentence = re.split(r"(?<=[.!?])\s|\n", rest, maxsplit=1)[0]
    return re.search(rf"\s{_DASH}\s", sentence) is None


def dateline_date(match: re.Match[str]) -> date | None:
    """The calendar day a dateline gives, when it gives its year too."""
    groups = match.groupdict()
    if not groups.get("year") or not groups.get("month"):
        return None
    month = MONTHS.index(groups["month"][:3].lower()) + 1
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None  # "February 30, 2024": not a day, so no reference date


def dateline_publication(text: str, received: date | None) -> tuple[date | None, str | None]:
    """The publication day a dateline opening one of the first paragraphs gives, and a note when its
    year was assumed (a dateline without one, dated by the latest such day on or before `received`)."""
    for start in _paragraph_starts(text, MAX_DATELINE_PARAGRAPHS):
        match = find_dateline(text, start)
        if match is None or not match.groupdict().get("month"):
            continue
        day = dateline_date(match)
        if day is not None or match.group("year"):
            return day, None
        assumed = _latest_day_by(match, received)
        if assumed is None:
            return None, None
        return assumed, (f"dateline {match.group(0).strip()!r} gives no year: took {assumed.isoformat()}, the latest "
                         f"such day on or before {received.isoformat()} (the input's date); --published sets it")
    return None, None


def _paragraph_starts(text: str, limit: int) -> list[int]:
    """Where the first `limit` non-blank lines begin (past their indentation)."""
    return [m.end() for _, m in zip(range(limit), _LINE_START.finditer(text, 0, MAX_DATELINE_SCAN))]


_LINE_START = re.compile(r"^[ \t]*(?=\S)", re.MULTILINE)


def _latest_day_by(match: re.Match[str], received: date | None) -> date | None:
    if received is None:
        return None
    month = MONTHS.index(match.group("month")[:3].lower()) + 1
    for year in (received.year, received.year - 1):
        try:
            day = date(year, month, int(match.group("day")))
        except ValueError:
            continue  # "February 29" outside a leap year, "June 31"
        if day <= received:
            return day
    return None


SENTENCE_ENDS = {".", "!", "?"}


def _keep_together(doc: Doc, body, starts: dict[int, bool | None]) -> None:
    """No break inside the story's first sentence: the parser, thrown by the sentence start we set, may
    otherwise cut it after its first word ("Kyrgyz | and Tajik border guards exchanged ...")."""
    for inner in doc[body.i + 1:]:
        if inner.is_space or "\n" in inner.text:
            return
        starts[inner.i] = False
        if inner.text in SENTENCE_ENDS or "\n" in inner.whitespace_:
            return


def _paragraph_openers(doc: Doc) -> list[Token]:
    """The tokens that open a paragraph: the first word, and each word after a line break (one pass, each
    token read once)."""
    openers = []
    previous = None
    for token in doc:
        if not token.is_space and (previous is None or "\n" in previous.whitespace_ or "\n" in previous.text):
            openers.append(token)
        previous = token
    return openers
