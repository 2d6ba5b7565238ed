"""`frontlines users add NAME --role R | list | revoke NAME`: who may use the API, and how."""

from __future__ import annotations

import typer
from rich.table import Table

from frontlines.cli import common

users_app = typer.Typer(help="Manage API users: a token names a user and a role (reader, reviewer, admin).",
                        no_args_is_help=True)


@users_app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The user's name (letters, digits and . _ @ -)."),
    role: str = typer.Option("reviewer", "--role", help="reader (reads), reviewer (also reviews and posts) or "
                             "admin (also manages users)."),
) -> None:
    """Add a user and print its token, once: the store keeps only a salted hash of it."""
    from frontlines.errors import FrontlinesError
    from frontlines.records import Role
    from frontlines.store import open_store

    with common.errors_to_exit():
        try:
            chosen = Role(role.strip().lower())
        except ValueError:
            raise FrontlinesError(f"--role {role!r}: one of reader, reviewer, admin", code="E902") from None
        token = open_store(common.settings(ctx).db).add_user(name, chosen)
        common.console(ctx).print(f"user {name} ({chosen.value}) added; its token, shown only now:")
        typer.echo(token)


@users_app.command("list")
def list_(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List users with their roles (revoked ones marked); tokens are never shown."""
    from frontlines.store import open_store

    with common.errors_to_exit():
        rows = open_store(common.settings(ctx).db).list_users()
        if json_out:
            common.print_json(rows)
            return
        table = Table("name", "role", "created", "revoked", box=None)
        for u in rows:
            table.add_row(u.name, u.role.value, u.created_at.strftime("%Y-%m-%d %H:%M") if u.created_at else "-",
                          u.revoked_at.strftime("%Y-%m-%d %H:%M") if u.revoked_at else "-")
        common.out.print(table)


@users_app.command("revoke")
def revoke(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The user whose token to refuse from now on."),
) -> None:
    """Revoke a user's token (the user stays listed; `users add` with the name issues a new one)."""
    from frontlines.store import open_store

    with common.errors_to_exit():
        open_store(common.settings(ctx).db).revoke_user(name)
        common.console(ctx).print(f"user {name} revoked")


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
