"""The trigger record shared by the rule finder (coding/triggers.py) and the learned layer's advice."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyadwatch.coding.lexicon import LexEntry


@dataclass(frozen=True)
class Trigger:
    """A word that codes an event, with its lexicon entry and the support verb lending arguments."""

    token: Token
    entry: LexEntry
    light_verb: Token | None = None
