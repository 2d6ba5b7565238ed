"""`frontlines show ID`: one article, with its extractions when processed."""

from __future__ import annotations

import typer
from rich.table import Table

from frontlines.cli import common


def show(
    ctx: typer.Context,
    article_id: str = typer.Argument(..., help="Article id (or an unambiguous prefix)."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show one article and what was extracted from it."""
    from frontlines.records import ArticleStatus, to_dict
    from frontlines.store import open_store

    with common.errors_to_exit():
        store = open_store(common.settings(ctx).db)
        article = store.get_article(article_id)
        extraction = store.get_extraction(article.id) if article.status is ArticleStatus.PROCESSED else None
        if json_out:
            common.print_json({"article": to_dict(article), "extraction": to_dict(extraction) if extraction else None})
            return
        o = common.out
        o.print(f"[bold]{article.title or '(untitled)'}[/bold]")
        o.print(f"id {article.id}  published {article.published or 'unknown'}  source {article.source or '-'}  "
                f"status {article.status.value}" + (f" ({article.skip_reason})" if article.skip_reason else ""),
                highlight=False)
        if article.url:
            o.print(article.url, highlight=False)
        o.print()
        o.print(article.text, highlight=False, markup=False)
        if extraction is None:
            return
        for kind in ("events", "places", "times", "actors", "quotes", "quantities"):
            recs = getattr(extraction, kind)
            if not recs:
                continue
            table = Table(title=f"{kind} ({len(recs)})", box=None, title_justify="left")
            table.add_column("span")
            table.add_column("text")
            table.add_column("what it became")
            for r in recs:
                table.add_row(f"{r.evidence.start}-{r.evidence.end}", _text(r), _summary(kind, r))
            o.print(table)


def _text(r) -> str:  # noqa: ANN001
    for name in ("text", "trigger", "content"):
        value = getattr(r, name, None)
        if value:
            return str(value)[:60]
    return ""


def _summary(kind: str, r) -> str:  # noqa: ANN001
    if kind == "events":
        who = ", ".join(a.name for a in r.sources) or "?"
        where = (r.place.name or r.place.text) if r.place else "?"
        when = r.time.value if r.time else "?"
        return f"{r.plover_type}/{r.acled_sub_event_type or '-'} {r.status.value} by {who} at {where} on {when}"
    if kind == "places":
        if r.metonymic:
            return f"metonymy for a government ({r.name or r.text})"
        return f"{r.name} [{r.kind.value if r.kind else '?'}] {r.lat},{r.lon} {r.country or ''} ({r.precision.value if r.precision else '?'})"
    if kind == "times":
        return f"{r.type.value} {r.value} ({r.resolution.value})"
    if kind == "actors":
        return f"{r.name} {r.country or ''} {r.sector.value}" + (f" ({r.role})" if r.role else "")
    if kind == "quotes":
        who = r.speaker.name if r.speaker else (r.speaker_text or "?")
        return f"{'direct' if r.direct else 'indirect'} by {who}" + (f" via {r.medium}" if r.medium else "")
    if kind == "quantities":
        return f"{r.kind} {r.value if r.value is not None else f'{r.low}-{r.high}'} {r.qualifier or ''}"
    return ""


def register(app: typer.Typer) -> None:
    app.command("show")(show)
