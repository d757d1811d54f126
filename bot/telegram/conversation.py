"""A person's message to the engine and the answer back, with "typing…" and the engine-down path."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from aiogram import Bot

from bot.engine.client import BotReply, EngineClient, EngineUnavailable
from bot.languages import normalise
from bot.settings import Settings
from bot.telegram import texts as t
from bot.telegram.forget import ForgetService
from bot.telegram.outbox import Outbox
from bot.telegram.pending import PendingMessage, PendingQueue
from bot.telegram.person import Person
from bot.telegram.proactive import AddressBook, NoAddressBook, says_linked
from bot.telegram.store import PreferenceStore
from bot.telegram.texts import Texts
from bot.telegram.typing_indicator import typing

log = logging.getLogger(__name__)


def wants_forget(reply: BotReply) -> bool:
    """True when the engine says the person asked to be forgotten (`{"wegwijs": {"forget": true}}`)."""
    return ((reply.custom or {}).get("wegwijs") or {}).get("forget") is True


class Conversation:
    """Relays texts and button payloads to the engine and delivers its replies."""

    def __init__(self, bot: Bot, engine: EngineClient, outbox: Outbox, texts: Texts,
                 store: PreferenceStore, forget: ForgetService, settings: Settings,
                 addresses: AddressBook | None = None) -> None:
        self.bot = bot
        self.engine = engine
        self.outbox = outbox
        self.texts = texts
        self.store = store
        self.forget_service = forget
        self.addresses = addresses or NoAddressBook()
        self.pending = PendingQueue(
            self._answer, self.tell_not_answered, engine.is_ready,
            per_chat=settings.telegram_pending_per_chat,
            retry_for_s=settings.telegram_engine_retry_s,
            first_delay_s=settings.telegram_engine_backoff_s,
        )

    async def ask(self, person: Person, text: str) -> None:
        """Send a text or payload to the engine and deliver the answer; keep it if the engine is down."""
        if self.pending.has_pending(person.chat_id):
            # Earlier messages are still waiting for the engine: this one goes behind them, in order.
            await self._queue(person, text)
            return
        try:
            await self._answer(PendingMessage(person, text))
        except EngineUnavailable as exc:
            log.warning("engine unavailable (%s); message kept for a retry", type(exc.__cause__ or exc).__name__)
            await self.outbox.send(person, self.texts.get(t.ENGINE_DOWN, person.language))
            await self._queue(person, text)

    async def _queue(self, person: Person, text: str) -> None:
        if not self.pending.add(person, text):
            await self.tell_not_answered(person, 1)

    async def _answer(self, message: PendingMessage) -> None:
        person = message.person
        async with typing(self.bot, person.chat_id):
            replies = await self.engine.send(person.sender, message.text, person.engine_language)
        await self.deliver(person, replies)

    async def deliver(self, person: Person, replies: Sequence[BotReply]) -> None:
        """Send the engine's replies in order; remember a language switch and a new link; forget when asked."""
        forget = False
        for reply in replies:
            if code := normalise(reply.language_switch):
                await self.store.set_language(person.sender, code)
                person = replace(person, chosen=code)
            if says_linked(reply):
                await self.addresses.record(person.sender, person.chat_id)
            forget = forget or wants_forget(reply)
            await self.outbox.send_reply(person, reply)
        if forget:
            await self.forget(person)

    async def forget(self, person: Person) -> None:
        """Drop everything the front end and the database keep about the person."""
        self.pending.drop(person.chat_id)
        await self.forget_service.forget(person.sender)

    async def tell_not_answered(self, person: Person, count: int) -> None:
        """Tell the person clearly that `count` of their messages were not answered."""
        await self.outbox.send(person, self.texts.get(t.NOT_ANSWERED, person.language, count=count))

    async def close(self) -> None:
        """Give up on waiting messages (telling each person) before the bot stops."""
        await self.pending.close()
