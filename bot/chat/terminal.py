"""A chat in the terminal against the running engine: type text, or the number of a button."""

from __future__ import annotations

import asyncio
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

import aiohttp

from bot.engine.client import BotReply, Button, EngineClient, EngineUnavailable
from bot.identity import sender_id
from bot.nlg.renderer import Renderer
from bot.settings import Settings

MAX_MESSAGE_CHARS = 2000


@dataclass
class TerminalSession:
    """One person's conversation in the terminal: their language and the buttons on screen."""

    sender: str
    language: str | None = None
    buttons: list[Button] = field(default_factory=list)

    def resolve(self, line: str) -> str:
        """A typed button number becomes that button's payload; anything else is sent as typed."""
        if line.isdigit() and 1 <= int(line) <= len(self.buttons):
            return self.buttons[int(line) - 1].payload
        return line


def format_replies(replies: list[BotReply], session: TerminalSession) -> str:
    """Replies as terminal text, numbering the buttons so they can be chosen by number."""
    lines, session.buttons = [], []
    for reply in replies:
        if reply.language_switch:
            session.language = reply.language_switch
        if reply.text:
            lines.append(reply.text)
        for button in reply.buttons:
            session.buttons.append(button)
            lines.append(f"  [{len(session.buttons)}] {button.title}")
    return "\n".join(lines)


async def chat(settings: Settings, renderer: Renderer, language: str | None, stdin: TextIO, stdout: TextIO,
               on_forget: Callable[[str], None] | None = None) -> None:
    """Run the conversation until end of input."""
    key = settings.pseudonym_key.get_secret_value()
    session = TerminalSession(sender_id("terminal", uuid.uuid4().hex, key), language)
    async with aiohttp.ClientSession() as http:
        engine = EngineClient(settings.engine_url, http, settings.engine_timeout_s)
        stdout.write("Wegwijs (type a message, a button number, or Ctrl-D to quit)\n> ")
        stdout.flush()
        for raw in iter(stdin.readline, ""):
            line = raw.strip()
            if line:
                stdout.write(await _answer(engine, renderer, session, line, on_forget) + "\n")
            stdout.write("> ")
            stdout.flush()


async def _answer(engine: EngineClient, renderer: Renderer, session: TerminalSession, line: str,
                  on_forget: Callable[[str], None] | None) -> str:
    lang = session.language or "en"
    if len(line) > MAX_MESSAGE_CHARS:
        return renderer.render("ui_message_too_long", lang).text
    try:
        replies = await engine.send(session.sender, session.resolve(line), session.language)
    except EngineUnavailable:
        return renderer.render("ui_engine_gave_up", lang).text
    if on_forget and any((r.custom or {}).get("wegwijs", {}).get("forget") for r in replies):
        on_forget(session.sender)
    return format_replies(replies, session)


def run(settings: Settings, language: str | None) -> None:
    """Entry point of `wegwijs chat`."""
    from bot.actions_server import build_renderer

    asyncio.run(chat(settings, build_renderer(settings), language, sys.stdin, sys.stdout))
