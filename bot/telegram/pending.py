"""Messages waiting for the engine to come back, so that nothing a person sends is silently lost.

When the engine is down, a person's message waits here (a few per chat) while a worker per chat
retries with backoff. When the engine answers, the answer is delivered; when it stays down past
the retry window, or the bot shuts down, the person is told clearly which messages were not
answered. Messages that arrive while a chat has messages waiting queue behind them, in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.engine.client import EngineUnavailable
from bot.telegram.person import Person

log = logging.getLogger(__name__)

MAX_DELAY_S = 30.0


@dataclass
class PendingMessage:
    """One message (or button payload) that the engine has not answered yet."""

    person: Person
    text: str
    queued_at: float = field(default_factory=time.monotonic)


#: Sends a message to the engine and delivers the answer; raises EngineUnavailable while it is down.
Attempt = Callable[[PendingMessage], Awaitable[None]]
#: Tells a person that `count` of their messages were not answered.
GiveUp = Callable[[Person, int], Awaitable[None]]
#: True when the engine looks ready (a cheap check before a real attempt).
Probe = Callable[[], Awaitable[bool]]


class PendingQueue:
    """A bounded queue per chat, each drained by its own retry worker."""

    def __init__(self, attempt: Attempt, give_up: GiveUp, probe: Probe, *, per_chat: int,
                 retry_for_s: float, first_delay_s: float, max_delay_s: float = MAX_DELAY_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.attempt = attempt
        self.give_up = give_up
        self.probe = probe
        self.per_chat = per_chat
        self.retry_for_s = retry_for_s
        self.first_delay_s = first_delay_s
        self.max_delay_s = max(max_delay_s, first_delay_s)
        self.clock = clock
        self._queues: dict[int, deque[PendingMessage]] = {}
        self._workers: dict[int, asyncio.Task[None]] = {}

    def has_pending(self, chat_id: int) -> bool:
        """True while messages of this chat wait for the engine (new ones must queue behind them)."""
        return bool(self._queues.get(chat_id))

    def add(self, person: Person, text: str) -> bool:
        """Queue a message; False when the chat already has the maximum waiting (tell the person)."""
        queue = self._queues.setdefault(person.chat_id, deque())
        if len(queue) >= self.per_chat:
            return False
        queue.append(PendingMessage(person, text, self.clock()))
        if person.chat_id not in self._workers:
            self._workers[person.chat_id] = asyncio.create_task(self._work(person.chat_id))
        return True

    def drop(self, chat_id: int) -> int:
        """Forget a chat's waiting messages (the person asked to delete everything); returns how many."""
        worker = self._workers.pop(chat_id, None)
        if worker and worker is not asyncio.current_task():
            worker.cancel()
        queue = self._queues.pop(chat_id, None) or deque()
        count = len(queue)
        queue.clear()  # a worker still holding it (the caller itself) finds nothing left to send
        return count

    async def close(self) -> None:
        """Stop every worker and tell each person what was not answered (the bot is shutting down)."""
        workers = list(self._workers.values())
        self._workers.clear()
        for worker in workers:
            worker.cancel()
        for worker in workers:
            with contextlib.suppress(asyncio.CancelledError):
                await worker
        queues, self._queues = self._queues, {}
        for queue in queues.values():
            if queue:
                await self._give_up(queue)

    async def _try(self, message: PendingMessage) -> bool:
        """One attempt; True when the message was handled (answered, or failed for another reason)."""
        if not await self.probe():
            return False
        try:
            await self.attempt(message)
        except EngineUnavailable:
            return False
        except Exception:  # a bug must not block the chat's queue forever
            log.exception("a waiting message failed")
            await self.give_up(message.person, 1)
        return True

    async def _give_up(self, queue: deque[PendingMessage]) -> None:
        person = queue[-1].person
        count = len(queue)
        queue.clear()
        log.warning("engine still down: %d waiting message(s) of a chat not answered", count)
        try:
            await self.give_up(person, count)
        except Exception:
            log.exception("could not tell a person their messages were not answered")

    async def _work(self, chat_id: int) -> None:
        queue = self._queues[chat_id]
        delay = self.first_delay_s
        try:
            while queue:
                head = queue[0]
                remaining = head.queued_at + self.retry_for_s - self.clock()
                if remaining <= 0:
                    await self._give_up(queue)
                    break
                # The message has just failed once: wait before the next attempt.
                await asyncio.sleep(min(delay, remaining))
                delay = min(delay * 2, self.max_delay_s)
                while queue:
                    head = queue[0]
                    if not await self._try(head):
                        break
                    if queue and queue[0] is head:  # (the person may have asked to forget meanwhile)
                        queue.popleft()
                    delay = self.first_delay_s
        finally:
            if self._workers.get(chat_id) is asyncio.current_task():
                del self._workers[chat_id]
                if queue:  # a message arrived while the person was being told: start over for it
                    self._workers[chat_id] = asyncio.create_task(self._work(chat_id))
                else:
                    self._queues.pop(chat_id, None)
