"""Forgetting a person when they ask (/forget, or the engine's `{"wegwijs": {"forget": true}}`).

The front end drops what it holds itself (the chats' waiting messages) and hands the rest to a
`ForgetService`: in production the app database's (bot.privacy.frontend.DatabaseForget, wired in
by bot.telegram.wiring), in tests and development `MemoryForget` on the in-memory store.
"""

from __future__ import annotations

import logging
from typing import Protocol

from bot.telegram.store import MemoryPreferenceStore

log = logging.getLogger(__name__)


class ForgetService(Protocol):
    """Deletes everything kept about a person (by pseudonymous sender id)."""

    async def forget(self, sender: str) -> None:
        """Delete the person's data."""


class MemoryForget:
    """Forgets a person in the in-memory preference store (development and tests)."""

    def __init__(self, store: MemoryPreferenceStore) -> None:
        self.store = store

    async def forget(self, sender: str) -> None:
        """Drop the person's language choice and chat state."""
        self.store.forget(sender)


class PrivacyServiceMissing:
    """Used when a store other than the in-memory one comes without a forget service: nothing can be
    deleted, so it says so loudly. Pass the real service to `create_app(forget=...)`."""

    async def forget(self, sender: str) -> None:
        """Log loudly: the preference store is not in memory, so something else must delete it."""
        log.error("forget requested but no privacy service is wired into the Telegram front end")
