"""The migrations build the models' schema, and go down and up again cleanly, on both databases."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bot.db import migrate
from bot.db.database import Database, make_engine
from bot.db.models import Base


def ours(obj, name, type_, reflected, compare_to) -> bool:
    """Only the app's tables: the engine's tracker store (`events`) may share the database."""
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return table is None or table.name in Base.metadata.tables


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "include_object": ours})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_to_base_and_upgrade_again(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.downgrade(db_url, "base", engine=engine)
    assert not set(sa.inspect(engine).get_table_names()) & set(Base.metadata.tables)
    assert migrate.current_revision(engine) is None
    migrate.upgrade(db_url, engine=engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert {t.name for t in Base.metadata.sorted_tables} <= set(sa.inspect(engine).get_table_names())
    engine.dispose()


def test_upgrade_twice_is_harmless(db_url: str) -> None:
    database = Database(db_url)
    database.upgrade()
    database.upgrade()
    database.dispose()


def test_sqlite_file_uses_wal_and_foreign_keys(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'var' / 'wegwijs.db'}"
    database = Database(url)  # the folder is created
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.dispose()
    assert (tmp_path / "var" / "wegwijs.db").exists()
