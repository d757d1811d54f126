"""What a person chose or told the assistant: language, self-reported phase, whether the chat is active."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.db.database import Database
from bot.db.models import ChatLink, Person
from bot.db.types import utcnow


class PersonRepository:
    """People by pseudonymous sender id. A row exists only once the person chose or told something."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, sender_id: str) -> Person | None:
        """The person's row, if any."""
        return self.session.get(Person, sender_id)

    def _get_or_add(self, sender_id: str) -> Person:
        person = self.get(sender_id)
        if person is None:
            person = Person(sender_id=sender_id)
            self.session.add(person)
        return person

    def set_language(self, sender_id: str, language: str) -> Person:
        """Remember the language the person uses."""
        person = self._get_or_add(sender_id)
        person.language = language
        self.session.flush()
        return person

    def report_phase(self, sender_id: str, phase: str, now: dt.datetime) -> Person:
        """Remember the phase the person says they are in."""
        person = self._get_or_add(sender_id)
        person.reported_phase = phase
        person.reported_at = now
        self.session.flush()
        return person

    def set_inactive(self, sender_id: str, inactive: bool) -> None:
        """Record that the person blocked the bot (or came back)."""
        person = self.get(sender_id) if not inactive else self._get_or_add(sender_id)
        if person is not None:
            person.inactive = inactive
            self.session.flush()

    def delete(self, sender_id: str) -> int:
        """Delete the person's row; returns how many rows (0 or 1)."""
        return self.session.execute(delete(Person).where(Person.sender_id == sender_id)).rowcount

    def delete_idle(self, before: dt.datetime) -> int:
        """Delete people untouched since `before` whose chat is not linked to a case."""
        linked = select(ChatLink.sender_id)
        query = delete(Person).where(Person.updated_at < before, Person.sender_id.not_in(linked))
        return self.session.execute(query).rowcount


class SqlPreferenceStore:
    """The Telegram front end's preference store (bot.telegram.store.SyncPreferenceStore) on the app DB.

    Wrap it in bot.telegram.store.ThreadedPreferenceStore to use it from the event loop.
    """

    def __init__(self, database: Database) -> None:
        self.database = database

    def get_language(self, sender: str) -> str | None:
        """The language the person chose, if any."""
        with self.database.session() as session:
            person = PersonRepository(session).get(sender)
            return person.language if person else None

    def set_language(self, sender: str, language: str) -> None:
        """Remember the chosen language."""
        with self.database.session() as session:
            PersonRepository(session).set_language(sender, language)

    def mark_inactive(self, sender: str, inactive: bool = True) -> None:
        """Record that the chat blocked the bot (or came back)."""
        with self.database.session() as session:
            PersonRepository(session).set_inactive(sender, inactive)

    def touch(self, sender: str, now: dt.datetime | None = None) -> None:
        """Note that the person is still around (keeps their preferences from the idle purge)."""
        with self.database.session() as session:
            person = PersonRepository(session).get(sender)
            if person is not None:
                person.updated_at = now or utcnow()

