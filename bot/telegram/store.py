"""What the front end remembers about a person: the chosen language and whether the chat is active.

The interface is a small protocol keyed by the pseudonymous sender id (never the chat id), so the
database's SQL-backed store can replace the in-memory one without touching the handlers.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from typing import Protocol, runtime_checkable


@runtime_checkable
class PreferenceStore(Protocol):
    """The person's preferences, keyed by sender id (see bot.identity.sender_id)."""

    async def get_language(self, sender: str) -> str | None:
        """The language the person chose, or None when they never chose one."""

    async def set_language(self, sender: str, language: str) -> None:
        """Remember the language the person chose."""

    async def mark_inactive(self, sender: str, inactive: bool = True) -> None:
        """The person blocked the bot (True) or came back (False): stop or resume messaging them."""


class SyncPreferenceStore(Protocol):
    """The same interface with plain methods (e.g. a store built on synchronous SQLAlchemy)."""

    def get_language(self, sender: str) -> str | None:
        """The language the person chose, or None."""

    def set_language(self, sender: str, language: str) -> None:
        """Remember the language the person chose."""

    def mark_inactive(self, sender: str, inactive: bool = True) -> None:
        """The person blocked the bot (True) or came back (False)."""


class MemoryPreferenceStore:
    """An in-memory store, bounded so a long-running bot cannot grow without limit."""

    def __init__(self, capacity: int = 100_000) -> None:
        self.capacity = capacity
        self.languages: OrderedDict[str, str] = OrderedDict()
        self.inactive: set[str] = set()

    async def get_language(self, sender: str) -> str | None:
        """The chosen language, if any."""
        if sender in self.languages:
            self.languages.move_to_end(sender)
        return self.languages.get(sender)

    async def set_language(self, sender: str, language: str) -> None:
        """Remember the language (the least recently seen person is forgotten when full)."""
        self.languages[sender] = language
        self.languages.move_to_end(sender)
        while len(self.languages) > self.capacity:
            self.languages.popitem(last=False)

    async def mark_inactive(self, sender: str, inactive: bool = True) -> None:
        """Record that the chat is (in)active."""
        if inactive:
            self.inactive.add(sender)
        else:
            self.inactive.discard(sender)

    def forget(self, sender: str) -> None:
        """Drop everything kept about one person."""
        self.languages.pop(sender, None)
        self.inactive.discard(sender)


class ThreadedPreferenceStore:
    """Adapts a synchronous store: each call runs in a worker thread, so the event loop never blocks."""

    def __init__(self, inner: SyncPreferenceStore) -> None:
        self.inner = inner

    async def get_language(self, sender: str) -> str | None:
        """The chosen language, read in a thread."""
        return await asyncio.to_thread(self.inner.get_language, sender)

    async def set_language(self, sender: str, language: str) -> None:
        """Store the language in a thread."""
        await asyncio.to_thread(self.inner.set_language, sender, language)

    async def mark_inactive(self, sender: str, inactive: bool = True) -> None:
        """Store the chat state in a thread."""
        await asyncio.to_thread(self.inner.mark_inactive, sender, inactive)
