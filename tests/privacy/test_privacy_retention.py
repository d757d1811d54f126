"""The retention purge deletes what is older than its period, keeps the rest, and can count first."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cli import main
from bot.db.database import Database
from bot.db.models import AuditEntry, HandoffRequest, LinkAttempt, LinkCode, OutboxMessage, Person
from bot.db.repositories import InboxRepository, LinkAttemptRepository, PersonRepository
from bot.privacy.retention import Periods, purge, run_periodically
from bot.privacy.tracker_store import TrackerStore
from bot.settings import Settings
from tests.privacy.helpers import add_events, leave_footprint

NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
PERIODS = Periods(conversations=dt.timedelta(days=30), inbox=dt.timedelta(days=90), people=dt.timedelta(days=365))


def test_conversations_older_than_the_period_are_purged(database: Database, tracker_store: TrackerStore) -> None:
    add_events(tracker_store, "te-old", NOW - dt.timedelta(days=31))
    add_events(tracker_store, "te-mixed", NOW - dt.timedelta(days=40))
    add_events(tracker_store, "te-mixed", NOW - dt.timedelta(days=2))
    add_events(tracker_store, "te-new", NOW - dt.timedelta(days=29))
    report = purge(database, tracker_store, PERIODS, NOW)
    assert report.deleted["conversation_events"] == 6
    assert tracker_store.count_sender("te-old") == 0
    assert tracker_store.count_sender("te-mixed") == 3
    assert tracker_store.count_sender("te-new") == 3


def test_records_are_purged_after_their_own_periods(database: Database, tracker_store: TrackerStore) -> None:
    long_ago = NOW - dt.timedelta(days=400)
    leave_footprint(database, tracker_store, "te-anna", long_ago)
    with database.session() as session:
        PersonRepository(session).set_language("te-idle", "fa")
        session.flush()
        session.query(Person).update({"updated_at": long_ago})
        InboxRepository(session).add_unanswered("old question", "en", long_ago)
        InboxRepository(session).add_unanswered("new question", "en", NOW)
        LinkAttemptRepository(session).add("te-x", NOW - dt.timedelta(hours=2))
        session.query(OutboxMessage).update({"status": "sent"})
    report = purge(database, tracker_store, PERIODS, NOW)
    assert report.deleted["unanswered_questions"] == 1 and report.deleted["handoff_requests"] == 1
    assert report.deleted["idle_people"] == 1  # te-idle; te-anna's chat is linked, so her language stays
    with database.session() as session:
        assert session.query(LinkAttempt).count() == 1  # only the one from today
        assert session.query(LinkCode).count() == 0
        assert session.query(OutboxMessage).count() == 0
        assert session.query(HandoffRequest).count() == 0
        assert session.query(AuditEntry).filter(AuditEntry.sender_id.is_not(None)).count() == 0
        assert [p.sender_id for p in session.query(Person)] == ["te-anna"]
        assert [q.text for q in InboxRepository(session).unanswered()] == ["new question"]


def test_a_dry_run_counts_and_changes_nothing(database: Database, tracker_store: TrackerStore) -> None:
    add_events(tracker_store, "te-old", NOW - dt.timedelta(days=31))
    with database.session() as session:
        InboxRepository(session).add_unanswered("old question", "en", NOW - dt.timedelta(days=100))
    report = purge(database, tracker_store, PERIODS, NOW, dry_run=True)
    assert report.dry_run and report.deleted["conversation_events"] == 3
    assert report.deleted["unanswered_questions"] == 1
    assert tracker_store.count_sender("te-old") == 3
    with database.session() as session:
        assert len(InboxRepository(session).unanswered()) == 1


def test_the_purge_command(app_settings: Settings, tracker_store: TrackerStore, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    add_events(tracker_store, "te-old", dt.datetime.now(dt.UTC) - dt.timedelta(days=10))
    monkeypatch.setenv("DATABASE_URL", app_settings.database_url)
    monkeypatch.setenv("TRACKER_STORE_URL", app_settings.tracker_store_url)
    assert main(["privacy", "purge", "--days", "7", "--dry-run"]) == 0
    assert "conversation_events: 3" in capsys.readouterr().out
    assert tracker_store.count_sender("te-old") == 3
    assert main(["privacy", "purge"]) == 0  # default: 30 days
    assert tracker_store.count_sender("te-old") == 3
    assert main(["privacy", "purge", "--days", "7"]) == 0
    assert tracker_store.count_sender("te-old") == 0


def test_the_forget_command(app_settings: Settings, tracker_store: TrackerStore, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    add_events(tracker_store, "te-anna", dt.datetime.now(dt.UTC))
    monkeypatch.setenv("DATABASE_URL", app_settings.database_url)
    monkeypatch.setenv("TRACKER_STORE_URL", app_settings.tracker_store_url)
    assert main(["privacy", "forget", "te-anna"]) == 0
    assert "nothing left" in capsys.readouterr().out
    assert tracker_store.count_sender("te-anna") == 0


async def test_the_scheduled_job_runs_until_stopped() -> None:
    import asyncio

    runs: list[int] = []
    stop = asyncio.Event()

    def job() -> None:
        runs.append(1)
        if len(runs) == 3:
            stop.set()
        if len(runs) == 2:
            raise RuntimeError("one bad run does not stop the schedule")

    await asyncio.wait_for(run_periodically(job, dt.timedelta(milliseconds=10), stop), timeout=5)
    assert len(runs) == 3
