"""Did it happen? Asserted, negated or hypothetical status of an event trigger.

Negation: a negating child ("not", "never", "no"), a negative trigger word ("absence"), or a
governing verb of failure or refusal ("failed to attend"), or a denial ("denied that ...").
Hypothetical: modals and future ("will", "could"), intention and expectation ("plans to",
"is expected to"), demands not (yet) met ("urged X to withdraw"), conditions ("if", "unless",
"until"), speculation ("analysts speculate that ..."), and hedged event nouns ("a possible summit").
The status of a governing clause carries down to the clauses it governs.
Nobody doing it negates too ("reached no agreement", "no deal was signed", "neither side attended"),
and so does a support verb that calls the event off ("cancelled a trade mission", "postponed the talks").
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
                     "intend", "agree", "decide", "prepare", "offer", "set", "schedule", "slate", "poise", "due"}
# Passives that schedule their subject: "talks are scheduled for Friday", "a visit is planned".
SCHEDULING_PASSIVES = {"schedule", "plan", "set", "slate", "expect", "propose", "envisage"}
HEDGE_MODIFIERS = {"planned", "possible", "potential", "proposed", "upcoming", "expected", "likely", "future",
                   "prospective", "rumored", "rumoured", "hypothetical", "anticipated", "impending", "scheduled",
                   "mooted", "tentative"}
# Support verbs whose event noun is only planned: "preparing a war", "plotting a coup", "mulling sanctions".
PLANNING_VERBS = {"prepare", "plan", "plot", "consider", "mull", "weigh", "contemplate", "envisage", "schedule"}
# Support verbs of a prospect, not an act: "faces sanctions", "or risk a military response".
PROSPECT_VERBS = {"face", "risk"}
# Support verbs that call their event noun off: "cancelled a trade mission", "shelved the talks".
CANCELLING_VERBS = {"cancel", "scrap", "postpone", "shelve", "defer", "delay"}
# Words for nobody and nothing, and the determiners that make an argument nobody ("no deal", "neither side").
NOBODY_WORDS = {"nobody", "nothing", "none"}
NOBODY_DETERMINERS = {"no", "neither"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj"}
# Nouns whose to-infinitive is only proposed, demanded or promised: "a proposal to hold talks", "a bid to join".
PROPOSAL_NOUNS = {"proposal", "plan", "offer", "bid", "call", "demand", "request", "appeal", "invitation",
                  "intention", "threat", "promise", "pledge", "vow", "ultimatum", "deadline", "readiness",
                  "willingness", "option", "idea", "push", "pressure", "order", "agreement", "deal", "commitment"}
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
    if any(_nobody_does_it(tok) for tok in heads) or _called_off(trigger, light_verb):
        return "negated"
    if trigger.pos_ == "NOUN" and any(c.lower_ in HEDGE_MODIFIERS for c in trigger.children):
        return "hypothetical"
    if light_verb is not None and light_verb.lemma_.lower() in PLANNING_VERBS | PROSPECT_VERBS \
            and trigger.head == light_verb:
        return "hypothetical"
    return _inherited_status(light_verb or trigger, same_side_order)


def _nobody_does_it(verb: Token) -> bool:
    """"reached no agreement", "no deal was signed", "neither Chile nor Peru signed", "nobody attended":
    a verb whose subject or object is nobody or nothing tells of an act that did not take place. Read for
    the trigger's own verb only: "no one was hurt when X shelled Y" does not negate the shelling."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    for argument in verb.children:
        if argument.dep_ not in ARGUMENT_DEPS:
            continue
        if argument.lower_ in NOBODY_WORDS or any(
                c.dep_ in {"det", "preconj"} and c.lower_ in NOBODY_DETERMINERS for c in argument.children):
            return True
    return False


def _called_off(trigger: Token, light_verb: Token | None) -> bool:
    """"cancelled a trade mission", "called off the summit": the support verb says the event will not be."""
    if light_verb is None or trigger.i == light_verb.i or not light_verb.is_ancestor(trigger):
        return False
    lemma = light_verb.lemma_.lower()
    if lemma == "call":
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in light_verb.children)
    return lemma in CANCELLING_VERBS


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
        if child.dep_ == "mark" and child.lower_ == "for" and _has_to(tok):
            return "hypothetical"  # "called for Serbia to withdraw": what is called for is not yet done
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
    if child.dep_ == "nsubjpass" and lemma in SCHEDULING_PASSIVES:
        return "hypothetical"  # "talks are scheduled for Friday": the talks are ahead
    if child.dep_ == "xcomp" and lemma == "be" and _has_to(child):
        return "hypothetical"  # "the president is to visit Lima": a plan
    if child.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in PROPOSAL_NOUNS and _has_to(child):
        return "hypothetical"  # "rejected a proposal to hold talks": the talks are only proposed
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
    if own == "negated" and _own_clause(child):
        return None  # "did not comment after Peru shelled the town": the shelling is told as fact
    if own:
        return own
    return None


def _own_clause(child: Token) -> bool:
    """A finite adverbial clause with a subject of its own ("after Peru shelled the town", "since troops
    attacked"): a negation in the clause it modifies does not reach into it."""
    return child.dep_ == "advcl" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children) and any(
        c.dep_ == "mark" and c.lower_ not in CONDITION_MARKERS for c in child.children)


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _infinitive_advcl(child: Token) -> bool:
    """"have sworn to fight" parsed as an adverbial clause: still the complement of a verb of intent or
    refusal; a purpose clause ("called a meeting to condemn X") is not."""
    return (child.dep_ == "advcl" and child.head.lemma_.lower() in COMPLEMENT_TAKERS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children))


def _governs_negatively(head: Token, child: Token) -> bool:
    if head.lemma_ == "call":
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)
    if head.lemma_ in {"deny", "reject", "dismiss", "refute"}:
        # "denied that it had attacked", "denied attacking the convoy"; not "rejected the plan to ..."
        return child.dep_ == "ccomp" or child.dep_ == "xcomp" and child.tag_ == "VBG"
    if head.lemma_ in {"ban", "bar", "prevent", "prohibit", "forbid", "restrict", "limit", "block", "stop", "keep"}:
        return child.dep_ == "prep" and child.lower_ == "from"
    return True


def _speculating_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in SPECULATORS for c in verb.children)
