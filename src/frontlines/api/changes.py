"""/api/changes: how many events, incidents and control changes were stored since a cursor (the map's notice)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from frontlines.api.deps import StoreDep, ok
from frontlines.api.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/changes", tags=["changes"], responses=ERROR_RESPONSES)

CURSOR = r"^[0-9]{1,18}\.[0-9]{1,18}\.[0-9]{1,18}$"


def format_cursor(cursor: tuple[int, int, int]) -> str:
    return ".".join(str(n) for n in cursor)


@router.get("", summary="What changed since a cursor",
            description="Counts of the events, incidents and control changes stored after `since` (a cursor this "
                        "route gave), and the cursor to ask from next time; without `since`, only the cursor. "
                        "Cheap at any size (range counts on indexed columns), for polling: the map asks every few "
                        "seconds and offers to show what is new. An incident merged again (it gained a report) "
                        "counts as new.")
def changes(
    store: StoreDep,
    since: Annotated[str | None, Query(pattern=CURSOR, description="A cursor from an earlier answer "
                                                                   "(e.g. 1520.31.402).")] = None,
) -> JSONResponse:
    """What changed since a cursor."""
    cursor = tuple(int(n) for n in since.split(".")) if since else None
    found = store.changes_since(cursor)  # type: ignore[arg-type]
    new = {"events": found.events, "incidents": found.incidents, "control_changes": found.control_changes}
    return ok({"ok": True, "cursor": format_cursor(found.cursor), "since": since, "new": new},
              headers={"Cache-Control": "no-store"})
