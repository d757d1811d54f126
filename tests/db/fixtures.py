"""Database fixtures for the tests of bot.db, bot.cases, bot.privacy, bot.outbox and the person actions.

`db_url` is parametrised: every test that uses it runs on SQLite (a fresh file) and on
PostgreSQL. The PostgreSQL run needs WEGWIJS_TEST_POSTGRES_URL (CI sets it; locally
`bash scripts/postgres-test-db.sh` starts a server and prints the URL) and is skipped, saying
so, only when that variable is unset. Import these into a folder's conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import MetaData, text

from bot.db import migrate
from bot.db.database import Database, make_engine
from bot.db.models import Base
from bot.privacy.tracker_store import EVENTS, TrackerStore
from bot.settings import Settings

POSTGRES_ENV = "WEGWIJS_TEST_POSTGRES_URL"
_pg_fresh: set[str] = set()


def postgres_url() -> str | None:
    """The PostgreSQL test database, if configured."""
    return os.environ.get(POSTGRES_ENV) or None


def _reset_postgres(url: str) -> None:
    """Once per run: drop whatever an earlier run left, then migrate. Later: empty every table."""
    engine = make_engine(url)
    try:
        if url not in _pg_fresh:
            existing = MetaData()
            existing.reflect(engine)
            existing.drop_all(engine)
            migrate.upgrade(url, engine=engine)
            _pg_fresh.add(url)
        elif migrate.current_revision(engine) != migrate.head_revision():
            migrate.upgrade(url, engine=engine)  # a migration test left it elsewhere
        tables = [t.name for t in Base.metadata.sorted_tables]
        with engine.begin() as connection:
            has_events = connection.execute(text("select to_regclass('public.events')")).scalar()
            names = ", ".join(tables + ([EVENTS] if has_events else []))
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated app database URL: a new SQLite file, or the PostgreSQL test database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'app.db'}"
        migrate.upgrade(url)
        return url
    url = postgres_url()
    if url is None:
        pytest.skip(reason=f"PostgreSQL run skipped: set {POSTGRES_ENV} (bash scripts/postgres-test-db.sh prints it)")
    _reset_postgres(url)
    return url


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """The app database on `db_url`."""
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def tracker_url(db_url: str, tmp_path: Path) -> str:
    """The engine's tracker store beside the app database: its own SQLite file, or the same PostgreSQL."""
    return f"sqlite:///{tmp_path / 'tracker.db'}" if db_url.startswith("sqlite") else db_url


@pytest.fixture
def tracker_store(tracker_url: str) -> Iterator[TrackerStore]:
    """The tracker store with its `events` table created as the engine creates it."""
    store = TrackerStore.from_url(tracker_url)
    store.create_table()
    yield store
    store.dispose()


@pytest.fixture
def app_settings(db_url: str, tracker_url: str, tmp_path: Path) -> Settings:
    """Settings pointing at the test databases, with a known key and no .env file."""
    return Settings(_env_file=None, database_url=db_url, tracker_store_url=tracker_url,
                    pseudonym_key="test-key", telegram_bot_username="wegwijs_test_bot")
