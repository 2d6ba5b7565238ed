"""Language identification.

Most input is English, so a cheap test comes first: the share of words that
are common English function words (about a third in English prose, near zero
in other languages). Only text that fails it goes to langdetect (made
deterministic), on a short sample, to name its language.
"""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on was with as by at from it he she they his her their its were be has have "
    "had said an are this which or but not who been will would after over into than also about".split()
)
ENGLISH_SHARE = 0.2  # function-word share above which text is taken as English without langdetect


def english_share(text: str) -> float:
    """Share of the words in ``text`` that are common English function words."""
    words = _WORDS.findall(text.lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS) / len(words)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:3000]
    if len(_LETTERS.findall(sample)) < 20:
        return None
    if english_share(sample) >= ENGLISH_SHARE:
        return "en"
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random by default; fix it so ingest is reproducible
    try:
        return detect(sample[:1000])
    except LangDetectException:
        return None
