"""Shared by the argument tests: the (source country, target country) pairs coded in a sentence."""
from __future__ import annotations

from dyadwatch import code_text

PUBLISHED = "2024-07-31"


def primary(actor):
    return (actor.country or (actor.code or "")[:3] or None) if actor else None


def pairs(text: str, plover: str | None = None) -> set[tuple]:
    return {(primary(e.source), primary(e.target)) for e in code_text(text, published=PUBLISHED)
            if e.status == "asserted" and (plover is None or e.plover == plover)}
