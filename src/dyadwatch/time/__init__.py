"""time stage: when events happened. Finds dated expressions (dyadwatch_time spaCy component),
keeps a document timeline for anaphors, and picks the time that belongs to an event trigger."""
from dyadwatch.time.choose import event_time, publication_fallback, sentence_times
from dyadwatch.time.context import inherited_time
from dyadwatch.time.component import TimeTagger, make_time_tagger, tag_times
from dyadwatch.time.expressions import TimeMention, find_time_expressions, normalize_expression
from dyadwatch.time.values import TimeValue

__all__ = [
    "TimeMention",
    "TimeTagger",
    "TimeValue",
    "event_time",
    "find_time_expressions",
    "inherited_time",
    "make_time_tagger",
    "normalize_expression",
    "publication_fallback",
    "sentence_times",
    "tag_times",
]
