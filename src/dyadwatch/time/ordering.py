"""Clauses ordered against another by a measured gap: "a day after ...", "48 hours before ...".

"X agreed on Wednesday, a day after Y launched an offensive": Y's act is the day before X's, and
"X struck the port a day after leaving the talks on Monday": X's act is the day after Monday.
measured_link() tells, for a clause, which clause it is measured from and by how many days;
measured_dependents() gives the clauses measured from a clause. A gap in hours counts only in
whole days (24, 48); "hours after" without a number sets no day.
"""
from __future__ import annotations

from spacy.tokens import Token

ORDER_WORDS = ("after", "before")
DAY_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}


def measured_link(clause: Token) -> tuple[Token, int] | None:
    """(the clause `clause` is measured from, days from that clause to it), or None.

    Negative under "after" (the clause measured from happened later, so `clause` is earlier)."""
    if clause.dep_ == "advcl":
        orders = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in ORDER_WORDS]
        measures = [*clause.children, *(c for o in orders for c in o.children)]
        outer = clause.head
    elif clause.dep_ == "pcomp" and clause.head.lower_ in ORDER_WORDS and clause.head.dep_ == "prep":
        orders = [clause.head]
        outer = clause.head.head
        measures = [*clause.head.children, *outer.children]
    else:
        return None
    if not orders:
        return None
    days = next((d for m in measures if m.dep_ == "npadvmod" and (d := days_measured(m)) is not None), None)
    if days is None:
        return None
    return outer, -days if orders[0].lower_ == "after" else days


def measured_dependents(predicate: Token) -> list[tuple[Token, int]]:
    """(clause, days from it to `predicate`) for each clause measured from `predicate`."""
    out = []
    for child in predicate.children:
        candidates = [child] if child.dep_ == "advcl" else [c for c in child.children if c.dep_ == "pcomp"]
        for clause in candidates:
            link = measured_link(clause)
            if link is not None and link[0].i == predicate.i:
                out.append((clause, -link[1]))
    return out


def days_measured(noun: Token) -> int | None:
    """"a day" = 1, "two days" = 2, "24 hours" = 1, "48 hours" = 2; other measures None."""
    amount = next((c for c in noun.children if c.dep_ in ("nummod", "det")), None)
    if amount is None:
        return None
    word = amount.lower_
    count = int(word) if word.isdigit() else DAY_COUNT_WORDS.get(word)
    if not count:
        return None
    lemma = noun.lemma_.lower()
    if lemma == "day":
        return count
    if lemma == "hour" and count % 24 == 0:
        return count // 24
    return None
