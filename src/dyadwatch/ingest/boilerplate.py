"""Line classifiers for page furniture left in scraped news text.

Each rule looks at one normalised line and says whether it is boilerplate: breadcrumbs, share,
print, login and comment prompts, bylines, photo captions and credits, reporter-name bullets.
The rules are general (no site-specific strings) and only fire on short lines, so a real
paragraph that happens to mention "share" or "print" is never dropped.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

MAX_PROMPT_WORDS = 14  # UI prompts and labels are short; longer lines are prose
MAX_BYLINE_WORDS = 16
MAX_CAPTION_WORDS = 40
BULLETS = "•·▪▫◦‣∙●○■□►▶▸→*–—-"

# Words that only ever make up a line on their own as page controls.
UI_WORDS = frozenset("""
print printer dictionary share shares shared email e-mail mail tweet twitter facebook linkedin whatsapp
kakaotalk kakao telegram reddit pinterest line band copy copied link url permalink font size zoom save
saved bookmark bookmarks comment comments reply replies like likes menu search close icon lock help
image images photo photos gallery listen audio podcast gift subscribe subscribers login logout signup
register social advertisement advertising ad ads sponsored promoted toggle expand collapse reset
view views scroll top previous prev next more less print-friendly a+ a- + - x loading
""".split())
# Glue words allowed in a UI-only line as long as one real UI word is present ("Back to top").
UI_FILLER = frozenset("a an the this to of in on up out and or back go via your our us article story page".split())

PROMPT_PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    r"\bshare (this|on|via|the story|the article|article|story|page)\b",
    r"\blog[ -]?(in|out)\b",
    r"\bsign[ -]?in (to|with) (comment|continue|read|reply|post|view|your|one of|twitter|facebook|google|apple|kakao)",
    r"\bplease sign[ -]?(in|up)\b",
    r"^sign[ -]?(in|up|out)( now| here| for free)?[.!]?$",
    r"\bsignup\b",
    r"^subscribe\b",
    r"\bsubscribe (now|today|for|to)\b",
    r"\bsign up (now|today|for free|for our|for the newsletter)\b",
    r"\bnewsletters?\b.*\b(sign up|subscribe)\b|\b(sign up|subscribe)\b.*\bnewsletters?\b",
    r"^(read|see|watch|listen to)( the)? (more|also|full story|next|related|original)\b",
    r"^(more|related|recommended|trending|popular|most read)( articles?| stories| news| content| coverage| reading)?\s*:?$",
    r"^(advertisement|sponsored( content)?|ad)$",
    r"\ball rights reserved\b",
    r"^(©|\(c\)\s|copyright\b)",
    r"^(\d+\s+)?comments?\s*(\(\d+\))?$",
    r"^(to )?(write|post|leave|add|view|show|load)( a| your| all| more)? comments?\b",
    r"^follow (us|@)",
    r"\bclick here\b",
    r"\bdownload (the|our) app\b",
    r"\bwe use cookies\b",
    r"\(\s*\d+\s*/\s*\d+\D{0,3}\)",  # a character counter under a comment box, "(0/250)"
    r"^continue reading\b",
    r"^(tags?|topics?|keywords?)\s*:",
)]

# `(?<!\s)`: a run of spaces is tried once, from its first character, not from each of them.
BREADCRUMB_SEPARATORS = re.compile(r"(?<!\s)\s+(?:>|›|»|→|\|)\s+")
BREADCRUMB_SIGNS = (">", "›", "»", "→", "|")
MAX_CRUMB_WORDS = 5

BYLINE_START = re.compile(r"^(by|written by|reporting by|words by)\s+(?P<rest>.+)$", re.IGNORECASE)
CREDIT_LINE = re.compile(r"^((additional )?reporting|writing|editing|compiled|translated) by\b", re.IGNORECASE)
BYLINE_FILLER = frozenset("""and & staff reporter reporters writer writers correspondent correspondents editor
editors contributor contributors columnist in the of for with at bureau chief senior political diplomatic
foreign national international""".split())
BRACKETED = re.compile(r"[\[(][^\[\]()]*[\])]")
# An e-mail address is one whitespace-free token of at most 254 characters (RFC 5321). The pattern is
# only ever matched at the start of such a token, never searched through a line: searched, its two
# `\S+` backtrack over every start position and a long word without spaces costs the square of its
# length (a 2 MB word took hours).
MAX_EMAIL_CHARS = 254
EMAIL = re.compile(r"\S+@\S+\.\w+")
CLOSING_BRACKETS = "])>"

CREDIT_BRACKET = re.compile(r"\[(?P<credit>[^\[\]]{1,40})\]$")
CREDIT_PAREN = re.compile(r"\((?P<credit>[^()]{1,40})\)$")
CREDIT_WORDS = re.compile(
    r"\b(photo|photos|image|images|picture|getty|courtesy|file|screenshot|screen capture|captured|"
    r"yonhap|reuters|afp|ap|epa|xinhua|kcna|news1|newsis|tass|ria)\b", re.IGNORECASE)
PHOTO_PREFIX = re.compile(r"^(file )?(photo|photograph|image|picture|pictured|caption|credit|graphic)s?"
                          r"(\s+(by|courtesy of|from))?\s*[:：|/]"
                          r"|^(image|media|photo|video) (source|caption|credit)\s*[,:]", re.IGNORECASE)
PHOTO_SUFFIX = re.compile(r"\b(photo|photograph|image|picture|credit)s?(\s+(by|courtesy of))?\s*[:：]\s*[^.!?]{1,60}$",
                          re.IGNORECASE)
GETTY_SUFFIX = re.compile(r"\bgetty images\)?$", re.IGNORECASE)

# "Published: 2024.07.31 15:30  Updated: 2024.07.31 16:05", "July 31, 2024 10:25 KST": only labels and dates.
TIMESTAMP_TOKEN = re.compile(
    r"^(published|updated|posted|modified|last|date|time|input|edited|on|at|am|pm|a\.m\.|p\.m\.|"
    r"kst|gmt|utc|est|edt|et|cet|bst|jst|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    r"september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|[\d:./-]+)$")
MAX_TIMESTAMP_WORDS = 12

CAPS_NAME_TOKEN = re.compile(r"^[A-Z][A-Z'’.-]*,?$")
TITLE_NAME_TOKEN = re.compile(r"^[A-Z][a-z'’.-]*(-[A-Za-z][a-z'’]*)*,?$")
LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")


# The short-line rules (prompts, bylines, captions, ...) count words; a line of few words can still be
# a megabyte long ("words" without spaces), and no rule applies to lines longer than this per word.
MAX_WORD_CHARS = 30


def word_count(line: str) -> int:
    return len(line.split())


def is_short(line: str, max_words: int) -> bool:
    """At most `max_words` words and `max_words * MAX_WORD_CHARS` characters: a line the rules may read."""
    return len(line) <= max_words * MAX_WORD_CHARS and word_count(line) <= max_words


def strip_emails(text: str) -> str:
    """`text` with each e-mail address (and what its token holds before it) replaced by a space."""
    parts = re.split(r"(\s+)", text)
    for i, part in enumerate(parts):
        match = EMAIL.match(part) if "@" in part and len(part) <= MAX_EMAIL_CHARS else None
        if match:
            parts[i] = " " + part[match.end():]
    return "".join(parts)


def ends_with_email(line: str) -> bool:
    """The line's last token is an e-mail address, alone or in brackets: '... [kim@paper.test]'."""
    rest = (line[:-1] if line[-1:] and line[-1] in CLOSING_BRACKETS else line).rstrip()
    last = rest.rsplit(None, 1)[-1] if rest else ""
    return "@" in last and len(last) <= MAX_EMAIL_CHARS and EMAIL.fullmatch(last) is not None


