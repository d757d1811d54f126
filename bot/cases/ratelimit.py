"""Limits on link code attempts, so that guessing a code is hopeless.

A code is 50 bits: with N live codes a single guess hits with probability N / 2^50. Even with
10,000 live codes and the global limit (100 failures an hour, all chats together) used to the
full for a whole year, the chance that any guess hits is about 8e-6. The per-chat limits stop
one chat from using up the global budget in a minute and keep typos from locking a person out
for long. Only failed attempts count; the counters live in the database, so restarts and
several processes share them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.db.repositories import LinkAttemptRepository
from bot.settings import Settings

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Limits:
    """Failed attempts allowed per chat (an hour, a day) and over all chats (an hour)."""

    per_chat_hour: int = 5
    per_chat_day: int = 10
    global_hour: int = 100

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        """The limits configured in Settings."""
        return cls(settings.link_attempts_per_chat_hour, settings.link_attempts_per_chat_day,
                   settings.link_attempts_global_hour)


class AttemptLimiter:
    """Decides whether a chat may try a code now, and counts the failures."""

    def __init__(self, session: Session, limits: Limits) -> None:
        self.attempts = LinkAttemptRepository(session)
        self.limits = limits

    def allowed(self, sender_id: str, now: dt.datetime) -> bool:
        """False when this chat, or everyone together, has failed too often lately."""
        if self.attempts.count(now - HOUR, sender_id) >= self.limits.per_chat_hour:
            return False
        if self.attempts.count(now - DAY, sender_id) >= self.limits.per_chat_day:
            return False
        return self.attempts.count(now - HOUR) < self.limits.global_hour

    def failed(self, sender_id: str, now: dt.datetime) -> None:
        """Count one failed attempt by this chat."""
        self.attempts.add(sender_id, now)
