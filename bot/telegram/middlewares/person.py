"""Who an update in a private chat is from: a Person with a pseudonym and a language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Chat, Message, TelegramObject

from bot.telegram.person import Person, make_person, sender_for
from bot.telegram.store import PreferenceStore


def chat_of(event: TelegramObject) -> Chat | None:
    """The chat a message or a button press happened in."""
    if isinstance(event, Message):
        return event.chat
    if isinstance(event, CallbackQuery) and event.message is not None:
        return event.message.chat
    return None


def chat_id_of(event: TelegramObject) -> int | None:
    """The id of that chat (a button on a message too old to see falls back to the user's chat)."""
    chat = chat_of(event)
    if chat is not None:
        return chat.id
    if isinstance(event, CallbackQuery):
        return event.from_user.id
    return None


def is_private(event: TelegramObject) -> bool:
    """True for updates from a one-to-one chat with the bot."""
    chat = chat_of(event)
    return chat.type == ChatType.PRIVATE if chat is not None else isinstance(event, CallbackQuery)


async def resolve_person(event: TelegramObject, store: PreferenceStore, key: str,
                         default_language: str) -> Person | None:
    """The Person behind a private-chat update, with their stored language; None for groups."""
    chat_id = chat_id_of(event)
    if chat_id is None or not is_private(event):
        return None
    user = getattr(event, "from_user", None)
    sender = sender_for(chat_id, key)
    chosen = await store.get_language(sender)
    return make_person(chat_id, key, chosen, getattr(user, "language_code", None), default_language)


class PersonMiddleware(BaseMiddleware):
    """Puts `person` into the handler data for private chats (groups are never read)."""

    def __init__(self, store: PreferenceStore, key: str, default_language: str) -> None:
        self.store = store
        self.key = key
        self.default_language = default_language

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        """Resolve the person, then handle."""
        person = await resolve_person(event, self.store, self.key, self.default_language)
        if person is not None:
            data["person"] = person
        return await handler(event, data)