def letter_count(line: str) -> int:
    return sum(map(str.isalpha, line))


def has_letters(line: str, count: int) -> bool:
    """At least `count` letters (stops at the count-th: an article's lines are long)."""
    for ch in line:
        if ch.isalpha():
            count -= 1
            if count <= 0:
                return True
    return count <= 0


def _tokens(line: str) -> list[str]:
    return list(_token_stream(line))


def _token_stream(line: str) -> Iterator[str]:
    return (t for t in (tok.strip(".,:;!?()[]{}\"'|·•").lower() for tok in line.split()) if t)


def is_ui_only(line: str) -> bool:
    """A line made only of page-control words, e.g. "print dictionary print", "lock icon"."""
    tokens = _tokens(line)
    if not tokens or len(tokens) > MAX_PROMPT_WORDS:
        return False
    parts = [part for tok in tokens for part in (tok.split("-") if tok not in UI_WORDS else [tok]) if part]
    return all(p in UI_WORDS or p in UI_FILLER for p in parts) and any(p in UI_WORDS for p in parts)


def is_prompt(line: str) -> bool:
    """Share, print, login, subscribe, comment and 'read more' prompts and labels."""
    if not is_short(line, MAX_PROMPT_WORDS):
        return False
    return is_ui_only(line) or any(p.search(line) for p in PROMPT_PATTERNS)


