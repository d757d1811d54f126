"""Every Bot API call is retried when Telegram asks to wait (429) or the network fails.

A request middleware on the bot's session, so every send, edit and answer gets the same rules:
429 waits exactly `retry_after` seconds; network and server errors back off exponentially.
getUpdates is left alone (the dispatcher's polling loop has its own backoff), and so is the
typing indicator: it is cosmetic, and waiting for it would only delay the answer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import (
    TelegramEntityTooLarge,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import GetUpdates, Response, SendChatAction, TelegramMethod

log = logging.getLogger(__name__)

#: Calls that are never retried here.
NOT_RETRIED = (GetUpdates, SendChatAction)

Sleep = Callable[[float], Awaitable[Any]]


class RetryRequests(BaseRequestMiddleware):
    """Retries a call up to `attempts` times, honouring 429 and backing off on network errors."""

    def __init__(self, attempts: int = 5, first_delay: float = 0.5, max_delay: float = 15.0,
                 sleep: Sleep = asyncio.sleep) -> None:
        self.attempts = max(1, attempts)
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.sleep = sleep

    async def __call__(self, make_request: NextRequestMiddlewareType[Any], bot: Bot,
                       method: TelegramMethod[Any]) -> Response[Any]:
        """Make the request, retrying what is worth retrying."""
        if isinstance(method, NOT_RETRIED):
            return await make_request(bot, method)
        delay = self.first_delay
        for attempt in range(1, self.attempts + 1):
            try:
                return await make_request(bot, method)
            except TelegramEntityTooLarge:
                raise  # the same request will be too large next time too
            except TelegramRetryAfter as exc:
                if attempt == self.attempts:
                    raise
                log.warning("%s: Telegram asks to wait %s s (attempt %d)", method.__api_method__,
                            exc.retry_after, attempt)
                await self.sleep(exc.retry_after)
            except (TelegramNetworkError, TelegramServerError) as exc:
                if attempt == self.attempts:
                    raise
                log.warning("%s failed (%s); retry in %.1f s (attempt %d)", method.__api_method__,
                            type(exc).__name__, delay, attempt)
                await self.sleep(delay)
                delay = min(delay * 2, self.max_delay)
        raise AssertionError("unreachable")  # pragma: no cover
