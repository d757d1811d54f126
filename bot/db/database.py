"""The engine and sessions of the app database, set up the same way for every process."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000


def is_sqlite(url: str) -> bool:
    """True for a SQLite URL."""
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_file(url: str) -> Path | None:
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the actions server read while the CLI or the bot writes; foreign keys are off by
    # default in SQLite, and the cascades (forget-me, case deletion) depend on them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and a busy timeout, its folder is created."""
    if is_sqlite(url):
        path = _sqlite_file(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


class Database:
    """One app database: an engine and a session factory. Build one per process and pass it down."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on an error."""
        with self._sessions.begin() as session:
            yield session

    def upgrade(self) -> None:
        """Bring the schema to the newest migration."""
        from bot.db.migrate import upgrade

        upgrade(self.url, engine=self.engine)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def command_database(url: str, migrate: bool) -> Database:
    """A Database for one command-line command (dispose it when the command ends), migrated if asked.

    Commands pass `settings.database_url` and `settings.database_auto_migrate`.
    """
    database = Database(url)
    if migrate:
        database.upgrade()
    return database


_migrated: set[str] = set()
_migrate_lock = threading.Lock()


@cache
def _database(url: str) -> Database:
    return Database(url)


def shared_database(url: str, migrate: bool = True) -> Database:
    """The process's Database for `url` (one engine and pool per URL), migrated once if asked.

    For processes that rasa-sdk or a front end create without a place to pass a Database in
    (the actions server); everything else builds its own Database and passes it down.
    """
    database = _database(url)
    if migrate and url not in _migrated:
        with _migrate_lock:
            if url not in _migrated:
                database.upgrade()
                _migrated.add(url)
    return database
