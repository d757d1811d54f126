"""`wegwijs privacy ...`: the retention purge (run it daily, e.g. from cron) and forgetting a person.

    wegwijs privacy purge [--days N] [--dry-run]
    wegwijs privacy forget SENDER_ID     (a person asked by other means, e.g. by mail to VWN)
"""

from __future__ import annotations

import argparse

from bot.db.database import Database, command_database
from bot.privacy.forget import forget_everywhere
from bot.privacy.retention import purge_with_settings
from bot.privacy.tracker_store import TrackerStore
from bot.settings import Settings


def _database(settings: Settings) -> Database:
    return command_database(settings.database_url, settings.database_auto_migrate)


def cmd_purge(args: argparse.Namespace) -> int:
    """Delete conversations and records older than their keeping period."""
    settings: Settings = getattr(args, "settings", None) or Settings()
    database = _database(settings)
    try:
        report = purge_with_settings(settings, database, days=args.days, dry_run=args.dry_run)
    finally:
        database.dispose()
    print("would delete (dry run):" if report.dry_run else "deleted:")
    for line in report.lines():
        print(f"  {line}")
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    """Forget one person by sender id, everywhere, and check that nothing is left."""
    settings: Settings = getattr(args, "settings", None) or Settings()
    database = _database(settings)
    tracker_store = TrackerStore.from_url(settings.tracker_store_url)
    try:
        report = forget_everywhere(database, tracker_store, args.sender_id)
    finally:
        database.dispose()
        tracker_store.dispose()
    for kind, count in report.deleted.items():
        print(f"  {kind}: {count}")
    if not report.complete:
        print("still found: " + "; ".join(report.leftovers))
        return 1
    print("nothing left")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `wegwijs privacy ...`."""
    parser = subparsers.add_parser("privacy", help="retention purge and forget-me",
                                   description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="privacy_command", required=True)
    purge = commands.add_parser("purge", help="delete what is older than its keeping period")
    purge.add_argument("--days", type=int,
                       help="keep conversations this many days (default: RETENTION_DAYS, 30)")
    purge.add_argument("--dry-run", action="store_true", help="count only, delete nothing")
    purge.set_defaults(handler=cmd_purge)
    forget = commands.add_parser("forget", help="forget one person (by the engine's sender id)")
    forget.add_argument("sender_id")
    forget.set_defaults(handler=cmd_forget)
