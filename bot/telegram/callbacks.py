"""Callback data for inline buttons, kept under Telegram's 64-byte limit.

Engine payloads such as `/who_can_help{"phase": "rest_period"}` are too long to travel in a
button, so a button carries a short id and the payload stays here. Ids are derived from the
payload (the same payload always gets the same id), payloads from the curated content are pinned
so their buttons keep working after a restart, and the rest are kept least-recently-used.
"""

from __future__ import annotations

import base64
import hashlib
from collections import OrderedDict
from collections.abc import Iterable

from aiogram.filters.callback_data import CallbackData

from bot.telegram.payloads import change_language


class PayloadButton(CallbackData, prefix="p"):
    """A button that sends an engine payload, by id (see CallbackStore)."""

    id: str


class LanguageButton(CallbackData, prefix="l"):
    """A language picked from the picker; `start` when the picker came from /start."""

    code: str
    start: bool = False


class OpenLanguagePicker(CallbackData, prefix="lp"):
    """The button that opens the language picker."""


def payload_id(payload: str) -> str:
    """A short, stable id for a payload (72 bits of SHA-256, URL-safe)."""
    return base64.urlsafe_b64encode(hashlib.sha256(payload.encode()).digest()[:9]).decode()


class CallbackStore:
    """Short ids for engine payloads: pinned ones forever, others in a bounded LRU."""

    def __init__(self, capacity: int, pinned: Iterable[str] = ()) -> None:
        self.capacity = capacity
        self._pinned = {payload_id(p): p for p in pinned}
        self._recent: OrderedDict[str, str] = OrderedDict()

    def __len__(self) -> int:
        return len(self._pinned) + len(self._recent)

    def put(self, payload: str) -> str:
        """Remember a payload and return the callback data of a button that sends it."""
        key = payload_id(payload)
        if key not in self._pinned:
            self._recent[key] = payload
            self._recent.move_to_end(key)
            while len(self._recent) > self.capacity:
                self._recent.popitem(last=False)
        return PayloadButton(id=key).pack()

    def get(self, key: str) -> str | None:
        """The payload behind an id, or None when it was forgotten (a very old button)."""
        if key in self._pinned:
            return self._pinned[key]
        payload = self._recent.get(key)
        if payload is not None:
            self._recent.move_to_end(key)
        return payload


def known_payloads(entries: Iterable[object], topics: Iterable[str], languages: Iterable[str]) -> set[str]:
    """Payloads whose buttons should survive a restart: content buttons, topics, language switches.

    `entries` are content entries (anything with `.buttons` of objects with `.payload`).
    """
    payloads = {b.payload for e in entries for b in getattr(e, "buttons", ())}
    payloads.update(f"/{t}" for t in topics)
    payloads.update(change_language(code) for code in languages)
    return payloads
