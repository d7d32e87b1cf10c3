"""Actors stage: actor mentions in news text resolved to CAMEO-style codes (primary + sector).

resolve_text / resolve_span for single noun phrases; the "dyadwatch_actors" spaCy component for documents
(writes doc.spans["actors"] and doc.spans["actor_groups"]; see dyadwatch.actors.component).
"""
from dyadwatch.actors.component import ACTOR_GROUP_SPANS, ActorComponent, group_members
from dyadwatch.actors.gazetteer import load_gazetteer
from dyadwatch.actors.located import acted_on
from dyadwatch.actors.resolve import (
    agent_noun_sector, country_of_word, is_person_title, names_a_people, names_the_state, resolve_span,
    resolve_text,
)

__all__ = [
    "ACTOR_GROUP_SPANS", "ActorComponent", "acted_on", "agent_noun_sector", "country_of_word", "group_members",
    "is_person_title", "load_gazetteer", "names_a_people", "names_the_state", "resolve_span", "resolve_text",
]
