"""When two documents belong to one story, and when one is a copy or near-duplicate of the other.

`doc_link(a, b)` is symmetric and looks at the two signatures only, so stories (connected components of
this relation) do not depend on the order documents arrive in.
"""
from __future__ import annotations

from dataclasses import dataclass

from dyadwatch.stories.signatures import DocSignature

NEAR_DUPLICATE = 0.6  # content-word Jaccard of a rewrite of the same article
VERBATIM_COPY = 0.8  # word 3-gram Jaccard of a wire copy (same text, maybe a different footer)
# Profile cosine (stories.profiles) two reports of one story reach: SAME_STORY when published the same
# day, rising by GAP_PENALTY over STORY_WINDOW_DAYS (follow-ups and background pieces weeks later must
# be closer in what they name). Documents of different stories published within the window stay below
# 0.18 on the real-news dev set, reports of one story mostly above 0.25.
SAME_STORY = 0.2
GAP_PENALTY = 0.1
STORY_WINDOW_DAYS = 60


@dataclass(frozen=True)
class DocLink:
    """Why two documents share a story: 'copy', 'near_duplicate' or 'story', with the content similarity."""

    doc_a: str
    doc_b: str
    kind: str
    similarity: float

    @property
    def duplicate(self) -> bool:
        return self.kind in {"copy", "near_duplicate"}


def doc_link(a: DocSignature, b: DocSignature) -> DocLink | None:
    """The link between two documents, or None when they tell different stories."""
    if a.doc_id == b.doc_id:
        return None
    first, second = sorted((a.doc_id, b.doc_id))
    similarity = a.content_similarity(b)
    if similarity >= NEAR_DUPLICATE:
        kind = "copy" if a.text_similarity(b) >= VERBATIM_COPY else "near_duplicate"
        return DocLink(first, second, kind, similarity)
    gap = days_apart(a, b)
    if gap is None or gap > STORY_WINDOW_DAYS:
        return None
    about = a.profile_similarity(b)
    if about >= story_threshold(gap):
        return DocLink(first, second, "story", round(about, 4))
    return None


def days_apart(a: DocSignature, b: DocSignature) -> int | None:
    if a.published is None or b.published is None:
        return None
    return abs((a.published - b.published).days)


def story_threshold(gap_days: int) -> float:
    """The profile cosine two documents published `gap_days` apart need to share a story."""
    return SAME_STORY + GAP_PENALTY * min(gap_days, STORY_WINDOW_DAYS) / STORY_WINDOW_DAYS


def original_of(group: list[DocSignature]) -> DocSignature:
    """The original among copies: the earliest published (undated last), then the smallest id."""
    return min(group, key=lambda s: (s.published is None, s.published or 0, s.doc_id))
