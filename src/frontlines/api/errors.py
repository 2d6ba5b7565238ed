"""One error shape for every error the API returns: {"ok": false, "error": "...", "status": N, "code": "E..."}.

Handlers cover FastAPI validation errors (422), Starlette's HTTP errors (404 for
unknown paths, 405 for wrong methods), frontlines' coded errors, and anything
unexpected (500, with no internals leaked).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontlines.errors import FrontlinesError, NotFound, NlpError

log = logging.getLogger("frontlines.api")


class ErrorBody(BaseModel):
    """The body of every error response."""

    ok: bool = False
    error: str
    status: int
    code: str


# For route decorators: documents the error shape in the OpenAPI schema.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Not found"},
    422: {"model": ErrorBody, "description": "Bad parameter"},
}
WRITE_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    401: {"model": ErrorBody, "description": "Missing, wrong or revoked bearer token (E904)"},
    403: {"model": ErrorBody, "description": "The token's role may not do this (E905), or writes are disabled: "
                                             "no API token is configured and no users exist (E902)"},
}


class ApiError(Exception):
    """An error raised by a route with its HTTP status (and optional headers)."""

    def __init__(self, status: int, message: str, *, code: str = "E902", headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers


def error_response(status: int, message: str, code: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The one error shape, as a response."""
    body = ErrorBody(error=message, status=status, code=code).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


_HTTP_CODES = {404: "E703", 405: "E902", 401: "E902", 403: "E902"}


def _status_for(exc: FrontlinesError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if exc.code == "E902" or exc.code.startswith("E1"):
        return 422  # a bad parameter or a bad input record: the client's to fix
    if isinstance(exc, NlpError):
        return 503  # the model is not installed on the server
    return 500


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body", "header")]
        where = ".".join(loc) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through :func:`error_response`."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(exc), "E902")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return error_response(exc.status_code, message, _HTTP_CODES.get(exc.status_code, "E000"),
                              getattr(exc, "headers", None))

    @app.exception_handler(FrontlinesError)
    async def _frontlines(_request: Request, exc: FrontlinesError) -> JSONResponse:
        status = _status_for(exc)
        if status >= 500:
            log.error("request failed: %s", exc)
        return error_response(status, str(exc), exc.code)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # Internals (SQL, paths, tracebacks) stay in the server log, never in the response.
        log.exception("unexpected error: %s", type(exc).__name__)
        return error_response(500, "internal error", "E000")
