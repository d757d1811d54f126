"""A person's text goes to the engine; an unknown /command gets the menu; an essay gets a kind "shorter, please"."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import Message

from bot.chat.terminal import MAX_MESSAGE_CHARS
from bot.telegram import payloads
from bot.telegram import texts as t
from bot.telegram.person import Person
from bot.telegram.services import Services


async def unknown_command(message: Message, person: Person, services: Services) -> None:
    """A /command the bot does not have: show the menu (never pass it on as an engine payload)."""
    await services.conversation.ask(person, payloads.HELP)


async def too_long(message: Message, person: Person, services: Services) -> None:
    """A very long message: ask for a shorter question (as the terminal chat does)."""
    await services.outbox.send(person, services.texts.get(t.MESSAGE_TOO_LONG, person.language))


async def text(message: Message, person: Person, services: Services) -> None:
    """Anything the person types: the engine answers it."""
    await services.conversation.ask(person, message.text or "")


def create_router() -> Router:
    """The text handlers (after commands, forwarded messages and buttons)."""
    router = Router(name="text")
    router.message.register(unknown_command, F.text.startswith("/"))
    router.message.register(too_long, F.text.len() > MAX_MESSAGE_CHARS)
    router.message.register(text, F.text)
    return router
