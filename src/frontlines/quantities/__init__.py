"""Quantities: numbers tied to what they count."""

from frontlines.quantities.lexicon import QuantityLexicon, load_quantity_lexicon
from frontlines.quantities.numbers import extract_quantities
from frontlines.stages import Stage, data_file

STAGE = Stage(
    name="quantities.numbers",
    code_version="3",  # 2: a counted noun joined by "and" shares what befell the first ("five soldiers and two civilians died")
    # 3: a death toll's figure counts the dead ("the death toll rose to 47", "bringing the toll to 47", "a toll of 47")
    writes="quantities",
    reads=(),
    run=extract_quantities,
    data_files=(data_file("events", "quantities.yaml"),),
)

__all__ = ["STAGE", "QuantityLexicon", "extract_quantities", "load_quantity_lexicon"]
