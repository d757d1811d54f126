"""`wegwijs`: the command line of the application, one sub-command group per concern."""

from __future__ import annotations

import argparse
import importlib
import sys

#: Modules that each add their commands with `register(subparsers)`.
COMMAND_MODULES = (
    "bot.i18n.cli",
    "bot.chat.cli",
    "bot.telegram.cli",
    "bot.db.cli",
    "bot.cases.cli",
    "bot.privacy.cli",
    "bot.inbox.cli",
)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every concern's sub-commands."""
    parser = argparse.ArgumentParser(prog="wegwijs", description="Wegwijs assistant tools")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; its handler returns the exit code."""
    args = build_parser().parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
