"""The engine's SQL tracker store, seen from outside the engine: delete and purge rows only.

Rasa's SQLTrackerStore keeps every event in one table `events` (`sender_id`, `timestamp` as
epoch seconds, `data` as JSON text). We never read conversations; we only delete them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Column,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    func,
    select,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import make_url

EVENTS = "events"

_metadata = MetaData()
#: The columns of Rasa 3.6's SQLTrackerStore that we use (the table is the engine's, not ours).
events = Table(
    EVENTS,
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


def tracker_engine(url: str) -> Engine:
    """An engine for the tracker store; SQLite waits for the engine's own writes instead of failing."""
    if make_url(url).get_backend_name() == "sqlite":
        return create_engine(url, connect_args={"timeout": 10})
    return create_engine(url, pool_pre_ping=True)


class TrackerStore:
    """Deletes conversations in the engine's tracker store."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def from_url(cls, url: str) -> TrackerStore:
        """The tracker store at `url` (Settings.tracker_store_url)."""
        return cls(tracker_engine(url))

    def exists(self) -> bool:
        """False before the engine ever saved a conversation (no table yet)."""
        return sa_inspect(self.engine).has_table(EVENTS)

    def create_table(self) -> None:
        """Create the table as the engine would (for tests and tools that run without the engine)."""
        _metadata.create_all(self.engine, tables=[events])

    def delete_sender(self, sender_id: str) -> int:
        """Delete one conversation; returns how many events went."""
        if not self.exists():
            return 0
        with self.engine.begin() as connection:
            return connection.execute(delete(events).where(events.c.sender_id == sender_id)).rowcount

    def count_sender(self, sender_id: str) -> int:
        """How many events are kept for this sender, or mention it in their data."""
        if not self.exists():
            return 0
        query = select(func.count()).select_from(events).where(
            (events.c.sender_id == sender_id) | events.c.data.contains(sender_id, autoescape=True)
        )
        with self.engine.connect() as connection:
            return int(connection.execute(query).scalar() or 0)

    def delete_before(self, before: dt.datetime, dry_run: bool = False) -> int:
        """Delete every event older than `before`; returns how many (counted only, on a dry run)."""
        if not self.exists():
            return 0
        cutoff = before.timestamp()
        with self.engine.connect() as connection:
            if dry_run:
                query = select(func.count()).select_from(events).where(events.c.timestamp < cutoff)
                return int(connection.execute(query).scalar() or 0)
            count = connection.execute(delete(events).where(events.c.timestamp < cutoff)).rowcount
            connection.commit()
            return count

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()
