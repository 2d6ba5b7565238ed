"""Characters lost in transcoding, read as the spaces they stood for.

A text that went through a codec without the characters it held (a non-breaking space, a
Cyrillic letter, an emoji) keeps a question mark for each: "in the area of ??Kupyansk". The
small model reads those marks as sentence ends, so the name after them falls out of the
sentence of its event. :func:`blank_lost_characters` hands the parser a space for each mark
instead, the text's length (so every offset) unchanged.

Only a run of two or more marks glued to the letter after it counts ("??Kupyansk", "????
Ukraine"), never marks after a word ("What??"), where a writer put them.
"""

from __future__ import annotations

import re

# two or more question marks (or replacement characters) at the start of a word: after the text's
# start, a space or an opening bracket or quote, and glued to a letter or to another such run
_LOST = re.compile(r"(?:(?<=^)|(?<=[\s(\[\"'\u201c\u2018]))[?\ufffd]{2,}(?=[^\W\d_])", re.MULTILINE)


def blank_lost_characters(text: str) -> str:
    """``text`` with each run of lost characters before a word written as spaces (same length)."""
    return _LOST.sub(lambda m: " " * len(m.group()), text)
