"""/api/actors: actors grouped with mention counts, or every mention."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from frontlines.api.deps import MAX_TEXT, Limit, Offset, StoreDep, ok
from frontlines.api.errors import ERROR_RESPONSES
from frontlines.records import Sector

router = APIRouter(prefix="/api/actors", tags=["actors"], responses=ERROR_RESPONSES)

GROUP_BY = ("name", "country", "sector", "side")


@router.get("", summary="List actors",
            description="People, forces, governments and groups the articles mention. By default grouped by "
                        "canonical name, country, sector and side with `mentions` and `articles` counts; "
                        "`group=false` lists every mention with its span and article.")
def list_actors(
    store: StoreDep,
    name: Annotated[str | None, Query(max_length=MAX_TEXT, description="Canonical name contains.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 country.")] = None,
    side: Annotated[str | None, Query(max_length=64, description="Conflict side, exactly.")] = None,
    sector: Annotated[Sector | None, Query(description="military, government, civilian, ...")] = None,
    article: Annotated[str | None, Query(max_length=64, description="Only actors of this article id.")] = None,
    group: Annotated[bool, Query(description="Group mentions by actor (default) or list each mention.")] = True,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """List actors."""
    rows, total = store.query_extraction_rows(
        "actors", by=GROUP_BY if group else (),
        equals={"country": country.upper() if country else None, "side": side,
                "sector": sector.value if sector else None, "article_id": article},
        contains={"name": name}, limit=limit, offset=offset,
    )
    return ok({"ok": True, "total": total, "limit": limit, "offset": offset, "actors": rows})
