"""Acts dated after the report: what a report dates ahead of its own day has not happened yet.

"Chile and Peru hold talks next week", "the president visits Lima next month": the present tense of a
timetable. Such an event is scheduled (hypothetical), whatever its verb's tense. A statement of intent
about a later day ("will hold talks next week", coded as the intent it expresses) happened when it was
made, so it takes the day it was said, not the day it speaks of.
"""
from __future__ import annotations

import re
from datetime import date

from dyadwatch.time.values import TimeValue

# Expressions anchored forward from the publication day; "the next day" is a link back, not one of them.
AHEAD = re.compile(r"^(?:next|coming|this coming|upcoming)\b|\btomorrow\b|\blater this\b|\bin the coming\b",
                   re.IGNORECASE)


def lies_ahead(when: TimeValue | None, published: date | None) -> bool:
    """Whether the date is named as ahead of the publication day ("next week", "tomorrow") or is a calendar
    date after it. A bare weekday or month read forward from a future-tense clause is not enough: that
    reading is the tense test's, and a clause already in the future tense has its status from its verb."""
    if when is None or published is None:
        return False
    if when.basis == "relative":
        return AHEAD.search(when.text.strip()) is not None
    return when.basis == "explicit" and when.first_day() > published


def scheduled_status(status: str, when: TimeValue | None, published: date | None, recoded: bool) -> str:
    """"asserted" becomes "hypothetical" for an act dated ahead of the report; a recoded speech act (an
    intent, a threat) is asserted as said, and keeps its status."""
    if status == "asserted" and not recoded and lies_ahead(when, published):
        return "hypothetical"
    return status
