"""Time: temporal expressions normalised against the publication date.

:func:`tag_times` works on plain text (tests, tools); :data:`STAGE` runs the injected
``Resources.time_tagger`` over an article's parsed Doc, whose tags let tense decide which
way "on Friday" or "in March" points.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from frontlines.records import TimeValue
from frontlines.stages import Stage, StageInput
from frontlines.time.tagger import TimeTagger, build_tagger

__all__ = ["STAGE", "TimeTagger", "build_tagger", "extract_times", "tag_times"]


def tag_times(
    text: str,
    reference: dt.date | None,
    *,
    article_id: str = "",
    doc: Any = None,
    tagger: TimeTagger | None = None,
) -> tuple[TimeValue, ...]:
    """Find and normalise every temporal expression in ``text``.

    Relative expressions resolve against ``reference`` (the publication date);
    without one they come back with ``resolution=unresolved`` and no invented
    date. ``doc`` (the spaCy Doc of ``text``) is optional and only sharpens tense.
    Without ``tagger`` one is built for this call: pass one when tagging many texts.
    """
    return (tagger or build_tagger()).tag(text, reference, article_id=article_id, doc=doc)


def extract_times(inp: StageInput) -> tuple[TimeValue, ...]:
    """The pipeline stage: tag the article's text with ``Resources.time_tagger``, using its Doc for tense."""
    tagger = inp.resources.time_tagger
    if tagger is None:
        # Kept on the injected Resources (not a module global) so that a run builds it once.
        tagger = inp.resources.time_tagger = build_tagger()
    return tagger.tag(inp.article.text, inp.article.published, article_id=inp.article.id, doc=inp.doc)


# no data files: the time lexicon is code (frontlines.time.lexicon), covered by the code version
# 3: "30 August last year" is that day, "February of that year" the focus's; early/mid/late narrow a month to
# its third; "midnight on Friday"; a day without a year near an explicit date takes its year; "Bill 2024" is a name
# 4: "today"/"yesterday" inside a quotation count from the day its sentence says it was spoken; "the week before",
# "the month after" are the week or month next to the text's focus
# 5: an early, mid or late part of a day is on the narrative's day ("in the early afternoon"); a clock time's zone is
# written in capitals ("2 p.m. Another" took "Anot" for one)
# 6: "over the past day", "in the last day" is a report's last day, as "the past 24 hours" (was "the past": PAST_REF,
# an event with no date); "the last day" with no preposition before it is the final one
# 7: (branch dates4) a weekday with the week it falls in ("on Monday last week", "Friday of last week") is that day of
# the week named, not the weekday alone and a week beside it
# 8: (branch dates4) "later that month" after a day of it runs from the day after; after a month, its last third (as
# "late April"); "earlier that month" the days before, or its first third (an edge word on a month of the focus)
STAGE = Stage(name="time.timex", code_version="12", writes="times", reads=(), run=extract_times)
