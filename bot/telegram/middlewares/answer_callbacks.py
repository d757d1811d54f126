"""Every button press is answered at once, so no button keeps spinning on the person's phone."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, TelegramObject

log = logging.getLogger(__name__)


class AnswerCallbacks(BaseMiddleware):
    """Answers the callback query before the handler runs (the answer itself follows as a message)."""

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        """Answer first; a query too old to answer still gets handled."""
        if isinstance(event, CallbackQuery):
            try:
                await event.answer()
            except TelegramAPIError as exc:
                log.info("callback query not answered: %s", type(exc).__name__)
        return await handler(event, data)
