"""`wegwijs telegram ...`: run the Telegram front end, or only set its command menu."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from bot.actions_server import build_renderer
from bot.settings import Settings
from bot.telegram.app import MissingToken, create_app
from bot.telegram.commands_menu import set_commands
from bot.telegram.webhook import WebhookConfigError
from bot.telegram.wiring import database_services


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # aiogram logs every update id at INFO: fine; nothing it logs at INFO carries message text.


async def _run(settings: Settings) -> None:
    from bot.telegram.polling import run_polling
    from bot.telegram.webhook import run_webhook

    app = await create_app(settings, **database_services(settings, build_renderer(settings)))
    if settings.telegram_mode == "webhook":
        await run_webhook(app, settings)
    else:
        await run_polling(app)


async def _commands(settings: Settings) -> bool:
    app = await create_app(settings)
    try:
        return await set_commands(app.bot, app.services.texts, settings.default_language)
    finally:
        await app.close()


def run(args: argparse.Namespace) -> int:
    """`wegwijs telegram run`: long polling by default, webhook when TELEGRAM_MODE=webhook."""
    settings = Settings()
    if args.mode:
        settings.telegram_mode = args.mode
    _configure_logging(args.verbose)
    try:
        asyncio.run(_run(settings))
    except (MissingToken, WebhookConfigError) as exc:
        print(f"wegwijs telegram: {exc}", file=sys.stderr)
        return 2
    return 0


def commands(args: argparse.Namespace) -> int:
    """`wegwijs telegram commands`: set the command menu in every language, then exit."""
    _configure_logging(False)
    try:
        return 0 if asyncio.run(_commands(Settings())) else 1
    except MissingToken as exc:
        print(f"wegwijs telegram: {exc}", file=sys.stderr)
        return 2


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `wegwijs telegram run|commands`."""
    parser = subparsers.add_parser("telegram", help="the Telegram front end (`wegwijs telegram` = run)")
    parser.set_defaults(handler=run, mode=None, verbose=False)
    sub = parser.add_subparsers(dest="telegram_command")
    run_parser = sub.add_parser("run", help="run the bot (needs TELEGRAM_BOT_TOKEN and a running engine)")
    run_parser.add_argument("--mode", choices=("polling", "webhook"), help="override TELEGRAM_MODE")
    run_parser.add_argument("--verbose", action="store_true", help="debug logging")
    run_parser.set_defaults(handler=run)
    commands_parser = sub.add_parser("commands", help="set the command menu in every language, then exit")
    commands_parser.set_defaults(handler=commands)
