"""/api/places: resolved places, grouped with mention counts, or every mention."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from frontlines.api.deps import MAX_TEXT, Limit, Offset, StoreDep, ok
from frontlines.api.errors import ERROR_RESPONSES
from frontlines.records import PlaceKind

router = APIRouter(prefix="/api/places", tags=["places"], responses=ERROR_RESPONSES)

GROUP_BY = ("name", "gazetteer_id", "kind", "lat", "lon", "admin1", "country")


@router.get("", summary="List places",
            description="Places the articles mention. By default grouped by gazetteer entry with `mentions` and "
                        "`articles` counts, most mentioned first; `group=false` lists every mention with its "
                        "span and article.")
def list_places(
    store: StoreDep,
    name: Annotated[str | None, Query(max_length=MAX_TEXT, description="Canonical name contains.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 country.")] = None,
    admin1: Annotated[str | None, Query(max_length=MAX_TEXT, description="First-order division contains.")] = None,
    kind: Annotated[PlaceKind | None, Query(description="settlement, admin1, river, ...")] = None,
    article: Annotated[str | None, Query(max_length=64, description="Only places of this article id.")] = None,
    group: Annotated[bool, Query(description="Group mentions by place (default) or list each mention.")] = True,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """List places."""
    rows, total = store.query_extraction_rows(
        "places", by=GROUP_BY if group else (),
        equals={"country": country.upper() if country else None, "kind": kind.value if kind else None,
                "article_id": article},
        contains={"name": name, "admin1": admin1}, limit=limit, offset=offset,
    )
    return ok({"ok": True, "total": total, "limit": limit, "offset": offset, "places": rows})
