"""Time: temporal expressions normalised against the publication date.

:func:`tag_times` works on plain text (tests, the events stage); :data:`STAGE`
runs it over an article's parsed Doc, whose tags let tense decide which way
"on Friday" or "in March" points.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from frontlines.pipeline import Stage, StageInput
from frontlines.records import TimeValue
from frontlines.time.tagger import TimeTagger, build_tagger

__all__ = ["STAGE", "TimeTagger", "build_tagger", "extract_times", "tag_times"]

_TAGGER_KEY = "time_tagger"


@functools.lru_cache(maxsize=1)
def _default_tagger() -> TimeTagger:
    # Built on first use, not at import: the compiled rules are immutable and shared.
    return build_tagger()


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
    """
    return (tagger or _default_tagger()).tag(text, reference, article_id=article_id, doc=doc)


def extract_times(inp: StageInput) -> tuple[TimeValue, ...]:
    """The pipeline stage: tag the article's text, using its Doc for tense."""
    tagger = inp.resources.extra.get(_TAGGER_KEY) if inp.resources is not None else None
    return tag_times(inp.article.text, inp.article.published, article_id=inp.article.id, doc=inp.doc,
                     tagger=tagger)


STAGE = Stage(name="time.timex", version="2", writes="times", reads=(), run=extract_times)
