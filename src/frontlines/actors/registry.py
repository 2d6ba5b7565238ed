"""The actor registry (placeholder until issue 6 lands)."""

from __future__ import annotations

from typing import Any


def load_actor_registry(extra_file: str | None = None) -> Any:
    """Load the packaged registry plus a user's file; None until the actors stage lands."""
    return None
