"""The date of a coded event: a time of the trigger's clause or of the clauses it hangs from; else, for an
act told as done, the date the context gives (the sentence before, the lead's day) or the publication day."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from dyadwatch.coding.triggers import Trigger
from dyadwatch.time import event_time, inherited_time, publication_fallback
from dyadwatch.time.choose import ORDER_PREPOSITIONS
from dyadwatch.time.context import episode_time
from dyadwatch.time.values import TimeValue


def event_date(sent: Span, trig: Trigger, published: date | None, status: str) -> TimeValue | None:
    for tok in (trig.token, trig.light_verb, *_governing_verbs(trig.light_verb or trig.token)):
        if tok is None:
            continue
        found = event_time(sent, tok)
        if found is not None:
            return found
    if status == "hypothetical" or _ordered_against_another_time(trig.light_verb or trig.token):
        return None  # "before meeting Kim": some time before or after a dated act, not on publication day
    verb = trig.light_verb or trig.token
    return (inherited_time(sent, verb, published) or episode_time(sent, verb, published)
            or publication_fallback(published))


def _governing_verbs(tok: Token, limit: int = 3) -> list[Token]:
    """Verbs this clause hangs from ("joined sanctions in 2016, leading to X restricting ...")."""
    out = []
    while tok.dep_ in {"advcl", "xcomp", "conj", "pcomp", "prep"} and tok.head != tok and len(out) < limit:
        if _ordered_against_another_time(tok):
            break
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            out.append(tok)
    return out


def _ordered_against_another_time(tok: Token) -> bool:
    """A clause under "before", "after", "since", "until": its time is not the outer clause's."""
    return tok.dep_ == "pcomp" and tok.head.lower_ in ORDER_PREPOSITIONS
