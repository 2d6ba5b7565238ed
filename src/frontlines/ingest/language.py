"""Language identification (langdetect, made deterministic)."""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:3000]
    if len(_LETTERS.findall(sample)) < 20:
        return None
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random by default; fix it so ingest is reproducible
    try:
        return detect(sample)
    except LangDetectException:
        return None
