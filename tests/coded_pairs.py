"""Shared by the argument tests: the (source country, target country) pairs coded in a sentence."""
from __future__ import annotations

from dyadwatch import code_text

PUBLISHED = "2024-07-31"


def primary(actor):
    return (actor.country or (actor.code or "")[:3] or None) if actor else None


def pairs(text: str, plover: str | None = None) -> set[tuple]:
    return {(primary(e.source), primary(e.target)) for e in code_text(text, published=PUBLISHED)
            if e.status == "asserted" and (plover is None or e.plover == plover)}


def coded(text: str, published: str = "2024-05-02") -> list[tuple]:
    """(source country, target country, PLOVER type, status) of every event coded in `text`."""
    return [(primary(e.source), primary(e.target), e.plover, e.status) for e in code_text(text, published=published)]


def has(got: list[tuple], source, target, plover: str) -> bool:
    return any((s, t, p, st) == (source, target, plover, "asserted") for s, t, p, st in got)
