"""Per-person flood control: a friendly note instead of a flooded engine."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

from bot.telegram import texts as t
from bot.telegram.person import Person
from bot.telegram.services import Services

#: Chats tracked at once; the least recently active are forgotten first.
TRACKED_CHATS = 10_000


class FloodControl(BaseMiddleware):
    """Lets `limit` updates per `window_s` through per chat; the first one over gets a note, the rest
    are dropped until the window has room again."""

    def __init__(self, services: Services, limit: int, window_s: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.services = services
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self._seen: OrderedDict[int, deque[float]] = OrderedDict()
        self._warned: dict[int, float] = {}

    def allow(self, chat_id: int) -> bool:
        """Count one update of the chat; False when it is over the limit."""
        now = self.clock()
        times = self._seen.setdefault(chat_id, deque())
        self._seen.move_to_end(chat_id)
        while times and now - times[0] >= self.window_s:
            times.popleft()
        if len(self._seen) > TRACKED_CHATS:
            old, _ = self._seen.popitem(last=False)
            self._warned.pop(old, None)
        if len(times) >= self.limit:
            return False
        times.append(now)
        return True

    def should_warn(self, chat_id: int) -> bool:
        """One note per window, not one per dropped message."""
        now = self.clock()
        if now - self._warned.get(chat_id, -self.window_s) < self.window_s:
            return False
        self._warned[chat_id] = now
        return True

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        """Drop the update (after a note) when the person is over the limit."""
        person: Person | None = data.get("person")
        if person is None or self.allow(person.chat_id):
            return await handler(event, data)
        if self.should_warn(person.chat_id):
            await self.services.outbox.send(person, self.services.texts.get(t.FLOOD, person.language))
        return None
