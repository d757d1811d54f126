"""Forget-me leaves nothing behind in the app database or the tracker store, and nothing else goes."""

from __future__ import annotations

import datetime as dt

from bot.db.database import Database
from bot.db.models import Case, LinkAttempt, OutboxMessage, PhaseChange
from bot.db.repositories import ChatLinkRepository, PersonRepository
from bot.privacy.forget import forget_conversation, forget_everywhere, forget_person, traces
from bot.privacy.tracker_store import TrackerStore
from bot.settings import Settings
from tests.privacy.helpers import add_events, leave_footprint

NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
ANNA = "te-0123456789abcdef0123456789abcdef"
BILAL = "te-fedcba9876543210fedcba9876543210"


def test_the_footprint_is_found_before_forgetting(database: Database, tracker_store: TrackerStore) -> None:
    leave_footprint(database, tracker_store, ANNA, NOW)
    found = " ".join(traces(database, tracker_store, ANNA))
    for place in ("chat_links.sender_id", "people.sender_id", "handoff_requests.sender_id", "outbox.sender_id",
                  "audit_log.sender_id", "link_attempts.sender_id", "tracker events"):
        assert place in found


def test_forget_me_leaves_nothing_behind(database: Database, tracker_store: TrackerStore) -> None:
    leave_footprint(database, tracker_store, ANNA, NOW)
    report = forget_everywhere(database, tracker_store, ANNA, NOW)
    assert report.complete, report.leftovers
    assert traces(database, tracker_store, ANNA) == []
    assert report.deleted["tracker_events"] == 3 and report.deleted["chat_link"] == 1
    assert report.deleted["person"] == 1 and report.deleted["handoff_requests"] == 1
    assert report.deleted["outbox"] == 1


def test_forgetting_one_person_keeps_the_others_and_the_case(database: Database,
                                                             tracker_store: TrackerStore) -> None:
    leave_footprint(database, tracker_store, ANNA, NOW, "WW-ANNA1")
    leave_footprint(database, tracker_store, BILAL, NOW, "WW-BILAL")
    forget_everywhere(database, tracker_store, ANNA, NOW)
    assert tracker_store.count_sender(BILAL) == 3
    with database.session() as session:
        assert ChatLinkRepository(session).get(BILAL).case.reference == "WW-BILAL"
        assert PersonRepository(session).get(BILAL).language == "ar"
        # The caseworker's record stays; only the chat's link to it went.
        assert session.query(Case).count() == 2 and session.query(PhaseChange).count() == 4
        assert session.query(OutboxMessage).filter_by(sender_id=BILAL).count() == 1
        # Anna's failed attempt still counts towards the global limit, without saying whose it was.
        assert session.query(LinkAttempt).filter(LinkAttempt.sender_id.is_(None)).count() == 1


def test_the_action_step_then_the_front_end_step(database: Database, tracker_store: TrackerStore,
                                                 app_settings: Settings) -> None:
    leave_footprint(database, tracker_store, ANNA, NOW)
    with database.session() as session:  # what action_forget_me does
        forget_person(session, ANNA, NOW)
    add_events(tracker_store, ANNA, NOW)  # the engine saves the turn after the action ran
    assert traces(database, tracker_store, ANNA) == ["tracker events: 6"]
    report = forget_conversation(ANNA, app_settings)  # what the front end does once the engine answered
    assert report.complete and traces(database, tracker_store, ANNA) == []


def test_forgetting_twice_or_a_stranger_is_harmless(database: Database, tracker_store: TrackerStore) -> None:
    assert forget_everywhere(database, tracker_store, ANNA, NOW).complete
    assert forget_everywhere(database, tracker_store, ANNA, NOW).complete


def test_before_the_engine_ever_ran_there_is_no_tracker_table(database: Database, tmp_path) -> None:
    store = TrackerStore.from_url(f"sqlite:///{tmp_path / 'none.db'}")
    assert forget_everywhere(database, store, ANNA, NOW).complete
    store.dispose()


async def test_the_front_ends_forget_service(database: Database, tracker_store: TrackerStore,
                                             app_settings: Settings) -> None:
    from bot.privacy.frontend import DatabaseForget

    leave_footprint(database, tracker_store, ANNA, NOW)
    report = await DatabaseForget(app_settings).forget(ANNA)
    assert report.complete and traces(database, tracker_store, ANNA) == []
