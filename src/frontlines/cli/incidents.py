"""`frontlines incidents`: list incidents merged across articles, with their sources."""

from __future__ import annotations

import datetime as dt

import typer
from rich.table import Table

from frontlines.cli import common


def incidents(
    ctx: typer.Context,
    since: dt.datetime = typer.Option(None, formats=["%Y-%m-%d"], help="Incidents ending on or after this date."),
    until: dt.datetime = typer.Option(None, formats=["%Y-%m-%d"], help="Incidents starting on or before this date."),
    corroboration: str = typer.Option(None, help="single-source, claimed-by-party, independent or disputed."),
    type_: str = typer.Option(None, "--type", help="PLOVER type (ASSAULT, RETREAT, ...)."),
    min_reports: int = typer.Option(1, "--min-reports", min=1, help="Only incidents with at least this many reports."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Merge every stored event again first."),
    limit: int = typer.Option(100, min=1, max=100000, help="At most this many incidents."),
    offset: int = typer.Option(0, min=0, help="Skip this many incidents (paging)."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON (each incident with all its reports)."),
) -> None:
    """List incidents: events from different articles that describe the same happening."""
    from frontlines.incidents import rebuild_incidents
    from frontlines.store import IncidentFilter, open_store
    from frontlines.vocabulary import check_corroboration, check_plover_type

    with common.errors_to_exit():
        store = open_store(common.settings(ctx).db)
        plover_type, corroborated = check_plover_type(type_, store), check_corroboration(corroboration)
        if rebuild:
            rebuild_incidents(store)
        rows = store.list_incidents(IncidentFilter(
            since=since.date() if since else None, until=until.date() if until else None,
            corroboration=corroborated, plover_type=plover_type, min_reports=min_reports, limit=limit, offset=offset,
        ))
        if json_out:
            common.print_json(rows)
            return
        table = Table("id", "dates", "type", "place", "reports", "outlets", "claims", "corroboration", "numbers",
                      box=None)
        for inc in rows:
            dates = str(inc.start or "-") + ("" if inc.end == inc.start else f"..{inc.end}")
            numbers = ", ".join(f"{k} {lo:g}" + ("" if lo == hi else f"-{hi:g}") for k, (lo, hi) in inc.quantity_ranges.items())
            place = (inc.place.name or inc.place.text) if inc.place else "-"
            status = inc.corroboration + (f" ({', '.join(inc.reasons)})" if inc.reasons else "")
            table.add_row(inc.id[:10], dates, inc.acled_sub_event_type or inc.plover_type, place, str(len(inc.reports)),
                          str(inc.independent_sources), str(inc.party_claims), status, numbers or "-")
        common.out.print(table)


def register(app: typer.Typer) -> None:
    app.command("incidents")(incidents)
