"""Database fixtures on SQLite and PostgreSQL (see tests/db/fixtures.py)."""

from tests.db.fixtures import app_settings, database, db_url, tracker_store, tracker_url  # noqa: F401
