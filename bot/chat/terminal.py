"""A chat in the terminal against the running engine: type text, or the number of a button."""

from __future__ import annotations

import asyncio
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

import aiohttp

from bot.db.database import Database, shared_database
from bot.engine.client import BotReply, Button, EngineClient, EngineUnavailable
from bot.identity import sender_id
from bot.nlg.renderer import Rendered, Renderer
from bot.outbox.delivery import Deliverer, Recipient, record_address
from bot.privacy.forget import forget_conversation
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


def _signal(replies: list[BotReply], name: str) -> bool:
    return any(((r.custom or {}).get("wegwijs") or {}).get(name) for r in replies)


@dataclass
class TerminalChat:
    """The terminal front end: sends what is typed, prints replies and the case's phase updates."""

    engine: EngineClient
    renderer: Renderer
    database: Database
    settings: Settings
    session: TerminalSession
    on_forget: Callable[[str], object] = forget_conversation

    async def answer(self, line: str) -> str:
        """Everything to print after the person typed `line`."""
        lang = self.session.language or "en"
        if len(line) > MAX_MESSAGE_CHARS:
            return self.renderer.render("ui_message_too_long", lang).text
        try:
            replies = await self.engine.send(self.session.sender, self.session.resolve(line), self.session.language)
        except EngineUnavailable:
            return self.renderer.render("ui_engine_gave_up", lang).text
        if _signal(replies, "linked"):
            await asyncio.to_thread(record_address, self.database, self.session.sender, "terminal",
                                    self.session.sender)
        if _signal(replies, "forget"):
            await asyncio.to_thread(self.on_forget, self.session.sender, self.settings)
        return "\n".join(filter(None, [format_replies(replies, self.session), await self.updates()]))

    async def updates(self) -> str:
        """Phase updates the caseworker made for this person's case since the last turn."""
        printed: list[str] = []

        async def show(recipient: Recipient, message: Rendered) -> bool:
            printed.append(message.text)
            return True

        deliverer = Deliverer(self.database, self.renderer)
        await deliverer.deliver(show, channel="terminal", sender_id=self.session.sender)
        return "\n\n".join(printed)


async def chat(settings: Settings, renderer: Renderer, language: str | None, stdin: TextIO, stdout: TextIO) -> None:
    """Run the conversation until end of input."""
    key = settings.pseudonym_key.get_secret_value()
    session = TerminalSession(sender_id("terminal", uuid.uuid4().hex, key), language)
    database = shared_database(settings.database_url)
    async with aiohttp.ClientSession() as http:
        engine = EngineClient(settings.engine_url, http, settings.engine_timeout_s)
        front = TerminalChat(engine, renderer, database, settings, session)
        stdout.write("Wegwijs (type a message, a button number, or Ctrl-D to quit)\n> ")
        stdout.flush()
        for raw in iter(stdin.readline, ""):
            if line := raw.strip():
                stdout.write(await front.answer(line) + "\n")
            stdout.write("> ")
            stdout.flush()


def run(settings: Settings, language: str | None) -> None:
    """Entry point of `wegwijs chat`."""
    from bot.actions_server import build_renderer

    asyncio.run(chat(settings, build_renderer(settings), language, sys.stdin, sys.stdout))
