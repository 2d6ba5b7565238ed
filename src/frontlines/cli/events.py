"""`frontlines events`: list extracted events, with filters."""

from __future__ import annotations

import datetime as dt

import typer
from rich.table import Table

from frontlines.cli import common


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'west,south,east,north' to floats, checked."""
    from frontlines.errors import FrontlinesError

    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError as exc:
        raise FrontlinesError(f"--bbox {value!r}: want west,south,east,north", code="E902") from exc
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90 and west <= east):
        raise FrontlinesError(f"--bbox {value!r}: out of range or reversed", code="E902")
    return west, south, east, north


def events(
    ctx: typer.Context,
    type_: str = typer.Option(None, "--type", help="PLOVER type (ASSAULT, RETREAT, ...)."),
    acled: str = typer.Option(None, "--acled", help="ACLED event_type or sub_event_type."),
    actor: str = typer.Option(None, help="Actor name contains."),
    country: str = typer.Option(None, help="ISO3 country of the event's place."),
    place: str = typer.Option(None, help="Place name contains."),
    bbox: str = typer.Option(None, help="west,south,east,north"),
    since: dt.datetime = typer.Option(None, formats=["%Y-%m-%d"], help="Event date on or after (YYYY-MM-DD)."),
    until: dt.datetime = typer.Option(None, formats=["%Y-%m-%d"], help="Event date on or before (YYYY-MM-DD)."),
    status: str = typer.Option(None, help="happened, ordered, claimed, ..."),
    text: str = typer.Option(None, "--text", help="Evidence sentence contains."),
    limit: int = typer.Option(100, min=1, max=100000, help="At most this many rows."),
    offset: int = typer.Option(0, min=0, help="Skip this many rows (paging)."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List events with their type, actors, place, date and status."""
    from frontlines.store import EventFilter, open_store
    from frontlines.vocabulary import check_event_filter

    with common.errors_to_exit():
        store = open_store(common.settings(ctx).db)
        rows = store.list_events(check_event_filter(EventFilter(
            plover_type=type_, acled_type=acled, actor=actor, country=country, place=place,
            bbox=parse_bbox(bbox), since=since.date() if since else None, until=until.date() if until else None,
            status=status, text=text, limit=limit, offset=offset,
        ), store))
        if json_out:
            from frontlines.export import event_json

            common.print_json([event_json(r) for r in rows])
            return
        table = Table(box=None, expand=False)
        # the date at its own precision ("2022", "2022-04", "2023-W50"), never a coarse date's first day
        for name, width in (("date", 21), ("type", 9), ("acled", 22), ("status", 9), ("actor1", 20),
                            ("place", 16), ("evidence", 50)):
            table.add_column(name, max_width=width, no_wrap=True, overflow="ellipsis")
        for r in rows:
            ev = r.event
            table.add_row(r.period or str(r.date or "-"), ev.plover_type, ev.acled_sub_event_type or "-", ev.status.value,
                          r.actor1 or "-", r.location or "-", ev.evidence.text.replace("\n", " "))
        common.out.print(table)


def register(app: typer.Typer) -> None:
    app.command("events")(events)
