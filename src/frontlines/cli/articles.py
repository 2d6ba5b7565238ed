"""`frontlines articles`: list stored articles, with filters."""

from __future__ import annotations

import datetime as dt

import typer
from rich.table import Table

from frontlines.cli import common


def articles(
    ctx: typer.Context,
    status: str = typer.Option(None, help="pending, processed, skipped or failed."),
    source: str = typer.Option(None, help="Only this outlet."),
    since: dt.datetime = typer.Option(None, formats=["%Y-%m-%d"], help="Published on or after."),
    until: dt.datetime = typer.Option(None, formats=["%Y-%m-%d"], help="Published on or before."),
    text: str = typer.Option(None, "--text", help="Title or text contains."),
    limit: int = typer.Option(50, min=1, max=100000, help="At most this many rows."),
    offset: int = typer.Option(0, min=0, help="Skip this many rows (paging)."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List stored articles."""
    from frontlines.store import ArticleFilter, open_store
    from frontlines.vocabulary import check_article_status

    with common.errors_to_exit():
        store = open_store(common.settings(ctx).db)
        rows = store.list_articles(ArticleFilter(
            status=check_article_status(status), source=source, since=since.date() if since else None,
            until=until.date() if until else None, text=text, limit=limit, offset=offset,
        ))
        if json_out:
            common.print_json([{**_brief(a)} for a in rows])
            return
        table = Table("id", "published", "source", "status", "title", box=None)
        for a in rows:
            table.add_row(a.id[:12], str(a.published or "-"), a.source or "-", a.status.value,
                          (a.title or a.text[:60]).replace("\n", " "))
        common.out.print(table)


def _brief(a):  # noqa: ANN001, ANN202
    from frontlines.records import to_dict

    d = to_dict(a)
    d.pop("text", None)
    d["words"] = len(a.text.split())
    return d


def register(app: typer.Typer) -> None:
    app.command("articles")(articles)
