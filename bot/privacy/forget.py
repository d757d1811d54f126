"""Forget-me: delete everything kept about one person, in the app database and the tracker store.

Two steps, because the engine saves the conversation after the action ran:
1. action_forget_me calls `forget_person` (app database) and tells the front end to finish;
2. the front end, once the engine's reply arrived (the tracker is saved by then), calls
   `forget_conversation`, which deletes the conversation, repeats step 1 (idempotent) and
   checks that no trace of the sender id is left anywhere.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from sqlalchemy import JSON, String, Text, cast, func, select
from sqlalchemy.orm import Session

from bot.db.database import Database, shared_database
from bot.db.models import Base
from bot.db.repositories import (
    AuditLog,
    ChatLinkRepository,
    InboxRepository,
    LinkAttemptRepository,
    OutboxRepository,
    PersonRepository,
)
from bot.db.types import utcnow
from bot.privacy.tracker_store import TrackerStore
from bot.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class ForgetReport:
    """How many records of each kind were deleted, and any trace still found afterwards."""

    deleted: dict[str, int] = field(default_factory=dict)
    leftovers: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when the check afterwards found nothing."""
        return not self.leftovers

    def add(self, other: ForgetReport) -> None:
        """Add another report's counts and leftovers to this one."""
        for kind, count in other.deleted.items():
            self.deleted[kind] = self.deleted.get(kind, 0) + count
        self.leftovers.extend(other.leftovers)


def forget_person(session: Session, sender_id: str, now: dt.datetime | None = None) -> ForgetReport:
    """Delete the person's chat link, preferences, self-reported phase, handoff requests, queued
    messages and audit entries; failed code attempts keep counting, without the sender id.

    The case itself stays: it is the caseworker's record, not the chat's.
    """
    now = now or utcnow()
    link = ChatLinkRepository(session).unlink(sender_id)
    deleted = {
        "chat_link": 1 if link is not None else 0,
        "person": PersonRepository(session).delete(sender_id),
        "handoff_requests": InboxRepository(session).delete_handoffs(sender_id),
        "outbox": OutboxRepository(session).delete_for_sender(sender_id),
        "audit_entries": AuditLog(session).delete_for_sender(sender_id),
        "link_attempts_anonymised": LinkAttemptRepository(session).anonymise(sender_id),
    }
    audit = AuditLog(session)
    if link is not None:
        audit.record("person", "chat.unlinked", case_reference=link.case.reference, at=now,
                     reason="forget_me")
    if any(deleted.values()):
        audit.record("person", "person.forgotten", at=now)
    return ForgetReport(deleted)


def _text_columns() -> list[tuple[str, object]]:
    columns = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, String | Text | JSON):
                columns.append((f"{table.name}.{column.name}", column))
    return columns


def app_traces(session: Session, sender_id: str) -> list[str]:
    """Every app-database column that still holds the sender id (`table.column: rows`)."""
    found = []
    for name, column in _text_columns():
        value = cast(column, Text) if isinstance(column.type, JSON) else column
        query = (select(func.count()).select_from(column.table)
                 .where(value.contains(sender_id, autoescape=True)))
        count = int(session.scalar(query) or 0)
        if count:
            found.append(f"{name}: {count}")
    return found


def traces(database: Database, tracker_store: TrackerStore | None, sender_id: str) -> list[str]:
    """Everything that still mentions the sender id, in the app database and the tracker store."""
    with database.session() as session:
        found = app_traces(session, sender_id)
    if tracker_store is not None and (count := tracker_store.count_sender(sender_id)):
        found.append(f"tracker events: {count}")
    return found


def forget_everywhere(database: Database, tracker_store: TrackerStore, sender_id: str,
                      now: dt.datetime | None = None) -> ForgetReport:
    """Delete the conversation and the app data, then verify that nothing is left."""
    report = ForgetReport({"tracker_events": tracker_store.delete_sender(sender_id)})
    with database.session() as session:
        report.add(forget_person(session, sender_id, now))
    report.leftovers = traces(database, tracker_store, sender_id)
    if report.leftovers:
        # Counts and table names only: the sender id itself is never logged.
        log.error("forget-me left traces in: %s", ", ".join(report.leftovers))
    else:
        log.info("forget-me complete: %s", report.deleted)
    return report


def forget_conversation(sender_id: str, settings: Settings) -> ForgetReport:
    """For the front ends, after the engine answered `{"wegwijs": {"forget": true}}`.

    Synchronous (short SQL statements): from an event loop, call it via asyncio.to_thread.
    """
    database = shared_database(settings.database_url, migrate=settings.database_auto_migrate)
    tracker_store = TrackerStore.from_url(settings.tracker_store_url)
    try:
        return forget_everywhere(database, tracker_store, sender_id)
    finally:
        tracker_store.dispose()
