"""A small English detector: is this article written in English?

Method (no model, no dependency):
1. Script. Texts whose letters are mostly outside the Latin alphabet (Korean, Chinese, Japanese,
   Cyrillic, Arabic, ...) are not English: under 60% Latin letters fails.
2. Function words. Every language spends a large share of its tokens on a few short grammatical
   words. English prose runs at 35-50% English function words ("the", "of", "to", "in", "was",
   ...); even terse one-sentence news leads full of names stay above 10%. German, French,
   Spanish, Italian, Portuguese and Dutch reach that share only through words they share with
   English ("in", "a", "on"), so we also count their own function words (none of which is an
   English word) and require English ones to be at least twice as frequent.
3. Short texts (under 30 words) are judged by evidence, not ratios: English when they hold an
   English function word and no foreign one. A very short German or French line made only of
   names and words shared with English can therefore pass; a paragraph cannot.

The thresholds were checked against one-sentence English news leads (shortest ~10 words) and
against German, French and Spanish news paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MIN_LATIN_SHARE = 0.6
MIN_ENGLISH_RATIO = 0.10
ENGLISH_OVER_FOREIGN = 2.0
SHORT_TEXT_TOKENS = 30  # below this, ratios are noise: any foreign function word decides

ENGLISH_FUNCTION_WORDS = frozenset("""
the of and to a an in on at for with by from as into onto about over under after before between against
during without within through across since until than that this these those which who whom whose what
when where while why how it its he she they them their his her him we us our you your i me my is are
was were be been being has have had do does did will would shall should can could may might must not
no nor or but if so also there here then all any some such both each other more most only very own
same up out off down again once because though although whether upon among amid its they've it's
""".split())

# Grammatical words of German, French, Spanish, Italian, Portuguese and Dutch that are not English
# words. Name particles (von, der, de, van, da, di, du, del, al) are left out: "von der Leyen" and
# "de Gaulle" appear in English news. Matched only in lower case, so names such as "Il" or "Su" are
# never counted.
FOREIGN_FUNCTION_WORDS = frozenset("""
das und ist nicht ein eine einen einem dem den des mit zu auf für sich auch nach bei aus wie über wird
werden haben wurde sind oder aber noch nur dass sie er es wir ich im zum zur vom einer eines kein keine
sowie zwischen gegen seit hat
la le les un une et sont dans par sur avec qui que ne pas au aux ce cette ces elle ils nous vous leur
leurs été être mais ou où sa ses lui se très selon entre après depuis d'un d'une qu'il
el los las y es por para una uno su sus como más pero fue ha han este esta sobre también según desde
muy hasta lo
che è della delle degli per sono anche nel nella alla gli dei questo questa
não com os em na ao pelo pela são
het een en niet zijn voor dat te ook wordt werd naar bij maar wel
""".split())

_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
_WORD = re.compile(r"[A-Za-zÀ-ɏ]+(?:['’-][A-Za-zÀ-ɏ]+)*")  # hyphenated names (Jong-un) stay whole


@dataclass(frozen=True)
class LanguageVerdict:
    """The counts behind an English/not-English decision."""

    latin_share: float  # share of letters that are Latin
    tokens: int
    english: int  # English function words
    foreign: int  # other languages' function words

    @property
    def english_ratio(self) -> float:
        return self.english / self.tokens if self.tokens else 0.0

    @property
    def foreign_ratio(self) -> float:
        return self.foreign / self.tokens if self.tokens else 0.0

    @property
    def is_english(self) -> bool:
        if self.latin_share < MIN_LATIN_SHARE or self.english == 0:
            return False
        if self.tokens < SHORT_TEXT_TOKENS and self.foreign == 0:
            return True  # a short Latin-script text with English grammar words and no foreign ones
        return self.english_ratio >= MIN_ENGLISH_RATIO and self.english >= ENGLISH_OVER_FOREIGN * self.foreign

    def describe(self) -> str:
        return (f"{self.latin_share:.0%} Latin letters; of {self.tokens} words {self.english_ratio:.0%} English "
                f"and {self.foreign_ratio:.0%} other-language function words")


def measure_language(text: str) -> LanguageVerdict:
    """Script share and function-word counts of `text`."""
    letters = "".join(filter(str.isalpha, text))
    latin = len(_LATIN_LETTER.findall(letters))  # one match per Latin letter
    tokens = [t.replace("’", "'") for t in _WORD.findall(text)]
    return LanguageVerdict(latin_share=latin / len(letters) if letters else 0.0, tokens=len(tokens),
                           english=sum(1 for t in tokens if t.lower() in ENGLISH_FUNCTION_WORDS),
                           foreign=sum(1 for t in tokens if t in FOREIGN_FUNCTION_WORDS))


def is_english(text: str) -> bool:
    """True when `text` reads as English prose (see the module docstring for the method)."""
    return measure_language(text).is_english
