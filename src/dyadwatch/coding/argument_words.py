"""Word lists that steer argument finding: which dependents and prepositions name parties, and which
verbs and nouns shift who did a thing (control, judging, stance, issued texts, patients, venues)."""
from __future__ import annotations

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
TARGET_PREPS = {"with", "to", "against", "on", "at", "toward", "towards", "into", "upon", "over", "in",
                "from", "for", "between", "onto"}
# Event nouns whose "of" complement is the actor doing it ("the visit of the president").
OF_IS_SOURCE = {"visit", "trip", "tour", "withdrawal"}  # "the invasion of Lebanon": Lebanon is invaded
# Journeys whose modifier, once "of" names the traveller, is where to ("the Taiwan visit of the speaker").
DESTINATION_NOUNS = {"visit", "trip", "tour"}
# Gatherings whose "of" complement lists who gathered ("a meeting of foreign ministers").
GATHERING_NOUNS = {"meeting", "summit", "talk", "talks", "conference", "session", "gathering", "round", "congress"}
# Object-control verbs: in "X told Y to do Z", Y does Z.
OBJECT_CONTROL = {"order", "instruct", "direct", "tell", "ask", "urge", "force", "compel", "allow",
                  "permit", "persuade", "press", "push", "encourage", "invite", "call", "require", "authorize",
                  "prompt", "spur", "cause", "lead", "drive"}  # "..., prompting Chile to recall its envoy"
# Verbs that judge somebody "for"/"of" doing something: that somebody did it.
JUDGING_VERBS = {"accuse", "blame", "charge", "suspect", "criticize", "criticise", "condemn", "praise", "thank",
                 "fault", "punish", "sanction", "arrest", "convict", "indict", "commend", "congratulate", "warn",
                 "caution"}
# Plural heads whose "of" complement lists the parties ("the foreign ministers of A and B").
PLURAL_OF_HEADS = {"leader", "minister", "president", "head", "representative", "official", "delegation",
                   "government", "envoy", "diplomat", "chief", "navy", "army", "force", "country", "nation"}
# Things issued that speak for their issuer: "issued a statement demanding ..." (the issuer demands),
# unlike "removed a plaque honouring ..." (the plaque honours).
ISSUED_TEXTS = {"statement", "letter", "note", "message", "communique", "declaration", "resolution", "appeal",
                "decree", "order", "notice", "ultimatum", "warning", "call", "request", "bill", "law", "memo",
                "report", "release", "protest", "complaint", "directive", "instruction", "proposal", "plan",
                "reminder"}
# Participles that describe their subject's stance after "be": "is opposed to", "is committed to".
STATIVE_PARTICIPLES = {"oppose", "commit", "determine", "dedicate", "devote", "prepare", "resolve", "opposed", "engage",
                       "involve",
                       "committed", "determined", "prepared"}
# Verbs judging a thing somebody did: the doer is the target ("condemned the Israeli strike").
STANCE_VERBS = {"condemn", "criticize", "criticise", "denounce", "deplore", "slam", "welcome", "praise", "hail",
                "applaud", "protest", "reject", "oppose", "question", "blast", "decry", "lament", "regret",
                # replies to a claim and backing of a thing: "denied Chile's claims", "approved X's accession"
                "deny", "dismiss", "refute", "rebuff", "rebut", "support", "back", "endorse", "approve", "accept"}
# Stance verbs that censure an act: its victims are not who is censured ("condemned the attacks on X").
CENSURE_VERBS = {"condemn", "criticize", "criticise", "denounce", "deplore", "slam", "protest", "blast", "decry",
                 "lament", "regret"}
# Backing a measure is backing it against whom it is aimed: "backed UN sanctions against X" is about X.
BACKING_VERBS = {"support", "back", "endorse", "approve", "accept"}
# Acts done to somebody: their possessor is who suffered it ("his expulsion", "Kenya's isolation"), not its doer.
PATIENT_NOUNS = {"expulsion", "arrest", "detention", "killing", "murder", "assassination", "death", "abduction",
                 "kidnapping", "execution", "imprisonment", "isolation", "ouster", "overthrow", "removal",
                 "release", "capture", "deportation", "extradition", "surrender", "defeat"}
# Things made by somebody: an "of" complement is their author ("the decision of the junta").
AUTHORED_NOUNS = {"decision", "move", "policy", "claim", "allegation", "accusation", "charge", "remark", "comment",
                  "action", "conduct", "behaviour", "behavior", "stance", "position", "offer", "demand"}
DEMONYM_TARGET_PREPS = {"on", "against", "to", "into", "at"}
# "a Greek-flagged ship": the hyphened participles that make a demonym the owner of the thing.
OWNERSHIP_PARTICIPLES = {"flagged", "registered", "owned", "operated", "crewed", "manned", "controlled"}
# Meeting verbs: "met at NATO headquarters", "talks in Doha" say where, not with whom.
MEETING_VERBS = {"meet", "talk", "discuss", "negotiate", "confer", "consult", "convene", "gather",
                 "sign", "ink", "seal", "conclude"}  # "signed the accord in Doha": Doha is the venue
LOCATIVE_PREPS = {"in", "at", "near", "on", "inside"}
VENUE_PREPS = {"in", "at", "near", "inside"}  # "on" is also what an act is on ("sanctions on X")
SHARED_PLACES = {"border", "frontier", "side", "boundary"}
SMALL_CLAUSE_VERBS = {"declare", "deem", "designate", "label", "brand", "list"}  # "declared X persona non grata"
HELP_NOUNS = {"help", "support", "assistance", "backing", "aid", "cooperation", "blessing", "consent"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom", "whose"}
PERSONAL_PRONOUNS = {"it", "they", "he", "she", "we", "i"}
# Clause links through which a verb inherits its subject from its head.
INHERIT_SUBJECT = {"xcomp", "conj", "advcl", "acomp"}


MODIFIER_DEPS = {"amod", "compound", "nmod"}
LISTING_PREPS = {"including", "like"}
# Dependents that start a clause or another phrase inside a noun phrase.
PHRASE_STOPS = {"relcl", "acl", "ccomp", "advcl", "conj", "appos", "cc", "punct"}
# Things somebody sends or gives, whose "from" phrase is who: "a warning from X", "aid from Y". Not moves
# ("withdrawal from X": X is left) nor removals ("expulsion from X").
FROM_IS_SOURCE = ISSUED_TEXTS | HELP_NOUNS | {"threat", "demand", "pressure", "criticism", "condemnation", "offer",
                                              "invitation", "rebuke", "reprimand", "overture"}
