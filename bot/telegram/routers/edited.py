"""An edited message is not read again: the person is asked to send it as a new message."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import Message

from bot.telegram import texts as t
from bot.telegram.person import Person
from bot.telegram.services import Services


async def edited(message: Message, person: Person, services: Services) -> None:
    """Explain that only new messages are read."""
    await services.outbox.send(person, services.texts.get(t.EDITED, person.language))


def create_router() -> Router:
    """The edited-message handler."""
    router = Router(name="edited")
    router.edited_message.register(edited)
    return router