def is_breadcrumb(line: str) -> bool:
    """'Home > National > North Korea': short segments joined by > › » → or |."""
    if not any(sep in line for sep in BREADCRUMB_SIGNS):
        return False
    parts = BREADCRUMB_SEPARATORS.split(line)
    if len(parts) < 2:
        return False
    if len(parts) == 2 and parts[0].strip().lower() not in {"home", "news", "main"}:
        return False
    return all(p and word_count(p) <= MAX_CRUMB_WORDS and not p.rstrip().endswith((".", "?", "!")) for p in parts)


def is_byline(line: str) -> bool:
    """'By Jane Doe', 'BY KIM MIN-SU, PARK JI-HO [reporter@paper.test]', 'Reporting by ...'."""
    if not is_short(line, MAX_BYLINE_WORDS):
        return False
    if CREDIT_LINE.match(line):
        return True
    match = BYLINE_START.match(line)
    if not match:
        return ends_with_email(line) and _is_name_list(strip_emails(line))
    return _is_name_list(match.group("rest"))


def _is_name_list(text: str) -> bool:
    """True when `text` is only names (capitalised words), commas, 'and' and job titles."""
    text = strip_emails(BRACKETED.sub(" ", text))
    tokens = [t for t in re.split(r"[\s,;/|]+", text.strip().rstrip(".")) if any(ch.isalpha() for ch in t)]
    if not tokens:
        return False
    names = 0
    for token in tokens:
        if token.lower() in BYLINE_FILLER:
            continue
        if not token[0].isupper():
            return False
        names += 1
    return names >= 1


def is_caps_name(line: str) -> bool:
    """A line that is just a personal name in capitals, e.g. 'SEO JI-EUN' (2 to 4 words)."""
    tokens = line.split()
    return 2 <= len(tokens) <= 4 and all(CAPS_NAME_TOKEN.match(t) for t in tokens) and letter_count(line) >= 4


def is_reporter_bullet(line: str) -> bool:
    """A bullet line holding a name, or a short label in a non-Latin script (a reporter's photo label)."""
    if not line or line[0] not in BULLETS:
        return False
    rest = line.lstrip(BULLETS + " ").strip()
    if not rest:
        return True
    tokens = rest.split()
    if len(tokens) > 4:
        return False
    if not LATIN_LETTER.search(rest):
        return True
    return is_caps_name(rest) or (len(tokens) >= 2 and all(TITLE_NAME_TOKEN.match(t) for t in tokens))


def is_caption(line: str) -> bool:
    """Photo captions and credits: '... [NEWS1]', '... (Photo courtesy of X)', 'Photo: ...'."""
    if not is_short(line, MAX_CAPTION_WORDS):
        return False
    if PHOTO_PREFIX.match(line) or PHOTO_SUFFIX.search(line) or GETTY_SUFFIX.search(line):
        return True
    bracket = CREDIT_BRACKET.search(line)
    if bracket and _is_credit(bracket.group("credit")):
        return True
    paren = CREDIT_PAREN.search(line)
    return bool(paren and CREDIT_WORDS.search(paren.group("credit"))
                and re.search(r"photo|image|getty|courtesy|screen", paren.group("credit"), re.IGNORECASE))


def _is_credit(text: str) -> bool:
    """Bracketed credits are agency names in capitals ('NEWS1', 'AP/YONHAP') or name a photo source."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and (all(ch.isupper() for ch in letters) or bool(CREDIT_WORDS.search(text)))


def is_timestamp(line: str) -> bool:
    """A dateline-free line of publication/update stamps: only date words, numbers and labels."""
    words = 0
    for token in _token_stream(line):  # stops at the first word that is no stamp: most lines are prose
        words += 1
        if words > MAX_TIMESTAMP_WORDS or not TIMESTAMP_TOKEN.match(token):
            return False
    return words > 0


def is_local_boilerplate(line: str) -> bool:
    """Every rule that needs only the line itself."""
    return (not has_letters(line, 2) or is_breadcrumb(line) or is_prompt(line) or is_byline(line)
            or is_caps_name(line) or is_reporter_bullet(line) or is_caption(line) or is_timestamp(line))


def ends_sentence(line: str) -> bool:
    return line.rstrip("\"'”’)]").endswith((".", "!", "?", ":"))
