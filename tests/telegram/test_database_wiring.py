"""In production the front end keeps preferences in the app database, forgets through bot.privacy,
records a linked chat's address and delivers the outbox's proactive messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.actions_server import build_renderer
from bot.cases import service
from bot.db.database import Database
from bot.db.repositories import ChatLinkRepository
from bot.db.repositories.people import PersonRepository
from bot.identity import sender_id
from bot.telegram.callbacks import LanguageButton
from bot.telegram.wiring import database_services
from tests.telegram import updates
from tests.telegram.conftest import Chat, make_settings, polling_bot

NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def db_settings(standin, fake_engine, tmp_path: Path):  # noqa: ANN201
    return make_settings(standin, fake_engine.engine_url, database_url=f"sqlite:///{tmp_path / 'app.db'}",
                         tracker_store_url=f"sqlite:///{tmp_path / 'tracker.db'}",
                         telegram_outbox_interval_s=0.2)


def _gone(database: Database, sender: str) -> bool:
    with database.session() as session:
        return PersonRepository(session).get(sender) is None


async def test_language_and_forget_go_through_the_app_database(standin, fake_engine, db_settings) -> None:
    database = Database(db_settings.database_url)
    async with polling_bot(db_settings, **database_services(db_settings, build_renderer(db_settings))) as app:
        chat = Chat(standin, app, updates.user(7001, None))
        chat.send("/language")
        [picker] = await chat.next_messages()
        chat.press(picker, LanguageButton(code="ku").pack())
        await chat.next_messages()
        sender = fake_engine.received[-1]["sender"]
        with database.session() as session:
            assert PersonRepository(session).get(sender).language == "ku"

        chat.send("/forget")
        [question] = await chat.next_messages()
        chat.press(question, question["reply_markup"]["inline_keyboard"][0][0]["callback_data"])  # yes
        await chat.next_messages()
        assert fake_engine.messages()[-2:] == ["/forget_me", "/affirm"]
        await standin.wait_for(lambda: _gone(database, sender))


async def test_a_linked_chat_gets_the_caseworkers_phase_update(standin, fake_engine, db_settings) -> None:
    database = Database(db_settings.database_url)
    chat_id = 7002
    sender = sender_id("telegram", chat_id, db_settings.pseudonym_key.get_secret_value())
    # The engine's link action links the chat in the database and says so in its reply.
    fake_engine.script = lambda message, lang: [{"text": "Linked."}, {"custom": {"wegwijs": {"linked": True}}}]
    async with polling_bot(db_settings, **database_services(db_settings, build_renderer(db_settings))) as app:
        with database.session() as session:
            case = service.create_case(session, phase="rest_period", since=dt.date(2026, 11, 20), actor="cli:t",
                                       now=NOW, reference="WW-TELE1")
            ChatLinkRepository(session).link(sender, case, NOW)
        chat = Chat(standin, app, updates.user(chat_id, "en"))
        chat.send("/start ABCDE-23456")
        await chat.next_messages(2)

        def address() -> tuple[str | None, str | None]:
            with database.session() as session:
                link = ChatLinkRepository(session).get(sender)
                return link.channel, link.chat_id

        await standin.wait_for(lambda: address() == ("telegram", str(chat_id)))

        with database.session() as session:
            case = service.get_case(session, "WW-TELE1")
            service.change_phase(session, case, "general_procedure", changed_on=dt.date(2026, 12, 3),
                                 actor="cli:t", now=NOW, default_language="en")
        [update] = await chat.next_messages(timeout=15)
        assert "general procedure" in update["text"].lower() or "AA" in update["text"], update["text"]
    # Delivered once, never twice.
    assert sum(1 for m in standin.sent(chat_id) if m["text"] == update["text"]) == 1
