"""Messages the assistant sends on its own (a caseworker changed the phase of a linked case).

Two pieces connect the Telegram front end to the outbox (bot.outbox):
- when the engine's reply says the chat was just linked (`{"wegwijs": {"linked": true}}`), the
  chat's address is recorded on the link, the only place a Telegram chat id is stored;
- a background loop claims the outbox's Telegram messages and sends them like any other message.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from typing import TYPE_CHECKING, Protocol

from bot.engine.client import BotReply, Button
from bot.telegram.callbacks import CallbackStore
from bot.telegram.keyboards import engine_keyboard
from bot.telegram.outbox import Outbox
from bot.telegram.person import CHANNEL, Person

if TYPE_CHECKING:
    from bot.db.database import Database
    from bot.nlg.renderer import Rendered
    from bot.outbox.delivery import Deliverer, Recipient

log = logging.getLogger(__name__)


def says_linked(reply: BotReply) -> bool:
    """True when the engine says the chat was just linked to a case."""
    return ((reply.custom or {}).get("wegwijs") or {}).get("linked") is True


class AddressBook(Protocol):
    """Records where proactive messages for a linked chat go."""

    async def record(self, sender: str, chat_id: int) -> None:
        """Remember the chat's address on its link."""


class NoAddressBook:
    """No database: nothing to record (development and most tests)."""

    async def record(self, sender: str, chat_id: int) -> None:
        """Do nothing."""


class DatabaseAddressBook:
    """Records the address on the chat link in the app database (in a worker thread)."""

    def __init__(self, database: Database) -> None:
        self.database = database

    async def record(self, sender: str, chat_id: int) -> None:
        """Set channel and chat id on the link; a chat that is not linked is left alone."""
        from bot.outbox.delivery import record_address

        if not await asyncio.to_thread(record_address, self.database, sender, CHANNEL, chat_id):
            log.warning("engine said linked, but the chat has no link to record an address on")


class ProactiveDelivery:
    """Runs the outbox delivery loop for Telegram while the bot runs."""

    def __init__(self, deliverer: Deliverer, outbox: Outbox, callbacks: CallbackStore, interval_s: float) -> None:
        self.deliverer = deliverer
        self.outbox = outbox
        self.callbacks = callbacks
        self.interval = dt.timedelta(seconds=interval_s)
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def send(self, recipient: Recipient, message: Rendered) -> bool:
        """Send one rendered outbox message to the recipient's chat; False when it did not go out."""
        if recipient.channel != CHANNEL or not recipient.chat_id:
            return False
        person = Person(int(recipient.chat_id), recipient.sender_id, chosen=recipient.language)
        buttons = [Button(b["title"], b["payload"]) for b in message.buttons]
        return await self.outbox.send(person, message.text, engine_keyboard(buttons, self.callbacks))

    def start(self) -> None:
        """Start the loop (once)."""
        from bot.outbox.delivery import delivery_loop

        if self._task is None:
            self._stop.clear()
            self._task = asyncio.create_task(delivery_loop(self.deliverer, self.send, channel=CHANNEL,
                                                           interval=self.interval, stop=self._stop))

    async def stop(self) -> None:
        """Stop the loop after the message in flight, if any."""
        self._stop.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(self._task, timeout=30)
            self._task = None
