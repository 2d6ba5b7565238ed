"""`frontlines eval`: score the pipeline on gold files (../shared/eval/FORMAT.md)."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from frontlines.cli import common


def eval_command(
    ctx: typer.Context,
    files: list[Path] = typer.Argument(None, help="Gold JSONL files (one task per file)."),
    reviewed: bool = typer.Option(False, "--reviewed", help="Score the store's current events against its own "
                                  "reviews instead: precision from rejections, field accuracy from corrections."),
    json_out: bool = typer.Option(False, "--json", help="One JSON object per file and line: file, task, docs, metrics."),
    gold_spans: bool = typer.Option(False, "--gold-spans", help="Geo: resolve the gold toponym spans instead of the system's."),
    errors: int = typer.Option(0, "--errors", min=0, help="Show the N worst documents of each file (text, gold, prediction)."),
    limit: int = typer.Option(None, "--limit", min=1, help="Score only the first N documents of each file."),
) -> None:
    """Run the pipeline on gold documents and print the metrics FORMAT.md defines, per file."""
    from frontlines.errors import FrontlinesError
    from frontlines.eval import evaluate_docs, read_gold
    from frontlines.pipeline import load_resources

    if reviewed:
        _eval_reviewed(ctx, json_out)
        return
    with common.errors_to_exit():
        if not files:
            raise FrontlinesError("give gold files, or --reviewed", code="E802")
        settings = common.settings(ctx)
        gold = [(path, read_gold(path, limit=limit)) for path in files]
        resources = load_resources(settings)
        err = common.console(ctx)
        results = []
        with Progress(
            TextColumn("[bold]eval[/bold] {task.description}"), BarColumn(bar_width=None), MofNCompleteColumn(),
            TimeElapsedColumn(), TimeRemainingColumn(),
            console=err, transient=True, disable=common.options(ctx).quiet,
        ) as progress:
            for path, docs in gold:
                bar = progress.add_task(path.name, total=len(docs))
                results.append(evaluate_docs(
                    docs, resources, file=str(path), gold_spans=gold_spans, batch_size=settings.batch_size,
                    progress=functools.partial(progress.advance, bar),
                ))
                progress.remove_task(bar)
        if json_out:
            for result in results:
                sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
        else:
            for result in results:
                _print_table(result)
        if errors:
            for result in results:
                _print_worst(result, errors, to_stderr=json_out)


def _eval_reviewed(ctx: typer.Context, json_out: bool) -> None:
    from frontlines.eval.reviewed import score_reviewed
    from frontlines.store import open_store

    with common.errors_to_exit():
        scores = score_reviewed(open_store(common.settings(ctx).db))
    if json_out:
        sys.stdout.write(json.dumps(scores) + "\n")
        return
    table = Table("metric", "value", box=None)
    for name, value in scores.items():
        if name != "field_accuracy":
            table.add_row(name, _fmt(value))
    for name, value in scores["field_accuracy"].items():
        table.add_row(f"accuracy {name}", _fmt(value))
    common.out.print(table)


def _fmt(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}" if abs(value) >= 10 else f"{value:.4f}"
    return str(value)


def _print_table(result) -> None:  # noqa: ANN001 - an EvalResult; imported lazily to keep start-up cheap
    title = f"{Path(result.file).name}  [dim]{result.task}, {result.setting.replace('_', ' ')}, {result.docs} docs"
    if result.failures:
        title += f", {result.failures} failed"
    table = Table(title=title + "[/dim]", title_justify="left", show_header=True)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in result.metrics.items():
        table.add_row(name, _fmt(value))
    common.out.print(table)


def _print_worst(result, n: int, *, to_stderr: bool) -> None:  # noqa: ANN001 - EvalResult, see above
    # With --json, stdout stays machine-readable: the cases go to stderr.
    con = common.console() if to_stderr else common.out
    worst = result.worst(n)
    con.print(f"[bold]{len(worst)} worst of {result.file}[/bold]", highlight=False)
    for case in worst:
        con.rule(f"{case.doc_id}  loss {case.loss:g}")
        text = case.text if len(case.text) <= 1200 else case.text[:1200] + " …"
        con.print(text, highlight=False, markup=False)
        con.print("[green]gold[/green]", highlight=False)
        for line in case.gold if isinstance(case.gold, list) else [case.gold]:
            con.print(f"  {line}", highlight=False, markup=False)
        con.print("[yellow]predicted[/yellow]", highlight=False)
        for line in case.prediction if isinstance(case.prediction, list) else [case.prediction]:
            con.print(f"  {line}", highlight=False, markup=False)
        if isinstance(case.prediction, list) and not case.prediction:
            con.print("  (nothing)", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
