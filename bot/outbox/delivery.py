"""Delivering the outbox: claim, render, send, settle.

Guarantees:
- never twice: a row is sent only by the deliverer holding its claim (a compare-and-set in the
  database), and a row marked `sent` is never claimed again, by this process or after a restart;
  the idempotency key keeps a second row for the same event from existing at all;
- at least once: a claim is committed before sending, and a claim older than the lease (the
  deliverer crashed mid-send) is taken over, so a crash delays a message instead of losing it.
The one gap left is a crash after the channel accepted the message and before `sent` was
committed (milliseconds); then the message goes out again after the lease.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.db.database import Database
from bot.db.models import OutboxMessage
from bot.db.repositories import ChatLinkRepository, OutboxRepository, PersonRepository
from bot.db.types import utcnow
from bot.nlg.renderer import Rendered, Renderer

log = logging.getLogger(__name__)

DEFAULT_LEASE = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class Recipient:
    """Who a message goes to: the sender id, and the chat address the link holds (if any)."""

    sender_id: str
    channel: str | None
    chat_id: str | None
    language: str


#: Sends one rendered message; returns True when the channel accepted it. False or an exception
#: means "not now": the message is tried again later (up to `max_attempts`).
Send = Callable[[Recipient, Rendered], Awaitable[bool]]


def render(renderer: Renderer, message: OutboxMessage, language: str) -> Rendered:
    """The message's parts rendered in `language` and joined into one message."""
    rendered = [renderer.render(part["response"], language, part.get("args") or {}, final=False)
                for part in message.parts]
    # The text's own language decides right-to-left handling (an English fallback stays as it is).
    languages = {r.language for r in rendered}
    joined = Rendered(
        "\n\n".join(r.text for r in rendered), languages.pop() if len(languages) == 1 else language,
        [button for r in rendered for button in r.buttons],
        any(r.fallback for r in rendered), all(r.reviewed for r in rendered),
    )
    return renderer.finish(joined)


class Deliverer:
    """Delivers queued messages for one front end (a channel, or one sender in the terminal chat)."""

    def __init__(self, database: Database, renderer: Renderer, *, lease: dt.timedelta = DEFAULT_LEASE,
                 max_attempts: int = 5, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self.database = database
        self.renderer = renderer
        self.lease = lease
        self.max_attempts = max_attempts
        self.clock = clock

    def claim(self, *, channel: str | None = None, sender_id: str | None = None,
              limit: int = 20) -> list[tuple[OutboxMessage, Recipient | None]]:
        """Claim messages (committed at once) with their recipients; None when nobody can receive it."""
        with self.database.session() as session:
            messages = OutboxRepository(session).claim(self.clock(), self.lease, limit=limit,
                                                       max_attempts=self.max_attempts,
                                                       sender_id=sender_id, channel=channel)
            links = ChatLinkRepository(session)
            people = PersonRepository(session)
            claimed = []
            for message in messages:
                link = links.get(message.sender_id)
                person = people.get(message.sender_id)
                if link is None or (person is not None and person.inactive):
                    # Unlinked since, or the person blocked the bot: nobody to send it to.
                    claimed.append((message, None))
                    continue
                # The language chosen now wins over the one when the message was queued.
                language = (person.language if person else None) or message.language
                claimed.append((message, Recipient(message.sender_id, link.channel, link.chat_id, language)))
            return claimed

    def _settle(self, message: OutboxMessage, outcome: str, error: str = "") -> None:
        token = message.claim_token or ""
        with self.database.session() as session:
            outbox = OutboxRepository(session)
            if outcome == "sent":
                kept = outbox.mark_sent(message.id, token, self.clock())
            elif outcome == "dropped":
                kept = outbox.drop(message.id, token)
            else:
                kept = outbox.release(message.id, token, error, final=message.attempts >= self.max_attempts)
        if not kept:
            log.warning("outbox message %s: claim lost before it was settled", message.id)

    async def deliver(self, send: Send, *, channel: str | None = None, sender_id: str | None = None,
                      limit: int = 20) -> int:
        """Deliver what is due; returns how many messages went out."""
        claimed = await asyncio.to_thread(self.claim, channel=channel, sender_id=sender_id, limit=limit)
        sent = 0
        for message, recipient in claimed:
            if recipient is None:
                await asyncio.to_thread(self._settle, message, "dropped")
                continue
            try:
                accepted = await send(recipient, render(self.renderer, message, recipient.language))
            except Exception as exc:  # noqa: BLE001 - any failure to send means "try again later"
                log.warning("outbox message %s not sent: %s", message.id, type(exc).__name__)
                await asyncio.to_thread(self._settle, message, "retry", type(exc).__name__)
                continue
            if accepted:
                await asyncio.to_thread(self._settle, message, "sent")
                sent += 1
            else:
                await asyncio.to_thread(self._settle, message, "retry", "NotAccepted")
        return sent


def record_address(database: Database, sender_id: str, channel: str, chat_id: str | int) -> bool:
    """Where proactive messages for a linked chat go (the front end calls this when the engine's reply
    carries `{"wegwijs": {"linked": true}}`); False when the chat is not linked.
    """
    with database.session() as session:
        return ChatLinkRepository(session).set_address(sender_id, channel, str(chat_id))


async def delivery_loop(deliverer: Deliverer, send: Send, *, channel: str | None = None,
                        sender_id: str | None = None, interval: dt.timedelta = dt.timedelta(seconds=10),
                        stop: asyncio.Event | None = None) -> None:
    """Deliver every `interval` until `stop` is set (a front end runs this as a background task)."""
    stop = stop or asyncio.Event()
    while not stop.is_set():
        try:
            await deliverer.deliver(send, channel=channel, sender_id=sender_id)
        except Exception:  # noqa: BLE001 - the loop must outlive a database hiccup
            log.exception("outbox delivery failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval.total_seconds())
