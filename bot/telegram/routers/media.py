"""Everything a person can send that is not text gets a kind reply in their language."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import Message

from bot.telegram import texts as t
from bot.telegram.keyboards import human_keyboard
from bot.telegram.person import Person
from bot.telegram.services import Services

#: Which reply each kind of content gets; the first that matches wins.
KINDS = (
    (F.voice | F.audio | F.video_note, t.VOICE),
    (F.photo | F.video, t.PHOTO),
    (F.sticker | F.animation | F.dice, t.STICKER),
    (F.document, t.DOCUMENT),
    (F.location | F.venue, t.LOCATION),
    (F.contact, t.CONTACT),
)


def reply_with(key: str):
    """A handler that answers with the text `key` and a button to ask for a person."""

    async def handler(message: Message, person: Person, services: Services) -> None:
        await services.outbox.send(person, services.texts.get(key, person.language),
                                   human_keyboard(services.texts, person.language, services.callbacks))

    handler.__name__ = f"reply_{key}"
    return handler


def create_router() -> Router:
    """One handler per kind of content, and a last one for anything else."""
    router = Router(name="media")
    for condition, key in KINDS:
        router.message.register(reply_with(key), condition)
    router.message.register(reply_with(t.NOT_TEXT))
    return router
