"""`frontlines gazetteer build|info|lookup|import`: the built-in gazetteer."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from frontlines.cli import common

gazetteer_app = typer.Typer(help="Build, inspect and extend the built-in gazetteer.", no_args_is_help=True)


def _path(ctx: typer.Context, path: str | None) -> Path:
    return Path(path) if path else common.settings(ctx).gazetteer_path


PATH_OPTION = typer.Option(None, "--path", help="Gazetteer file (default: setting `gazetteer`, else the data dir).")


@gazetteer_app.command("build")
def build(
    ctx: typer.Context,
    path: str = PATH_OPTION,
    force: bool = typer.Option(False, "--force", help="Rebuild even if the file exists (e.g. it is corrupt)."),
) -> None:
    """Build the gazetteer file from the packaged data (GeoNames cities500, divisions, curated places)."""
    from frontlines.geo.builder import build_gazetteer, load_gazetteer

    with common.errors_to_exit():
        target = _path(ctx, path)
        if target.exists() and not force:
            common.console(ctx).print(f"{target} exists; use --force to rebuild it")
            return
        common.console(ctx).print(f"building {target} ...")
        build_gazetteer(target)
        info = load_gazetteer(target).info()
        common.console(ctx).print(f"{info.places} places, {info.names} names")


@gazetteer_app.command("info")
def info(ctx: typer.Context, path: str = PATH_OPTION, json_out: bool = typer.Option(False, "--json")) -> None:
    """What the gazetteer holds: places by kind and by source."""
    from frontlines.geo.builder import load_gazetteer

    with common.errors_to_exit():
        data = load_gazetteer(_path(ctx, path)).info()
        if json_out:
            common.print_json(data)
            return
        table = Table("what", "count", box=None, title=f"gazetteer {data.path} (built {data.built_at})",
                      title_justify="left")
        table.add_row("places", str(data.places))
        table.add_row("names", str(data.names))
        for kind, n in sorted(data.by_kind.items()):
            table.add_row(f"  kind {kind}", str(n))
        for source, n in sorted(data.sources.items()):
            table.add_row(f"  source {source}", str(n))
        common.out.print(table)


@gazetteer_app.command("lookup")
def lookup(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A place name, any spelling the gazetteer knows (Kiev, Київ)."),
    path: str = PATH_OPTION,
    limit: int = typer.Option(10, "--limit", help="Most candidates to list."),
    json_out: bool = typer.Option(False, "--json"),
) -> None:
    """List the places a name may refer to, most populous first."""
    from frontlines.geo.builder import load_gazetteer

    with common.errors_to_exit():
        found = load_gazetteer(_path(ctx, path)).lookup(name)[:limit]
        if json_out:
            common.print_json(list(found))
            return
        if not found:
            common.console(ctx).print(f"no place called {name!r}")
            return
        table = Table("id", "name", "kind", "country", "admin1", "lat", "lon", "population", "point", box=None)
        for c in found:
            # "point": how well the point locates the place when coarser than its kind says (postal places)
            table.add_row(c.gid, c.name, c.kind.value, c.country or "", c.admin1 or "", f"{c.lat:.4f}",
                          f"{c.lon:.4f}", str(c.population), c.precision.value if c.precision else "")
        common.out.print(table)


@gazetteer_app.command("import")
def import_dump(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="A GeoNames country dump (UA.txt, allCountries.zip from export/dump) or "
                                          "postal-code dump (RU.txt from export/zip) you downloaded."),
    path: str = PATH_OPTION,
) -> None:
    """Add the villages and divisions of a GeoNames country or postal-code dump (told apart by its columns).

    Lines that cannot be read are skipped and listed with their line number; the exit
    code is 1 only when no line could be read.
    """
    from frontlines.geo.builder import import_geonames

    with common.errors_to_exit():
        report = import_geonames(_path(ctx, path), file)
    err = common.console()  # bad lines are reported even with --quiet
    for bad in report.bad:
        err.print(f"{file}:{bad.line}: skipped: {bad.reason}", highlight=False, markup=False, soft_wrap=True)
    merged = f", {report.merged} merged into places already known" if report.format == "postal" else ""
    common.console(ctx).print(f"{report.format} dump: {report.rows} lines read, {len(report.bad)} skipped; "
                              f"added {report.added} places{merged} from {file}", highlight=False, markup=False, soft_wrap=True)
    if report.rows == 0:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")
