"""`wegwijs db ...`: migrate the app database (the URL comes from Settings: DATABASE_URL or .env)."""

from __future__ import annotations

import argparse

from bot.db import migrate
from bot.db.database import make_engine
from bot.settings import Settings


def cmd_upgrade(args: argparse.Namespace) -> int:
    """Upgrade to a revision (default: the newest)."""
    migrate.upgrade(Settings().database_url, args.revision)
    return cmd_current(args)


def cmd_downgrade(args: argparse.Namespace) -> int:
    """Downgrade to a revision (`base` empties the database)."""
    migrate.downgrade(Settings().database_url, args.revision)
    return cmd_current(args)


def cmd_current(args: argparse.Namespace) -> int:
    """Print the database's revision and the newest one."""
    engine = make_engine(Settings().database_url)
    try:
        current = migrate.current_revision(engine) or "base"
        print(f"database at {current}, newest is {migrate.head_revision()}")
    finally:
        engine.dispose()
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `wegwijs db ...`."""
    parser = subparsers.add_parser("db", help="app database migrations")
    commands = parser.add_subparsers(dest="db_command", required=True)
    upgrade = commands.add_parser("upgrade", help="upgrade the schema (default: to the newest)")
    upgrade.add_argument("revision", nargs="?", default="head")
    upgrade.set_defaults(handler=cmd_upgrade)
    downgrade = commands.add_parser("downgrade", help="downgrade the schema (e.g. to 'base')")
    downgrade.add_argument("revision")
    downgrade.set_defaults(handler=cmd_downgrade)
    commands.add_parser("current", help="show the revision").set_defaults(handler=cmd_current)
