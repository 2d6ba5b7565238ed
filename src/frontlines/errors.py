"""One exception tree, with coded messages.

Codes: E1xx ingest, E2xx nlp/pipeline, E3xx geo, E4xx time, E5xx actors/quotes,
E6xx events, E7xx store, E8xx eval, E9xx api/config.
A code is stable: rejections stored in the database keep it.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # ingest
    "E101": "file cannot be read",
    "E102": "file is empty",
    "E103": "file looks binary, not text",
    "E104": "malformed JSON record",
    "E105": "record has no text",
    "E106": "input is larger than the size limit",
    "E107": "truncated or corrupt web archive",
    "E108": "unsupported input format",
    "E109": "feed cannot be parsed",
    "E110": "HTML page has no main text",
    "E111": "bad front matter",
    "E112": "bad publication date",
    "E113": "JSON input is not valid UTF-8",
    # fetching (http and https only; frontlines.fetch)
    "E114": "fetch timed out",
    "E115": "response is larger than the size limit",
    "E116": "address refused (only http/https to public addresses unless configured)",
    "E117": "disallowed by robots.txt",
    "E118": "bad HTTP status",
    "E119": "too many redirects or a redirect loop",
    "E120": "unexpected content type",
    "E121": "connection failed",
    "E122": "polling the feed failed unexpectedly",
    "E123": "an alert could not be delivered to its sink",
    # nlp / pipeline
    "E201": "spaCy model is not installed",
    "E202": "processing the article failed",
    "E203": "article is not in English",
    "E204": "article is larger than the processing limit",
    # geo
    "E301": "gazetteer file is missing or corrupt",
    "E302": "GeoNames dump cannot be read",
    "E303": "packaged postal-code layer is corrupt or stale",
    # time
    "E401": "bad reference date",
    # actors / quotes
    "E501": "actor registry file is invalid",
    # events
    "E601": "event lexicon is invalid",
    "E602": "event sieve weights are missing or corrupt",
    # store
    "E701": "database cannot be opened",
    "E702": "database schema is out of date",
    "E703": "no such record",
    "E704": "user already exists",
    # eval
    "E801": "gold file cannot be read",
    "E802": "unknown eval task",
    # api / config
    "E901": "bad configuration",
    "E902": "bad request parameter",
    "E903": "request body is larger than the limit",
    "E904": "missing, wrong or revoked token",
    "E905": "the token's role may not do this",
    "E906": "invalid review",
    "E907": "invalid alert",
}


class FrontlinesError(Exception):
    """Base of every error frontlines raises on purpose."""

    code = "E000"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        self.detail = message
        summary = CATALOGUE.get(self.code, "error")
        super().__init__(f"[{self.code}] {summary}" + (f": {message}" if message else ""))


class IngestError(FrontlinesError):
    code = "E101"


class FetchError(IngestError):
    """A URL could not be fetched; ``transient`` when trying again later may succeed."""

    code = "E121"

    def __init__(self, message: str = "", *, code: str | None = None, transient: bool = False,
                 retry_after: float | None = None) -> None:
        super().__init__(message, code=code)
        self.transient = transient
        self.retry_after = retry_after  # seconds the server asked for (Retry-After), if it did


class NlpError(FrontlinesError):
    code = "E201"


class ArticleTooLarge(NlpError):
    """Refused before any work: the article is over the configured maximum (Settings.max_bytes)."""

    code = "E204"


class GeoError(FrontlinesError):
    code = "E301"


class TemporalError(FrontlinesError):
    code = "E401"


class ActorError(FrontlinesError):
    code = "E501"


class EventError(FrontlinesError):
    code = "E601"


class SieveError(FrontlinesError):
    """A weights file of the events sieve (frontlines.events.sieve.load_sieve) is missing or corrupt."""

    code = "E602"


class StoreError(FrontlinesError):
    code = "E701"


class NotFound(StoreError):
    code = "E703"


class EvalError(FrontlinesError):
    code = "E801"


class ConfigError(FrontlinesError):
    code = "E901"
