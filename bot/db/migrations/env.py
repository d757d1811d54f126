"""Alembic environment: the URL comes from the caller (bot.db.migrate), `-x url=...`, or Settings."""

from __future__ import annotations

from alembic import context

from bot.db.database import is_sqlite, make_engine
from bot.db.models import Base

config = context.config
target_metadata = Base.metadata
if config.config_file_name is not None and not config.attributes.get("url"):
    # Run from the `alembic` command with alembic.ini: use its logging setup.
    from logging.config import fileConfig

    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _url() -> str:
    if url := config.attributes.get("url"):
        return url
    if url := context.get_x_argument(as_dictionary=True).get("url"):
        return url
    from bot.settings import Settings

    return Settings().database_url


def run_migrations_offline() -> None:
    """Write the SQL instead of running it (`alembic upgrade head --sql`)."""
    url = _url()
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=is_sqlite(url))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on a live connection (batch mode on SQLite, which cannot ALTER much)."""
    url = _url()
    engine = config.attributes.get("engine") or make_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=is_sqlite(url), compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
