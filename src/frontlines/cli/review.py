"""`frontlines review KEY --verdict V [--set FIELD=VALUE ...] [--note ...]` and `frontlines reviews [--kind K] [--json]`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.table import Table

from frontlines.cli import common

if TYPE_CHECKING:
    from frontlines.records import ControlReview, IncidentReview
    from frontlines.store.protocol import Store


def _default_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "cli"


def review(
    ctx: typer.Context,
    key: str = typer.Argument(..., help="The event key (from `frontlines events --json` or /api/events)."),
    verdict: str = typer.Option(..., "--verdict", help="confirmed, rejected or corrected."),
    set_: list[str] = typer.Option(None, "--set", help="FIELD=VALUE for a correction, repeatable: plover_type, "
                                   "event_type, sub_event_type, actor1/actor2 (names separated by ';'), place "
                                   "(gazetteer id or name), date, date_end, granularity, status, attributed_to, "
                                   "fatalities, quantities.KIND."),
    note: str = typer.Option(None, "--note", help="Why, for the next analyst."),
    user: str = typer.Option(None, "--as", help="Reviewer's name (default: your login name)."),
    json_out: bool = typer.Option(False, "--json", help="Print the stored review and the event as JSON."),
) -> None:
    """Confirm, correct or reject an event; kept across re-runs, applied to every read and export."""
    from frontlines.export import event_json, review_json
    from frontlines.review import make_review, open_gazetteer, parse_assignments
    from frontlines.runner import Runner
    from frontlines.store import open_store
    from frontlines.vocabulary import acled_types, plover_types

    with common.errors_to_exit():
        s = common.settings(ctx)
        changes = parse_assignments(set_ or [])
        gazetteer = open_gazetteer(s.gazetteer_path) if isinstance(changes.get("place"), str) else None
        made = make_review(key, verdict, changes, user=user or _default_user(), note=note,
                           plover_types=plover_types(), acled_types=acled_types(), gazetteer=gazetteer)
        store = open_store(s.db)
        stored = Runner(store).review(made)
        if json_out:
            common.print_json({"review": review_json(stored), "event": event_json(store.get_event(key))})
            return
        common.console(ctx).print(f"review {stored.id}: {stored.verdict.value} {key} by {stored.user}")


def reviews(
    ctx: typer.Context,
    orphaned: bool = typer.Option(False, "--orphaned", help="Only reviews whose event no longer exists."),
    kind: str = typer.Option("event", "--kind", help="event (reviews of events), control (of changes of "
                             "control) or incident (merges and splits of incidents)."),
    limit: int = typer.Option(100, min=1, max=100000, help="At most this many reviews."),
    offset: int = typer.Option(0, min=0, help="Skip this many reviews (paging)."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON (each review with its changes)."),
) -> None:
    """List analysts' reviews, newest first; orphaned ones (their event is gone) are marked."""
    from frontlines.export import review_json
    from frontlines.store import open_store
    from frontlines.vocabulary import choose

    with common.errors_to_exit():
        kind = choose("--kind", kind, ("event", "control", "incident"))
        store = open_store(common.settings(ctx).db)
        if kind != "event":
            _group_reviews(store, kind, limit, offset, json_out)
            return
        rows = store.list_reviews(orphaned=True if orphaned else None, limit=limit, offset=offset)
        if json_out:
            common.print_json([review_json(r) for r in rows])
            return
        table = Table("id", "at", "user", "verdict", "event", "changes", "note", box=None)
        for r in rows:
            changes = review_json(r)["changes"]
            event = (r.attached_key or r.event_key)[:12] + (" (orphaned)" if r.orphaned else "")
            table.add_row(str(r.id), r.at.strftime("%Y-%m-%d %H:%M"), r.user, r.verdict.value, event,
                          ", ".join(f"{k}={v}" for k, v in changes.items()) or "-", r.note or "-")
        common.out.print(table)


def _group_reviews(store: Store, kind: str, limit: int, offset: int, json_out: bool) -> None:
    from frontlines.export import group_review_json

    found: list[ControlReview | IncidentReview] = [
        *(store.list_control_reviews() if kind == "control" else store.list_incident_reviews())]
    page = [group_review_json(r) for r in reversed(found)][offset:offset + limit]  # newest first
    if json_out:
        common.print_json(page)
        return
    if kind == "control":
        table = Table("id", "at", "user", "verdict", "settlement", "change", "correction", "note", box=None)
        for r in page:
            fix = ", ".join(f"{k}={r[k]}" for k in ("new_side", "new_date") if r[k]) or "-"
            table.add_row(str(r["id"]), r["at"][:16], r["user"], r["verdict"], r["settlement"],
                          f"{r['to_side']} {r['date'] or ''}".strip(), fix, r["note"] or "-")
    else:
        table = Table("id", "at", "user", "action", "events", "from", "note", box=None)
        for r in page:
            table.add_row(str(r["id"]), r["at"][:16], r["user"], r["action"],
                          ", ".join(k[:12] for k in r["event_keys"]), ", ".join(k[:12] for k in r["rest"]) or "-",
                          r["note"] or "-")
    common.out.print(table)


def register(app: typer.Typer) -> None:
    app.command("review")(review)
    app.command("reviews")(reviews)
