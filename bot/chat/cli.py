"""`wegwijs chat`: talk to the running assistant in the terminal."""

from __future__ import annotations

import argparse

from bot.chat.terminal import run
from bot.languages import SUPPORTED_LANGUAGES
from bot.settings import Settings


def _chat(args: argparse.Namespace) -> int:
    settings = Settings()
    if args.engine_url:
        settings.engine_url = args.engine_url
    run(settings, args.language)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `wegwijs chat`."""
    chat = subparsers.add_parser("chat", help="chat with the running assistant in the terminal")
    chat.add_argument("--language", choices=SUPPORTED_LANGUAGES,
                      help="your language (default: detected from what you write)")
    chat.add_argument("--engine-url", help="engine base URL (default from settings)")
    chat.set_defaults(handler=_chat)
