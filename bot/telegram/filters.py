"""Filters shared by the routers."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import TelegramObject

from bot.telegram.person import Person


class InPrivateChat(Filter):
    """True when the update comes from a person's private chat (PersonMiddleware found a person)."""

    async def __call__(self, event: TelegramObject, person: Person | None = None) -> bool:
        """Groups and channels have no person: they are never read."""
        return person is not None
