"""`frontlines alerts list|add|remove`: saved filters sent when a new incident or control change matches."""

from __future__ import annotations

import typer
from rich.table import Table

from frontlines.cli import common

alerts_app = typer.Typer(help="Manage alerts: saved filters whose new matching incidents and control changes are "
                              "sent as JSON to stdout, a file or a webhook (docs/guide/watching.md#alerts).",
                         no_args_is_help=True)


def _filters(a: object) -> str:
    parts = []
    for name in ("bbox", "place", "radius_km", "plover_type", "actor", "side", "status", "min_killed"):
        value = getattr(a, name)
        if value is not None:
            parts.append(f"{name}={','.join(f'{v:g}' for v in value) if name == 'bbox' else value}")
    return " ".join(parts) or "everything"


@alerts_app.command("list")
def list_alerts(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print JSON (every field of each alert)."),
) -> None:
    """List the alerts: filters, sink, objects sent and failed, the last failure (code and reason)."""
    from frontlines.store import open_store

    with common.errors_to_exit():
        alerts = open_store(common.settings(ctx).db).list_alerts()
        if json_out:
            common.print_json(alerts)
            return
        table = Table("id", "name", "filters", "to", "sent", "failed", "last error", box=None)
        for a in alerts:
            error = f"[{a.last_error_code}] {a.last_error}" if a.last_error_code else "-"
            table.add_row(str(a.id), a.name, _filters(a), a.sink, str(a.delivered), str(a.failed), error)
        common.out.print(table)


@alerts_app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A name for the alert (unique; sent in every object)."),
    to: str = typer.Option(..., "--to", help="Where matches go: stdout, a FILE (JSON lines appended) or an "
                           "http(s) URL (one POST each; private addresses need fetch_allow_networks)."),
    bbox: str = typer.Option(None, "--bbox", help="west,south,east,north in degrees."),
    place: str = typer.Option(None, "--place", help="A gazetteer place name or id (geonames:706448)."),
    radius: float = typer.Option(None, "--radius", min=0, help="Kilometres around --place (default: the place "
                                 "itself, by id or name)."),
    type_: str = typer.Option(None, "--type", help="A PLOVER event type (incidents), or CONTROL for control "
                              "changes only."),
    actor: str = typer.Option(None, "--actor", help="An actor's name contains this (any case)."),
    side: str = typer.Option(None, "--side", help="A side (ISO3 or group) of an actor, or gaining or losing "
                             "control."),
    status: str = typer.Option(None, "--status", help="An event realis of any report (happened, claimed, "
                               "denied, ...) or a control status (claimed, confirmed, disputed)."),
    min_killed: int = typer.Option(None, "--min-killed", min=0, help="The highest killed figure is at least this."),
) -> None:
    """Add an alert: every filter given must match; each new match is sent once."""
    from frontlines.alerts import define_alert
    from frontlines.store import open_store

    with common.errors_to_exit():
        s = common.settings(ctx)
        store = open_store(s.db)
        alert = store.add_alert(define_alert(
            store, name=name, sink=to, gazetteer_path=s.gazetteer_path, bbox=bbox, place=place, radius_km=radius,
            plover_type=type_, actor=actor, side=side, status=status, min_killed=min_killed))
        common.console().print(f"added alert {alert.id} {alert.name!r}: {_filters(alert)} -> {alert.sink}",
                               highlight=False)


@alerts_app.command("remove")
def remove(
    ctx: typer.Context,
    alerts: list[str] = typer.Argument(..., help="Alert ids or names, as `frontlines alerts list` shows them."),
) -> None:
    """Remove alerts (with what they remember having sent)."""
    from frontlines.store import open_store

    with common.errors_to_exit():
        store = open_store(common.settings(ctx).db)
        ids = {str(a.id): a.id for a in store.list_alerts() if a.id is not None}
        ids |= {a.name: a.id for a in store.list_alerts() if a.id is not None}
        removed = sum(store.remove_alert(ids[ref]) for ref in alerts if ref in ids)
        common.console().print(f"removed {removed} alerts", highlight=False)
        if removed < len(alerts):
            raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.add_typer(alerts_app, name="alerts")
