"""/api/alerts: saved filters whose new matching incidents and control changes are sent to a sink.

Reading the list is open like every read (a webhook's path and query, which often carry a secret, are
shown as "..."); adding and removing need a reviewer's or an admin's token.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from frontlines.alerts import define_alert
from frontlines.alerts.deliver import sink_kind
from frontlines.api.deps import ReviewerDep, SettingsDep, StoreDep, ok
from frontlines.api.errors import WRITE_ERROR_RESPONSES, ApiError
from frontlines.errors import FrontlinesError
from frontlines.records import Alert, to_dict

router = APIRouter(prefix="/api/alerts", tags=["alerts"], responses=WRITE_ERROR_RESPONSES)


class AlertIn(BaseModel):
    """An alert to add: every filter given must match (docs/guide/watching.md#alerts)."""

    name: str = Field(max_length=64, description="A unique name, sent in every object.")
    to: str = Field(max_length=2000, description="stdout (the server's), a file path on the server (JSON lines "
                                                 "appended) or an http(s) webhook URL (one POST each).")
    bbox: str | None = Field(None, max_length=120, description="west,south,east,north in degrees.")
    place: str | None = Field(None, max_length=200, description="A gazetteer place name or id.")
    radius_km: float | None = Field(None, ge=0, le=20000, description="Kilometres around the place.")
    type: str | None = Field(None, max_length=32, description="A PLOVER type (incidents) or CONTROL.")
    actor: str | None = Field(None, max_length=200, description="An actor's name contains this.")
    side: str | None = Field(None, max_length=64, description="A side (ISO3 or group).")
    status: str | None = Field(None, max_length=16, description="A realis (happened, claimed, ...) or a control "
                                                                "status (claimed, confirmed, disputed).")
    min_killed: int | None = Field(None, ge=0, description="The highest killed figure is at least this.")


def shown(alert: Alert) -> dict[str, object]:
    """An alert as the API shows it: a webhook's path and query left out (they often carry a secret)."""
    data = to_dict(alert)
    if sink_kind(alert.sink) == "webhook":
        scheme, _, rest = alert.sink.partition("://")
        data["sink"] = f"{scheme}://{rest.split('/', 1)[0].split('?', 1)[0]}/..."
    return data


@router.get("", summary="List alerts",
            description="Every alert with its filters, its sink (a webhook's path hidden), how many objects it "
                        "sent and how many failed, and the last failure's code and reason.")
def list_alerts(store: StoreDep) -> JSONResponse:
    """List alerts."""
    return ok({"ok": True, "alerts": [shown(a) for a in store.list_alerts()]})


@router.post("", summary="Add an alert", status_code=201,
             description="Save a filter (bbox or place with a radius, type, actor, side, status, minimum killed) "
                         "and a sink; each new incident or control change that matches is sent there once, as "
                         "one JSON object. A bad filter or sink is a 422 (E907), a name in use a 409. Reviewers "
                         "and admins.")
def add_alert(store: StoreDep, settings: SettingsDep, _user: ReviewerDep,
              body: Annotated[AlertIn, Body(description="The alert's name, filters and sink.")]) -> JSONResponse:
    """Add an alert."""
    try:
        alert = store.add_alert(define_alert(
            store, name=body.name, sink=body.to, gazetteer_path=settings.gazetteer_path, bbox=body.bbox,
            place=body.place, radius_km=body.radius_km, plover_type=body.type, actor=body.actor, side=body.side,
            status=body.status, min_killed=body.min_killed))
    except FrontlinesError as exc:
        if exc.code != "E907":
            raise
        raise ApiError(409 if "exists" in exc.detail else 422, exc.detail, code=exc.code) from exc
    return ok({"ok": True, "alert": shown(alert)}, status_code=201)


@router.delete("/{alert_id}", summary="Remove an alert",
               description="Delete an alert and what it remembers having sent; a 404 when there is none. "
                           "Reviewers and admins.")
def remove_alert(store: StoreDep, _user: ReviewerDep,
                 alert_id: Annotated[int, Path(ge=1, le=2**31, description="The alert's id.")]) -> JSONResponse:
    """Remove an alert."""
    if not store.remove_alert(alert_id):
        raise ApiError(404, f"no alert {alert_id}", code="E703")
    return ok({"ok": True, "removed": alert_id})
