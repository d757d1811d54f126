"""A forwarded message is someone else's words (maybe with their personal data): it is not read."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import Message

from bot.telegram import texts as t
from bot.telegram.person import Person
from bot.telegram.services import Services


async def forwarded(message: Message, person: Person, services: Services) -> None:
    """Ask the person to write the question in their own words."""
    await services.outbox.send(person, services.texts.get(t.FORWARDED, person.language))


def create_router() -> Router:
    """The forwarded-message handler (before text, so a forwarded text never reaches the engine)."""
    router = Router(name="forwarded")
    router.message.register(forwarded, F.forward_origin)
    return router
