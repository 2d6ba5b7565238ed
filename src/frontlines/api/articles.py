"""/api/articles: list and read articles with every extraction and its span; POST new articles (token)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from frontlines.api.annotate import article_spans
from frontlines.api.deps import MAX_TEXT, IsoDate, Limit, Offset, StoreDep, require_token, ok
from frontlines.api.errors import ERROR_RESPONSES, WRITE_ERROR_RESPONSES, ApiError
from frontlines.records import ArticleStatus, to_dict
from frontlines.store import ArticleFilter, EventFilter

router = APIRouter(prefix="/api/articles", tags=["articles"], responses=ERROR_RESPONSES)

MAX_POST = 100  # articles per request
MAX_TEXT_CHARS = 5_000_000
SNIPPET = 240

StatusParam = Annotated[
    ArticleStatus | None, Query(description="pending, processed, skipped or failed.")
]


class ArticleIn(BaseModel):
    """An article to ingest: its text and what is known about it."""

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="The article body (plain text).")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    published: str | None = Field(None, max_length=64,
                                  description="Publication date (YYYY-MM-DD or RFC 822); the reference date "
                                              "for relative times.")
    source: str | None = Field(None, max_length=500, description="Outlet, e.g. Reuters.")
    language: str | None = Field(None, max_length=16, description="Language code; detected when absent.")


def _summary(article: Any) -> JSONResponse:
    d = to_dict(article)
    text = d.pop("text")
    d["snippet"] = text[:SNIPPET]
    d["chars"] = len(text)
    return d


@router.get("", summary="List articles",
            description="Articles (without their full text), newest first, filtered by status, source, "
                        "publication dates and a text search in title and body.")
def list_articles(
    store: StoreDep,
    status: StatusParam = None,
    source: Annotated[str | None, Query(max_length=500, description="Outlet, exactly.")] = None,
    since: Annotated[IsoDate | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[IsoDate | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT, description="Title or body contains.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> JSONResponse:
    """List articles."""
    if since and until and since > until:
        raise ApiError(422, f"since {since} is after until {until}")
    rows = store.list_articles(ArticleFilter(status=status.value if status else None, source=source, since=since,
                                             until=until, text=text, limit=limit, offset=offset))
    return ok({"ok": True, "limit": limit, "offset": offset, "articles": [_summary(a) for a in rows]})


@router.get("/{article_id}", summary="One article with all its extractions",
            description="The article's text, every extraction (places, times, quantities, actors, quotes, "
                        "events) as records with their evidence spans, a flat list of highlight spans with "
                        "what each became, and the keys of its events.")
def get_article(
    store: StoreDep,
    article_id: Annotated[str, Path(min_length=4, max_length=64, pattern=r"^[0-9A-Za-z]+$",
                                    description="Article id or an unambiguous prefix of it.")],
) -> JSONResponse:
    """One article with all its extractions."""
    article = store.get_article(article_id)
    extraction = store.get_extraction(article.id)
    events = store.list_events(EventFilter(article_id=article.id, limit=10_000))
    return ok({
        "ok": True,
        "article": to_dict(article),
        "extraction": to_dict(extraction),
        "spans": article_spans(extraction),
        "events": [{"key": e.key, "seq": e.seq, "plover_type": e.event.plover_type, "status": e.event.status.value,
                    "date": e.date.isoformat() if e.date else None, "location": e.location, "lat": e.lat,
                    "lon": e.lon}
                   for e in events],
    })


@router.post("", summary="Ingest and process articles",
             description="Store one article or a list of up to 100 (deduplicated like `frontlines ingest`) and "
                         "run the extraction pipeline over the new ones, then update incidents and territorial "
                         "control, through the same Runner as `frontlines run`, in a worker process beside "
                         "the server. A post of up to 20,000 characters of text is processed before the answer "
                         "(200) when no job is running; a larger one, or one posted while a job runs, is stored "
                         "and answered at once with 202 and a job (`Location: /api/jobs/{id}`) whose progress "
                         "`GET /api/jobs/{id}` reports. Needs `Authorization: Bearer TOKEN` matching the "
                         "configured api_token (FRONTLINES_API_TOKEN); without a configured token every write "
                         "is refused with 403. The model loads on the first POST.",
             responses={**WRITE_ERROR_RESPONSES, 202: {"description": "Stored; processing runs as a job."}},
             dependencies=[Depends(require_token)])
def post_articles(
    request: Request,
    store: StoreDep,
    body: Annotated[ArticleIn | list[ArticleIn], Body(description="One article or a list of articles.")],
) -> JSONResponse:
    """Ingest and process articles."""
    from frontlines.errors import IngestError
    from frontlines.ingest.normalise import parse_published
    from frontlines.ingest.readers import RawDoc

    items = body if isinstance(body, list) else [body]
    if not items:
        raise ApiError(422, "no articles given")
    if len(items) > MAX_POST:
        raise ApiError(422, f"{len(items)} articles in one request; at most {MAX_POST}")
    docs = []
    for i, item in enumerate(items):
        try:
            published = parse_published(item.published)
        except IngestError as exc:
            raise ApiError(422, f"article {i}: {exc}", code=exc.code) from exc
        docs.append(RawDoc(origin=f"api#{i}", text=item.text, title=item.title, url=item.url, source=item.source,
                           published=published, language=item.language))
    processor = request.app.state.processor
    if not processor.answer_now(docs):
        job, outcomes = processor.submit(store, docs)
        posted = processor.posted(store, outcomes)
        return ok({
            "ok": True,
            "stored": sum(1 for p in posted if p.outcome != "duplicate"),
            "processed": 0,
            "job": job.as_dict(),
            "articles": [to_dict(p) for p in posted],
        }, status_code=202, headers={"Location": f"/api/jobs/{job.id}"})
    posted = processor.ingest_and_process(store, docs)
    return ok({
        "ok": True,
        "stored": sum(1 for p in posted if p.outcome != "duplicate"),
        "processed": sum(1 for p in posted if p.status == ArticleStatus.PROCESSED.value and p.outcome == "stored"),
        "articles": [to_dict(p) for p in posted],
    })
