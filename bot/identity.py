"""Pseudonymous ids: the engine and the database never see a Telegram chat id in clear."""

from __future__ import annotations

import hashlib
import hmac


def sender_id(channel: str, chat_id: int | str, key: str) -> str:
    """A stable, keyed pseudonym for a chat on a channel (HMAC-SHA256, 128 bits, hex)."""
    digest = hmac.new(key.encode(), f"{channel}:{chat_id}".encode(), hashlib.sha256).hexdigest()
    return f"{channel}-{digest[:32]}"
