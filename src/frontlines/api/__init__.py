"""The REST API and the web map, served by one FastAPI app: ``create_app(settings)``."""

from frontlines.api.app import create_app

__all__ = ["create_app"]
