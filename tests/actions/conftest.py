"""Database fixtures on SQLite and PostgreSQL (see tests/db/fixtures.py), and the actions' helpers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from bot.content.model import load_content
from bot.i18n.catalog import Catalogs
from bot.nlg.renderer import Renderer
from bot.settings import PROJECT_ROOT
from tests.db.fixtures import app_settings, database, db_url, tracker_store, tracker_url  # noqa: F401

#: 3 December 2026, 10:00 in Amsterdam.
NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def locales(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A compiled Dutch catalog with one translated plural entry (the real catalogs are the translators')."""
    root = tmp_path_factory.mktemp("locales")
    content = load_content(PROJECT_ROOT / "bot" / "content")
    entry = content.entry("utter_key_date_appeal_deadline")
    catalog = Catalog(locale="nl", domain="messages")
    catalog.add((entry.text, entry.plural), ("Je beroepstermijn eindigt op {deadline_date} (over {days} dag).",
                                             "Je beroepstermijn eindigt op {deadline_date} (over {days} dagen)."),
                context=entry.key)
    folder = root / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.mo").open("wb") as handle:
        write_mo(handle, catalog)
    return root


@pytest.fixture(scope="session")
def renderer(locales: Path) -> Renderer:
    """The NLG's renderer on the real content."""
    return Renderer(load_content(PROJECT_ROOT / "bot" / "content"), Catalogs(locales))
