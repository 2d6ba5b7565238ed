"""Quantities: numbers tied to what they count."""

from frontlines.pipeline import Stage
from frontlines.quantities.numbers import LEXICON_KEY, extract_quantities, load_quantity_lexicon

STAGE = Stage(name="quantities.numbers", version="1", writes="quantities", reads=(), run=extract_quantities)

__all__ = ["LEXICON_KEY", "STAGE", "extract_quantities", "load_quantity_lexicon"]
