"""The application database: SQLAlchemy 2 models, the engine and sessions, migrations, repositories.

SQLite (one WAL file under `var/`) by default, PostgreSQL in production; the same Alembic
migrations build both. Code outside this package talks to the tables through the repositories.
"""

from bot.db.database import Database, shared_database
from bot.db.models import Base

__all__ = ["Base", "Database", "shared_database"]
