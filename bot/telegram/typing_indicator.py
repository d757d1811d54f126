"""The "typing…" indicator while the engine thinks.

aiogram's ChatActionSender would let an error of its background task go unnoticed; the indicator
is cosmetic, so here a failed chat action is simply skipped and never delays the answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError

log = logging.getLogger(__name__)

#: Telegram shows a chat action for about 5 seconds; renew it a little sooner.
INTERVAL_S = 4.5


async def _keep_typing(bot: Bot, chat_id: int, interval: float) -> None:
    while True:
        try:
            await bot.send_chat_action(chat_id=chat_id, action="typing")
        except TelegramAPIError as exc:
            log.debug("typing indicator skipped: %s", type(exc).__name__)
        await asyncio.sleep(interval)


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int, interval: float = INTERVAL_S) -> AsyncIterator[None]:
    """Show "typing…" in the chat for as long as the block runs."""
    task = asyncio.create_task(_keep_typing(bot, chat_id, interval))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
