"""The built-in gazetteer (placeholder until issue 4 lands)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load_gazetteer(path: Path) -> Any:
    """Open the gazetteer at ``path``; None until the geo stage lands."""
    return None
