"""Who a Telegram update is from, as the rest of the front end needs it (no names, no usernames)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.identity import sender_id
from bot.languages import normalise

CHANNEL = "telegram"


@dataclass(frozen=True)
class Person:
    """A private chat: where to answer, the engine's pseudonym, and the language to use."""

    chat_id: int
    sender: str
    chosen: str | None = None
    client: str | None = None
    default: str = "en"

    @property
    def language(self) -> str:
        """The language of texts to this person: their choice, else their Telegram app's, else the default."""
        return self.chosen or self.client or self.default

    @property
    def engine_language(self) -> str | None:
        """What the engine gets as `metadata.language`; None lets the engine detect it from the text."""
        return self.chosen or self.client


def sender_for(chat_id: int, key: str) -> str:
    """The engine's pseudonymous sender id for a Telegram chat."""
    return sender_id(CHANNEL, chat_id, key)


def make_person(chat_id: int, key: str, chosen: str | None, client_code: str | None, default: str) -> Person:
    """A Person from a chat, the stored choice and the client's `language_code` (normalised here)."""
    return Person(chat_id, sender_for(chat_id, key), normalise(chosen), normalise(client_code), default)
