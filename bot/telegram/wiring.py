"""The production pieces behind the front end's small interfaces, on the app database (bot.db,
bot.privacy, bot.outbox): preferences, forget-me, chat addresses and proactive messages.
Tests and development use the in-memory defaults of `create_app` instead."""

from __future__ import annotations

from typing import Any

from bot.nlg.renderer import Renderer
from bot.settings import Settings
from bot.telegram.store import ThreadedPreferenceStore


def database_services(settings: Settings, renderer: Renderer) -> dict[str, Any]:
    """Keyword arguments for `create_app`: the SQL preference store (run off the event loop), the
    forget service, the address book and the outbox deliverer, all on the app database."""
    from bot.db.database import shared_database
    from bot.db.repositories.people import SqlPreferenceStore
    from bot.outbox.delivery import Deliverer
    from bot.privacy.frontend import DatabaseForget
    from bot.telegram.proactive import DatabaseAddressBook

    database = shared_database(settings.database_url, migrate=settings.database_auto_migrate)
    return {
        "store": ThreadedPreferenceStore(SqlPreferenceStore(database)),
        "forget": DatabaseForget(settings),
        "addresses": DatabaseAddressBook(database),
        "deliverer": Deliverer(database, renderer),
        "renderer": renderer,
    }
