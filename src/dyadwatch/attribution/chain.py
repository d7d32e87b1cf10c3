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
# Whom words are addressed to, never who vouches for them.
AUDIENCES = {"reporter", "journalist", "correspondent", "media", "press", "lawmaker", "legislator", "parliament",
             "audience", "crowd", "supporter", "crowds", "reporters", "journalists", "nation", "people", "public",
             "viewer", "listener", "reader", "student", "delegate", "counterpart", "him", "her", "them", "us"}
_AGENCY = re.compile(r"\b(kcna|xinhua|yonhap|reuters|associated press|ap|afp|tass|ria novosti|kyodo|interfax|"
                     r"news agency|wire service|state media|state news|state-run media|bloomberg)\b", re.I)
_OUTLET = re.compile(r"\b(newspaper|daily|ilbo|times|post|news|journal|herald|tribune|broadcaster|television|"
                     r"tv|radio|media|outlet|magazine|gazette|report|reports|press|website|channel)\b", re.I)
_ANON = re.compile(r"\b(sources?|insiders?|people familiar|persons? familiar|familiar with|anonymous|unnamed|"
                   r"who declined to be named|on condition of anonymity|reportedly|defectors?)\b", re.I)
_GOVERNMENT = re.compile(r"\b(ministry|government|navy|air force|coast guard|police|armed forces|intelligence|service|agency|office|embassy|military|army|"
                         r"pentagon|white house|kremlin|department|council|command|cabinet|authorities|"
                         r"nis|state council|foreign ministry)\b", re.I)
_OFFICIAL = re.compile(r"\b(spokes(person|man|woman)|aides?|advis[eo]rs?|minister|president|ambassador|officials?|secretary|leader|"
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
        frames = [current] + _trailing_frames(current)
        for link in (link for frame in frames for link in _links_on(frame, came_from_clause=frame is not trigger)):
            if link.text not in {a.text for a in chain}:
                chain.append(link)
        if current.head == current:
            break
        current = current.head
    return chain


def _trailing_frames(head: Token) -> list[Token]:
    """"Uganda bombed the bridge, a senior aide told the Daily Nation": a reporting verb the parser hung
    after the clause as a conjunct or parataxis, with nothing reported of its own, frames that clause."""
    return [c for c in head.children
            if c.dep_ in {"conj", "parataxis"} and c.i > head.i and c.lemma_.lower() in REPORTING_VERBS
            and c.i > 0 and any(t.text == "," for t in c.doc[max(head.i, c.i - 12):c.i])
            and not any(g.dep_ in {"ccomp", "xcomp", "dobj"} and g.pos_ in {"VERB", "AUX"} for g in c.children)]


def _links_on(tok: Token, came_from_clause: bool) -> list[Attribution]:
    links: list[Attribution] = []
    if came_from_clause and tok.lemma_.lower() in ACCUSING_VERBS:
        accuser = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if accuser is not None and accuser.pos_ != "PRON":
            links.append(_link(accuser))  # "X accused Y of firing": the firing is X's claim
    if came_from_clause and tok.lemma_.lower() in REPORTING_VERBS:
        speaker = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None) or _stranded_speaker(tok)
        if speaker is not None and speaker.pos_ != "PRON":
            links.append(_link(speaker))
        for child in tok.children:
            if child.dep_ in {"dative", "prep"} and child.lower_ in {"to"} and tok.lemma_ in {"reveal", "tell", "say"}:
                listener = next((g for g in child.children if g.dep_ == "pobj"), None)
                if listener is not None and _listener_is_source(listener):
                    links.append(_link(listener, default_kind="outlet"))
            if child.dep_ in {"dative", "dobj"} and tok.lemma_ == "tell" and _listener_is_source(child):
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


def _stranded_speaker(verb: Token) -> Token | None:
    """"X shelled a town, Joseph Mwangi, spokesman for the army, said": a reporting verb left without a
    subject, whose speaker the parser hung as an apposition ending just before it."""
    if verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    reported = [c for c in verb.children if c.dep_ == "ccomp"]
    candidates = [t for clause in reported for t in clause.subtree
                  if t.dep_ == "appos" and t.pos_ in {"PROPN", "NOUN"} and t.right_edge.i in (verb.i - 1, verb.i - 2)]
    return min(candidates, key=lambda t: t.left_edge.i) if candidates else None


def _listener_is_source(listener: Token) -> bool:
    """"told CNN", "said in a statement to the Daily Nation": an outlet the words were given to carries
    them. "told reporters", "told lawmakers", "told him": the audience addressed is nobody's source."""
    if listener.pos_ not in {"PROPN", "NOUN"} or listener.lemma_.lower() in AUDIENCES:
        return False
    return listener.pos_ == "PROPN" or classify_source(_phrase(listener)) in {"outlet", "agency"}


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
    kind = classify_source(_phrase(head, whole=True))  # "Daniel Hagari, spokesman for the army": official
    if kind == "other" and default_kind:
        kind = default_kind
    if kind == "other" and head.ent_type_ == "PERSON":
        kind = "official"
    if kind == "other" and head.ent_type_ == "ORG":
        kind = "outlet"
    return Attribution(span, kind)


def _phrase(head: Token, whole: bool = False) -> str:
    """The noun phrase under `head` without relative clauses or trailing punctuation and, unless `whole`,
    without appositions ("CBS, the network's partner") and the circumstances of speaking ("Pashinyan in
    a televised address on Tuesday")."""
    tokens = [t for t in head.subtree if not _inside_clause(t, head) and (whole or not _aside(t, head))]
    tokens = [t for t in tokens if not (t.is_punct and t.i in (tokens[0].i, tokens[-1].i))]
    if not tokens:
        return head.text
    doc = head.doc
    return doc[tokens[0].i: tokens[-1].i + 1].text.strip(" ,\"'“”")


# Prepositions that belong to a speaker's name or office ("the Minister of Defence", "officials from
# the ministry", "a spokesman for the army", "sources at the agency", "people with knowledge").
NAMING_PREPOSITIONS = {"of", "for", "from", "at", "with", "familiar"}


def _aside(tok: Token, head: Token) -> bool:
    """Whether `tok` lies in a descriptive apposition (a name in apposition stays: "the UN chief António
    Guterres") or a circumstantial prepositional phrase of `head`'s phrase."""
    while tok != head:
        if (tok.dep_ == "appos" and tok.pos_ != "PROPN") or (tok.dep_ == "prep" and tok.lower_ not in NAMING_PREPOSITIONS):
            return True
        tok = tok.head
    return False


def _inside_clause(tok: Token, head: Token) -> bool:
    while tok != head:
        if tok.dep_ in {"relcl", "acl", "advcl", "ccomp"}:
            return True
        tok = tok.head
    return False
