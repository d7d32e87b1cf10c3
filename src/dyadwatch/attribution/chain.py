"""Attribution chains: the reporting speakers an event is attributed to, nearest first.

Walking up from an event's trigger, every reporting verb passed ("said", "reported", "revealed",
"confirmed") contributes its speaker, then any listener or cited source attached to it
("revealed to the X newspaper", "citing intelligence officials"); "according to X" and "reportedly"
on the way contribute too. Each link is classified: anonymous, outlet, agency, official,
government, expert or other.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from dyadwatch.records import Attribution

REPORTING_VERBS = {
    "say", "report", "reveal", "tell", "claim", "confirm", "announce", "state", "add", "note", "disclose",
    "quote", "cite", "assert", "insist", "allege", "write", "describe", "explain", "declare", "acknowledge",
    "admit", "find", "discover", "learn", "show", "indicate", "suggest", "believe", "estimate", "testify",
    "reiterate", "stress", "emphasize", "emphasise", "underline", "argue", "remind", "conclude",
}
ACCUSING_VERBS = {"accuse", "blame", "charge", "suspect", "allege"}
_AGENCY = re.compile(r"\b(kcna|xinhua|yonhap|reuters|associated press|ap|afp|tass|ria novosti|kyodo|interfax|"
                     r"news agency|wire service|state media|state news|state-run media|bloomberg)\b", re.I)
_OUTLET = re.compile(r"\b(newspaper|daily|ilbo|times|post|news|journal|herald|tribune|broadcaster|television|"
                     r"tv|radio|media|outlet|magazine|gazette|report|reports|press|website|channel)\b", re.I)
_ANON = re.compile(r"\b(sources?|insiders?|people familiar|persons? familiar|familiar with|anonymous|unnamed|"
                   r"who declined to be named|on condition of anonymity|reportedly|defectors?)\b", re.I)
_GOVERNMENT = re.compile(r"\b(ministry|government|intelligence|service|agency|office|embassy|military|army|"
                         r"pentagon|white house|kremlin|department|council|command|cabinet|authorities|"
                         r"nis|state council|foreign ministry)\b", re.I)
_OFFICIAL = re.compile(r"\b(spokes(person|man|woman)|minister|president|ambassador|officials?|secretary|leader|"
                       r"premier|chancellor|envoy|diplomats?|lawmakers?|senator|general|commander|chief|"
                       r"director|governor|mayor|prime minister|representative)\b", re.I)
_EXPERT = re.compile(r"\b(experts?|analysts?|researchers?|professors?|scholars?|observers?|think tank|"
                     r"commentators?|academics?|economists?)\b", re.I)


def classify_source(text: str) -> str:
    """Kind of a reporting source from its words."""
    # Order matters: "officials familiar with the matter" are anonymous before they are officials.
    kinds = (("anonymous", _ANON), ("agency", _AGENCY), ("expert", _EXPERT), ("official", _OFFICIAL),
             ("government", _GOVERNMENT), ("outlet", _OUTLET))
    return next((kind for kind, pattern in kinds if pattern.search(text)), "other")


def attribution_chain(trigger: Token, sentence: Span) -> list[Attribution]:
    """Attribution links for an event triggered at `trigger`, nearest first."""
    chain: list[Attribution] = []
    current = trigger
    for _ in range(12):
        for link in _links_on(current, came_from_clause=current is not trigger):
            if link.text not in {a.text for a in chain}:
                chain.append(link)
        if current.head == current:
            break
        current = current.head
    return chain


def _links_on(tok: Token, came_from_clause: bool) -> list[Attribution]:
    links: list[Attribution] = []
    if came_from_clause and tok.lemma_.lower() in ACCUSING_VERBS:
        accuser = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if accuser is not None and accuser.pos_ != "PRON":
            links.append(_link(accuser))  # "X accused Y of firing": the firing is X's claim
    if came_from_clause and tok.lemma_.lower() in REPORTING_VERBS:
        speaker = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if speaker is not None and speaker.pos_ != "PRON":
            links.append(_link(speaker))
        for child in tok.children:
            if child.dep_ in {"dative", "prep"} and child.lower_ in {"to"} and tok.lemma_ in {"reveal", "tell", "say"}:
                listener = next((g for g in child.children if g.dep_ == "pobj"), None)
                if listener is not None:
                    links.append(_link(listener, default_kind="outlet"))
            if child.dep_ in {"dative", "dobj"} and child.pos_ in {"PROPN", "NOUN"} and tok.lemma_ == "tell":
                links.append(_link(child, default_kind="outlet"))
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            links.extend(_according_to(child))
        if child.dep_ == "advmod" and child.lower_ in {"reportedly", "allegedly"}:
            links.append(Attribution(child.text, "anonymous"))
        if child.dep_ in {"advcl", "xcomp"} and child.lemma_ in {"cite", "quote"}:
            cited = next((g for g in child.children if g.dep_ == "dobj"), None)
            if cited is not None:
                links.append(_link(cited))
    return links


def _according_to(prep: Token) -> list[Attribution]:
    """Links from "according to X", including a report's author ("a report by X")."""
    to = next((c for c in prep.children if c.lower_ == "to"), prep)
    pobj = next((g for g in to.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return []
    links = []
    authors = [g for p in pobj.children if p.dep_ == "prep" and p.lower_ in {"by", "from", "of", "in"}
               for g in p.children if g.dep_ == "pobj"]
    for author in authors:
        links.append(_link(author))
    if not authors:
        links.append(_link(pobj))
    return links


def _link(head: Token, default_kind: str | None = None) -> Attribution:
    span = _phrase(head)
    kind = classify_source(span)
    if kind == "other" and default_kind:
        kind = default_kind
    if kind == "other" and head.ent_type_ == "PERSON":
        kind = "official"
    if kind == "other" and head.ent_type_ == "ORG":
        kind = "outlet"
    return Attribution(span, kind)


def _phrase(head: Token) -> str:
    """The noun phrase under `head` without relative clauses or trailing punctuation."""
    tokens = [t for t in head.subtree if not _inside_clause(t, head)]
    tokens = [t for t in tokens if not (t.is_punct and t.i in (tokens[0].i, tokens[-1].i))]
    if not tokens:
        return head.text
    doc = head.doc
    return doc[tokens[0].i: tokens[-1].i + 1].text.strip(" ,\"'“”")


def _inside_clause(tok: Token, head: Token) -> bool:
    while tok != head:
        if tok.dep_ in {"relcl", "acl", "advcl", "ccomp"}:
            return True
        tok = tok.head
    return False
