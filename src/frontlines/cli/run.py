"""`frontlines run`: process every article not yet processed."""

from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from frontlines.cli import common


def run(
    ctx: typer.Context,
    workers: int = typer.Option(None, "--workers", "-w", min=1, help="Worker processes (default 1)."),
    engine: str = typer.Option("local", "--engine", help="local, or dask."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://HOST:8786)."),
    limit: int = typer.Option(None, "--limit", min=1, help="Process at most this many articles."),
    again: bool = typer.Option(False, "--again", help="Re-process articles already processed."),
    stale: bool = typer.Option(False, "--stale", help="Re-process the articles whose stage versions (code and "
                               "data) differ from the current pipeline's."),
    inputs: list[str] = typer.Option(None, "--input", "-i", help="Shard files (JSONL, Parquet, WARC, ...) to read "
                                     "and process on the workers, one task per shard (with --engine dask)."),
    output_parquet: str = typer.Option(None, "--output-parquet", help="With --input: write results as Parquet "
                                       "files under this folder instead of the store."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Extract places, times, actors, quotes and events from pending articles (idempotent)."""
    from frontlines.batch.local import load_frozen, run_pending
    from frontlines.errors import FrontlinesError
    from frontlines.pipeline import build_pipeline, current_versions, default_stages
    from frontlines.runner import Runner
    from frontlines.store import open_store

    with common.errors_to_exit():
        s = common.settings(ctx, workers=workers)
        store = open_store(s.db)
        if again:
            store.reset_status()
        marked = Runner(store).mark_stale(current_versions(build_pipeline(default_stages()))) if stale else []
        err = common.console(ctx)
        with Progress(
            TextColumn("[bold]{task.description}"), BarColumn(bar_width=None), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(), TimeRemainingColumn(),
            console=err, transient=True, disable=common.options(ctx).quiet,
        ) as progress:
            task = progress.add_task("run", total=None, rate=0.0)

            def on_progress(done: int, total: int) -> None:
                elapsed = progress.tasks[0].elapsed or 1e-9
                progress.update(task, completed=done, total=total, rate=done / elapsed)

            def on_update(articles: int) -> None:  # after the last batch: the cross-article step
                progress.update(task, description=f"incidents and control for {articles} articles")

            if inputs and engine != "dask":
                raise FrontlinesError("--input needs --engine dask (or use `frontlines ingest` first)", code="E901")
            if output_parquet and not inputs:
                raise FrontlinesError("--output-parquet needs --input shard files", code="E901")
            if inputs:
                from frontlines.batch.dask import run_shards

                report = run_shards(store, s, inputs, scheduler=scheduler, workers=s.workers,
                                    output_parquet=output_parquet, on_progress=on_progress, on_update=on_update,
                                    console=err)
            elif engine == "dask":
                from frontlines.batch.dask import run_dask

                report = run_dask(store, s, scheduler=scheduler, workers=s.workers, limit=limit,
                                  on_progress=on_progress, on_update=on_update, console=err)
            elif engine == "local":
                report = run_pending(store, s, workers=s.workers, limit=limit, on_progress=on_progress,
                                     on_update=on_update, loader=load_frozen)
            else:
                raise FrontlinesError(f"--engine {engine!r}: local or dask", code="E901")
        data = {**report.as_dict(), "stale": len(marked)}
        if json_out:
            common.print_json(data)
        else:
            if report.recovered:
                common.console().print(f"finished the incidents and control update of {report.recovered} "
                                       "articles left by an earlier run that stopped", highlight=False)
            if stale:
                common.console().print(f"{len(marked)} articles had stale stage versions", highlight=False)
            common.console().print(
                f"processed {report.processed} articles ({report.failed} failed), {report.events} events, "
                f"{report.words_per_second:,.0f} words/s"
                + (f"; incidents and control updated in {report.update_seconds:.1f} s" if report.update_seconds else ""),
                highlight=False)
            for f in report.failures[:10]:
                common.console().print(f"[yellow]failed[/yellow] {f.article_id}: [{f.code}] {f.message}", highlight=False)
        if report.failed:
            raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("run")(run)
