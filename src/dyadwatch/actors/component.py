"""The actors stage as a spaCy component: finds actor mentions and writes doc.spans["actors"].

Output, per document:
  doc.spans["actors"]        one span per mention, in text order, never overlapping; span._.actor is an
                             Actor whose .text is the span text. span.label_ is "ACTOR" for a mention
                             that names its actor and "COREF" for a resolved reference ("the regime", "he").
  doc.spans["actor_groups"]  group references ("both sides", "the two countries"): a span labelled "GROUP"
                             over the words, followed by its members, labelled "MEMBER", which are the
                             earlier mentions it points back to (their span._.actor is the antecedent's
                             actor). Use `group_members(doc)` for ready-made member Actors.
Works on spacy.blank("en") (dictionary matching only); with the full model it also uses the parse
(demonym as adjective vs noun) and named entities (people's names, "Paris Hilton" is no Paris).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from dyadwatch.actors.gazetteer import load_gazetteer
from dyadwatch.actors.located import located_mentions, placed_office_holders
from dyadwatch.actors.matching import PieceFinder
from dyadwatch.actors.mentions import Mention, find_mentions
from dyadwatch.actors.names import short_name_spans
from dyadwatch.actors.groups import GROUP_HEADS
from dyadwatch.actors.references import GroupReference, resolve_references, retext, state_actor
from dyadwatch.actors.resolve import actor_for, as_date
from dyadwatch.nlp.extensions import ACTOR_SPANS, register_extensions
from dyadwatch.records import Actor

ACTOR_GROUP_SPANS = "actor_groups"
DIRECT, COREF, GROUP, MEMBER = "ACTOR", "COREF", "GROUP", "MEMBER"


class ActorComponent:
    """Pipeline component: gazetteer matching (built once) and mention resolution per doc."""

    def __init__(self, nlp: Language, name: str = "dyadwatch_actors", resolve_references: bool = True):
        register_extensions()
        self.name = name
        self.resolve_references = resolve_references
        self.finder = PieceFinder(nlp.vocab, load_gazetteer())

    def __call__(self, doc: Doc) -> Doc:
        on = as_date(doc._.published)
        mentions = [m for m in find_mentions(doc, self.finder.pieces(doc)) if not _in_dateline(doc, m.start)]
        resolved = [(m, actor_for(doc, m, on)) for m in mentions]
        spans = [labelled(doc, m.start, m.end, DIRECT, a) for m, a in resolved if a is not None]
        group_spans: list[Span] = []
        if self.resolve_references:
            short = short_name_spans(doc, spans, COREF)  # "Putin" after "Vladimir Putin": an antecedent too
            named = [(Mention(s.start, s.end, name_span=(s.start, s.end)), s._.actor) for s in short]
            references, groups = resolve_references(doc, sorted(resolved + named, key=lambda item: item[0].start))
            spans += short + [labelled(doc, r.start, r.end, COREF, r.actor) for r in references]
            spans = [s for s in spans if not inside_state_group(s, groups)]
            group_spans = [span for g in groups for span in group_layout(doc, g, spans)]
        unresolved = [m for m, a in resolved if a is None]
        spans += [labelled(doc, m.start, m.end, DIRECT, a) for m, a in located_mentions(doc, unresolved, spans)]
        spans += [labelled(doc, m.start, m.end, DIRECT, a) for m, a in placed_office_holders(doc, unresolved, spans)]
        doc.spans[ACTOR_SPANS] = sorted(spans, key=lambda s: s.start)
        doc.spans[ACTOR_GROUP_SPANS] = group_spans
        return doc


def _in_dateline(doc: Doc, i: int) -> bool:
    return any(start <= i < end for start, end in doc._.datelines or ())


def inside_state_group(span: Span, groups: list[GroupReference]) -> bool:
    """"the ex-Soviet rivals": a name qualifying a group of states is part of the group, not an actor."""
    return any(g.start <= span.start and span.end <= g.end and g.antecedents
               and GROUP_HEADS[span.doc[g.end - 1].lower_][0] == "state" for g in groups)


def labelled(doc: Doc, start: int, end: int, label: str, actor: Actor | None) -> Span:
    span = Span(doc, start, end, label=label)
    if actor is not None:
        span._.actor = replace(actor, text=span.text)
    return span


def group_layout(doc: Doc, group: GroupReference, actor_spans: list[Span]) -> list[Span]:
    """The GROUP span and its MEMBER spans (the antecedent mentions, already carrying their actors).

    "the two Koreas" has no antecedents; its members are found among the doc's Korean mentions."""
    by_offsets = {(s.start, s.end): s for s in actor_spans}
    members = [by_offsets[a] for a in group.antecedents if a in by_offsets]
    if not group.antecedents:
        codes = [m.country for m in group.members]
        members = [next((s for s in actor_spans if s._.actor.country == c), None) for c in codes]
        members = [m for m in members if m is not None]
    if len(members) != len(group.members):
        return []
    return [Span(doc, group.start, group.end, label=GROUP)] + [Span(doc, m.start, m.end, label=MEMBER) for m in members]


def group_members(doc: Doc) -> list[tuple[Span, list[Actor]]]:
    """Each group reference with its member actors: text is the group's words ("both sides") and the
    sector comes from the group noun ("both governments" → GOV, "the two leaders" keeps each person's)."""
    out: list[tuple[Span, list[Actor]]] = []
    for span in doc.spans[ACTOR_GROUP_SPANS] if ACTOR_GROUP_SPANS in doc.spans else []:
        if span.label_ == GROUP:
            out.append((span, []))
        elif span.label_ == MEMBER and out and span._.actor is not None:
            group = out[-1][0]
            kind, sector = GROUP_HEADS.get(group[-1].lower_, ("state", None))
            antecedent = span._.actor
            member = retext(antecedent, group.text) if kind == "person" else state_actor(antecedent, group.text, sector)
            out[-1][1].append(member)
    return out


@Language.factory(
    "dyadwatch_actors",
    assigns=["doc.spans", "span._.actor"],
    requires=[],
    default_config={"resolve_references": True},
)
def make_actor_component(nlp: Language, name: str, resolve_references: bool) -> ActorComponent:
    """Factory for nlp.add_pipe("dyadwatch_actors"); uses the parse and NER when earlier components set them."""
    return ActorComponent(nlp, name, resolve_references)
