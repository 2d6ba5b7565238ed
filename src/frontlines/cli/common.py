"""What every command shares: global options, settings, output, and the error edge."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import typer
from rich.console import Console

from frontlines.config import Settings, load_settings
from frontlines.errors import FrontlinesError
from frontlines.records import to_dict


@dataclass(slots=True)
class GlobalOptions:
    db: str | None = None
    config: str | None = None
    quiet: bool = False


def options(ctx: typer.Context) -> GlobalOptions:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, GlobalOptions) else GlobalOptions()


def settings(ctx: typer.Context, **overrides: Any) -> Settings:
    """Settings for this invocation: global --db plus the command's own flags."""
    from pathlib import Path

    opts = options(ctx)
    return load_settings(
        {"db": opts.db, **overrides},
        config_file=Path(opts.config) if opts.config else None,
    )


def console(ctx: typer.Context | None = None) -> Console:
    return Console(stderr=True, quiet=bool(ctx and options(ctx).quiet))


out = Console(width=None if sys.stdout.isatty() else 160)  # stdout, for results; wide when piped


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(to_dict(data), ensure_ascii=False, indent=1) + "\n")


@contextmanager
def errors_to_exit() -> Iterator[None]:
    """Library errors become one red line and exit code 1, here and only here."""
    try:
        yield
    except FrontlinesError as exc:
        Console(stderr=True).print(f"[red]error[/red] {exc}", highlight=False, markup=True)
        raise typer.Exit(1) from exc
