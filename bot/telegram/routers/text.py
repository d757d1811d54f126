"""A person's text goes to the engine; an unknown /command gets the menu."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import Message

from bot.telegram.person import Person
from bot.telegram.services import Services

HELP_PAYLOAD = "/help"


async def unknown_command(message: Message, person: Person, services: Services) -> None:
    """A /command the bot does not have: show the menu (never pass it on as an engine payload)."""
    await services.conversation.ask(person, HELP_PAYLOAD)


async def text(message: Message, person: Person, services: Services) -> None:
    """Anything the person types: the engine answers it."""
    await services.conversation.ask(person, message.text or "")


def create_router() -> Router:
    """The text handlers (after commands, forwarded messages and buttons)."""
    router = Router(name="text")
    router.message.register(unknown_command, F.text.startswith("/"))
    router.message.register(text, F.text)
    return router
