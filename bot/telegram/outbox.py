"""Sending to a person: escaped HTML, long texts split, keyboards on the last part, blocked chats noted."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.types import InlineKeyboardMarkup

from bot.engine.client import BotReply
from bot.telegram.callbacks import CallbackStore
from bot.telegram.formatting import escape, split_message
from bot.telegram.keyboards import engine_keyboard
from bot.telegram.person import Person
from bot.telegram.store import PreferenceStore

log = logging.getLogger(__name__)


class Outbox:
    """Every message the front end sends to a person goes through here."""

    def __init__(self, bot: Bot, store: PreferenceStore, callbacks: CallbackStore) -> None:
        self.bot = bot
        self.store = store
        self.callbacks = callbacks

    async def send(self, person: Person, text: str, keyboard: InlineKeyboardMarkup | None = None) -> bool:
        """Send a plain text (escaped, split at paragraphs); False when it could not be delivered."""
        parts = split_message(text)
        try:
            for index, part in enumerate(parts):
                last = index == len(parts) - 1
                await self.bot.send_message(person.chat_id, escape(part), reply_markup=keyboard if last else None)
        except TelegramForbiddenError:
            # The person blocked the bot (or deleted their account): stop writing to them.
            log.info("chat blocked the bot; marked inactive")
            await self.store.mark_inactive(person.sender)
            return False
        except TelegramAPIError as exc:
            log.error("message not delivered: %s", type(exc).__name__)
            return False
        return True

    async def send_reply(self, person: Person, reply: BotReply) -> bool:
        """Send one engine reply with its buttons; a reply without text (custom data only) is skipped."""
        if not reply.text:
            return True
        return await self.send(person, reply.text, engine_keyboard(reply.buttons, self.callbacks))

    async def send_to_chat(self, chat_id: int, text: str) -> None:
        """Send a plain text to a chat that is not a person's private chat (a group notice)."""
        try:
            await self.bot.send_message(chat_id, escape(text))
        except TelegramAPIError as exc:
            log.info("group notice not delivered: %s", type(exc).__name__)

    async def remove_keyboard(self, chat_id: int, message_id: int) -> None:
        """Take the buttons off a message (a language picked, a question answered)."""
        try:
            await self.bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=None)
        except TelegramBadRequest:
            pass  # already removed, or the message is too old to edit: nothing to do
        except TelegramAPIError as exc:
            log.info("keyboard not removed: %s", type(exc).__name__)
