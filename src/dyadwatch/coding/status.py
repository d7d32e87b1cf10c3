"""Did it happen? Asserted, negated or hypothetical status of an event trigger.

Negation: a negating child ("not", "never", "no"), a negative trigger word ("absence"), or a
governing verb of failure or refusal ("failed to attend"), or a denial ("denied that ...").
Hypothetical: modals and future ("will", "could"), intention and expectation ("plans to",
"is expected to"), demands not (yet) met ("urged X to withdraw"), conditions ("if", "unless",
"until"), speculation ("analysts speculate that ..."), and hedged event nouns ("a possible summit").
The status of a governing clause carries down to the clauses it governs.
"""
from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.records import Status

MODALS = {"will", "would", "could", "may", "might", "should", "must", "shall", "can", "ca", "wo", "'ll", "'d"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
NEGATING_GOVERNORS = {"fail", "refuse", "decline", "avoid", "cease", "stop", "skip", "forgo", "deny", "reject",
                      "dismiss", "refute", "abandon", "cancel", "postpone", "call",
                      # "banned citizens from visiting": the visiting is what does not happen
                      "ban", "bar", "prevent", "prohibit", "forbid", "restrict", "limit", "block", "stop", "keep"}
# "call off" is handled by its particle; plain "call" is not negating (see _governs_negatively).
HYPOTHETICAL_GOVERNORS = {
    "expect", "plan", "intend", "seek", "want", "hope", "aim", "try", "attempt", "consider", "propose", "threaten",
    "demand", "urge", "ask", "call", "push", "press", "wish", "prepare", "schedule", "set", "poise", "due", "need",
    "weigh", "mull", "offer", "promise", "pledge", "vow", "swear", "agree", "decide", "plot", "request", "appeal", "insist",
    "recommend", "suggest", "warn", "speculate", "predict", "forecast", "anticipate", "fear", "suspect", "likely",
    "unlikely", "able", "ready", "willing", "eager", "keen", "prepared", "going", "encourage", "invite", "lead",
}
# Verbs whose complement is presented as fact: their clauses keep their own status.
FACTIVE_GOVERNORS = {"say", "report", "reveal", "tell", "confirm", "announce", "state", "add", "note", "claim",
                     "show", "find", "discover", "learn", "know", "notice", "acknowledge", "admit", "indicate"}
ORDER_GOVERNORS = {"order", "instruct", "direct", "command", "tell"}
# Verbs of intent and refusal whose to-infinitive the parser sometimes hangs as an adverbial clause.
COMPLEMENT_TAKERS = {"swear", "vow", "pledge", "promise", "threaten", "refuse", "decline", "fail", "plan",
                     "intend", "agree", "decide", "prepare", "offer"}
HEDGE_MODIFIERS = {"planned", "possible", "potential", "proposed", "upcoming", "expected", "likely", "future",
                   "prospective", "rumored", "rumoured", "hypothetical", "anticipated", "impending", "scheduled",
                   "mooted", "tentative"}
# Support verbs whose event noun is only planned: "preparing a war", "plotting a coup", "mulling sanctions".
PLANNING_VERBS = {"prepare", "plan", "plot", "consider", "mull", "weigh", "contemplate", "envisage", "schedule"}
CONDITION_MARKERS = {"if", "unless", "until", "whether", "lest"}
SPECULATORS = {"expert", "analyst", "observer", "scholar", "researcher", "commentator", "pundit", "experts"}


def event_status(trigger: Token, negative_word: bool = False, light_verb: Token | None = None,
                 same_side_order: bool = False) -> Status:
    """Status of the event whose trigger is `trigger` (and its support verb, if any)."""
    if negative_word:
        return "negated"
    heads = [t for t in (trigger, light_verb) if t is not None]
    for tok in heads:
        own = _own_status(tok)
        if own:
            return own
    if trigger.pos_ == "NOUN" and any(c.lower_ in HEDGE_MODIFIERS for c in trigger.children):
        return "hypothetical"
    if light_verb is not None and light_verb.lemma_.lower() in PLANNING_VERBS and trigger.head == light_verb:
        return "hypothetical"
    return _inherited_status(light_verb or trigger, same_side_order)


def _own_status(tok: Token) -> Status | None:
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return "negated"
    for child in tok.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in MODALS:
            return "hypothetical"
        if child.dep_ == "mark" and child.lower_ in CONDITION_MARKERS:
            return "hypothetical"
        if child.dep_ == "aux" and child.lower_ == "to" and tok.dep_ not in {"xcomp", "ccomp", "advcl", "acl"}:
            return "hypothetical"
    if tok.dep_ in {"pobj", "pcomp"} and tok.head.lower_ == "without":  # "without consulting Asmara"
        return "negated"
    return None


def _inherited_status(tok: Token, same_side_order: bool) -> Status:
    """Walk up the clause chain: governing verbs of intent, demand or refusal decide."""
    current = tok
    for _ in range(8):
        head = current.head
        if head == current:
            return "asserted"
        link = current.dep_
        if link in {"xcomp", "ccomp", "advcl", "acl", "relcl", "dobj", "pobj", "prep", "conj", "attr",
                    "oprd", "nsubj", "nsubjpass", "appos", "acomp", "npadvmod", "pcomp"}:
            verdict = _governor_verdict(current, head, same_side_order)
            if verdict:
                return verdict
            if link in {"relcl", "nsubj", "nsubjpass", "appos"}:
                return "asserted"
            current = head
            continue
        return "asserted"
    return "asserted"


def _governor_verdict(child: Token, head: Token, same_side_order: bool) -> Status | None:
    lemma = head.lemma_.lower()
    if child.dep_ == "pcomp" and head.lower_ == "against":
        return "hypothetical"  # "warned Seoul against arming Kyiv": what one warns against has not happened
    complement = child.dep_ in {"xcomp", "ccomp", "dobj", "pobj", "prep", "acomp"} or _infinitive_advcl(child)
    if complement and lemma in NEGATING_GOVERNORS and _governs_negatively(head, child):
        return "negated"
    if child.dep_ == "xcomp" and lemma in ORDER_GOVERNORS:  # "told X to go", not "told X that it went"
        return None if same_side_order else "hypothetical"
    if complement and lemma in HYPOTHETICAL_GOVERNORS:
        if lemma in {"suggest", "warn"} and not _speculating_subject(head):
            return None
        return "hypothetical"
    own = _own_status(head)
    if own:
        return own
    return None


def _infinitive_advcl(child: Token) -> bool:
    """"have sworn to fight" parsed as an adverbial clause: still the complement of a verb of intent or
    refusal; a purpose clause ("called a meeting to condemn X") is not."""
    return (child.dep_ == "advcl" and child.head.lemma_.lower() in COMPLEMENT_TAKERS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children))


def _governs_negatively(head: Token, child: Token) -> bool:
    if head.lemma_ == "call":
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)
    if head.lemma_ in {"deny", "reject", "dismiss", "refute"}:
        return child.dep_ == "ccomp"
    if head.lemma_ in {"ban", "bar", "prevent", "prohibit", "forbid", "restrict", "limit", "block", "stop", "keep"}:
        return child.dep_ == "prep" and child.lower_ == "from"
    return True


def _speculating_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in SPECULATORS for c in verb.children)
