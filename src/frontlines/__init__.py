"""frontlines: English conflict reporting in, a sourced, geolocated, dated event database out."""

__version__ = "0.1.0"
