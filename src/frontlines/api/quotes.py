"""/api/quotes: quotations with their speakers, filtered and paginated."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from frontlines.api.deps import MAX_TEXT, Limit, Offset, StoreDep, ok
from frontlines.api.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/quotes", tags=["quotes"], responses=ERROR_RESPONSES)


@router.get("", summary="List quotes",
            description="Direct and indirect quotes (newest articles first) with speaker, cue, medium and the "
                        "content span; filter by speaker, medium, article and directness.")
def list_quotes(
    store: StoreDep,
    speaker: Annotated[str | None, Query(max_length=MAX_TEXT, description="Speaker name contains.")] = None,
    medium: Annotated[str | None, Query(max_length=MAX_TEXT, description="Medium contains (Telegram, ...).")] = None,
    article: Annotated[str | None, Query(max_length=64, description="Only quotes of this article id.")] = None,
    direct: Annotated[bool | None, Query(description="true: direct quotes only; false: indirect only.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """List quotes."""
    rows, total = store.query_extraction_rows(
        "quotes", equals={"article_id": article, "direct": direct},
        contains={"speaker": speaker, "medium": medium}, limit=limit, offset=offset,
    )
    return ok({"ok": True, "total": total, "limit": limit, "offset": offset, "quotes": rows})
