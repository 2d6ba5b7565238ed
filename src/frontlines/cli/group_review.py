"""`frontlines review-control ID --verdict V [--side S] [--date D]`, `frontlines merge-incidents ID ID ...` and
`frontlines split-incident ID KEY ...`: analysts' reviews of changes of control and of incidents."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from frontlines.cli import common
from frontlines.cli.review import _default_user

if TYPE_CHECKING:
    from frontlines.records import IncidentReview
    from frontlines.store.protocol import Store


def review_control(
    ctx: typer.Context,
    control_id: str = typer.Argument(..., help="The change's id (from `frontlines control --json` or /api/control)."),
    verdict: str = typer.Option(..., "--verdict", help="confirmed, rejected or corrected."),
    side: str = typer.Option(None, "--side", help="For a correction: the side that took the settlement "
                             "(ISO3 or a group's name)."),
    date: str = typer.Option(None, "--date", help="For a correction: the day it changed hands (YYYY-MM-DD)."),
    note: str = typer.Option(None, "--note", help="Why, for the next analyst."),
    user: str = typer.Option(None, "--as", help="Reviewer's name (default: your login name)."),
    json_out: bool = typer.Option(False, "--json", help="Print the stored review and the settlement's timeline."),
) -> None:
    """Confirm, correct (side or date) or reject a change of control; applied to every timeline, kept across re-runs."""
    from frontlines.control import change_json, find_change, settlement_key, timeline_of
    from frontlines.export import group_review_json
    from frontlines.review import make_control_review
    from frontlines.store import open_store

    with common.errors_to_exit():
        store = open_store(common.settings(ctx).db)
        change = find_change(store, control_id)
        made = make_control_review(change, verdict, {"to_side": side, "date": date}, control_id=control_id,
                                   settlement=settlement_key(change.settlement), user=user or _default_user(),
                                   note=note)
        stored = store.add_control_review(made)
        timeline = timeline_of(store, stored.settlement)
        if json_out:
            common.print_json({"review": group_review_json(stored), "timeline": [change_json(c) for c in timeline]})
            return
        name = change.settlement.name or change.settlement.text
        now = ", ".join(f"{c.to_side} since {c.date}" for c in timeline) or "no change of control"
        common.console(ctx).print(f"control review {stored.id}: {stored.verdict.value} {name} by {stored.user}; "
                                  f"now {now}")


def merge_incidents(
    ctx: typer.Context,
    ids: list[str] = typer.Argument(..., help="Two or more incident ids (or unambiguous prefixes)."),
    note: str = typer.Option(None, "--note", help="Why, for the next analyst."),
    user: str = typer.Option(None, "--as", help="Reviewer's name (default: your login name)."),
    json_out: bool = typer.Option(False, "--json", help="Print the stored review and the incidents it made."),
) -> None:
    """Merge incidents that are one happening; honoured by every merge of incidents, kept across re-runs."""
    from frontlines.review import make_incident_merge
    from frontlines.runner import Runner
    from frontlines.store import open_store

    with common.errors_to_exit():
        store = open_store(common.settings(ctx).db)
        made = make_incident_merge([store.get_incident(i) for i in ids], user=user or _default_user(), note=note)
        _print(ctx, store, Runner(store).review_incidents(made), json_out)


def split_incident(
    ctx: typer.Context,
    incident_id: str = typer.Argument(..., help="The incident's id (or an unambiguous prefix)."),
    events: list[str] = typer.Argument(..., help="Keys of its member events to split off (some, not all)."),
    note: str = typer.Option(None, "--note", help="Why, for the next analyst."),
    user: str = typer.Option(None, "--as", help="Reviewer's name (default: your login name)."),
    json_out: bool = typer.Option(False, "--json", help="Print the stored review and the incidents it made."),
) -> None:
    """Split events off an incident: they become an incident of their own; kept across re-runs."""
    from frontlines.review import make_incident_split
    from frontlines.runner import Runner
    from frontlines.store import open_store

    with common.errors_to_exit():
        store = open_store(common.settings(ctx).db)
        made = make_incident_split(store.get_incident(incident_id), events, user=user or _default_user(), note=note)
        _print(ctx, store, Runner(store).review_incidents(made), json_out)


def _print(ctx: typer.Context, store: Store, stored: IncidentReview, json_out: bool) -> None:
    from frontlines.export import group_review_json
    from frontlines.records import to_dict

    incidents = [store.get_incident(i) for i in store.incident_ids_for_events([*stored.event_keys, *stored.rest])]
    if json_out:
        common.print_json({"review": group_review_json(stored), "incidents": [to_dict(i) for i in incidents]})
        return
    made = "; ".join(f"{i.id[:12]} ({len(i.reports)} reports)" for i in incidents)
    common.console(ctx).print(f"incident review {stored.id}: {stored.action.value} by {stored.user}; now {made}")


def register(app: typer.Typer) -> None:
    app.command("review-control")(review_control)
    app.command("merge-incidents")(merge_incidents)
    app.command("split-incident")(split_incident)
