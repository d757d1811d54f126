"""The curators' inbox from the fallback and the handoff: the question without who asked it."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionFallback, ActionRequestHuman
from actions.inbox import record_handoff, record_unanswered, redact
from bot.db.database import Database
from bot.db.models import UnansweredQuestion
from bot.db.repositories import InboxRepository
from tests.actions.helpers import tracker


@pytest.mark.parametrize(("text", "stored"), [
    ("my code K7P2M-9QX4T does not work", "my code [code] does not work"),
    ("call me on 06 1234 5678", "call me on [number]"),
    ("my v-number is 1234567890", "my v-number is [number]"),
    ("mail amina@example.org please", "mail [e-mail] please"),
    ("is there wifi in azc 2", "is there wifi in azc 2"),
])
def test_personal_details_are_blanked_out(text: str, stored: str) -> None:
    assert redact(text) == stored


def test_unanswered_questions_are_stored_without_the_sender(database: Database) -> None:
    assert record_unanswered("can i keep a cat in the azc", "en", database)
    assert not record_unanswered("/greet", "en", database)  # a button payload is not a question
    assert not record_unanswered("  ", "en", database)
    with database.session() as session:
        (question,) = session.query(UnansweredQuestion).all()
        assert (question.text, question.language) == ("can i keep a cat in the azc", "en")
        assert not hasattr(question, "sender_id")


def test_a_broken_inbox_never_breaks_the_conversation(tmp_path) -> None:
    broken = Database(f"sqlite:///{tmp_path / 'never-migrated.db'}")
    assert not record_unanswered("a question", "en", broken)
    assert not record_handoff("te-anna", "en", broken)


async def test_the_fallback_records_the_question(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", database.url)
    dispatcher = CollectingDispatcher()
    await ActionFallback().run(dispatcher, tracker("te-anna", "can i keep a cat in the azc", "nlu_fallback"), {})
    with database.session() as session:
        assert [q.text for q in InboxRepository(session).unanswered()] == ["can i keep a cat in the azc"]


async def test_asking_for_a_person_records_a_handoff(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", database.url)
    dispatcher = CollectingDispatcher()
    await ActionRequestHuman().run(dispatcher, tracker("te-anna", "talk to a person", "request_human",
                                                       language="fa"), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_request_human"]
    with database.session() as session:
        (request,) = InboxRepository(session).handoffs("te-anna")
        assert (request.language, request.status) == ("fa", "open")
