"""Evaluation: scoring stored events against gold sets (the seeds format and the PLOVER gold standard)."""
from dyadwatch.evaluation.gold import score_gold
from dyadwatch.evaluation.gsr import score_gsr
from dyadwatch.evaluation.stories import score_stories

__all__ = ["score_gold", "score_gsr", "score_stories"]
