"""The repositories on both databases: times, uniqueness, single use, cascades."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.exc import IntegrityError

from bot.db.database import Database
from bot.db.models import Case, ChatLink, LinkCode, PhaseChange
from bot.db.repositories import (
    AuditLog,
    CaseRepository,
    ChatLinkRepository,
    InboxRepository,
    LinkAttemptRepository,
    LinkCodeRepository,
    PersonRepository,
)

NOW = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)


def _case(database: Database, reference: str = "WW-TEST01", phase: str = "rest_period") -> int:
    with database.session() as session:
        return CaseRepository(session).add(reference, phase, dt.date(2026, 11, 20), "vwn", "cli:test").id


def test_times_come_back_aware_utc(database: Database) -> None:
    amsterdam = dt.timezone(dt.timedelta(hours=1))
    with database.session() as session:
        PersonRepository(session).report_phase("te-1", "decision", NOW.astimezone(amsterdam))
    with database.session() as session:
        reported = PersonRepository(session).get("te-1").reported_at
    assert reported == NOW and reported.tzinfo is not None


def test_naive_datetimes_are_refused(database: Database) -> None:
    with pytest.raises(Exception, match="naive"), database.session() as session:
        PersonRepository(session).report_phase("te-1", "decision", dt.datetime(2026, 1, 1))


def test_case_starts_with_its_first_phase_in_the_history(database: Database) -> None:
    case_id = _case(database)
    with database.session() as session:
        case = CaseRepository(session).get(case_id)
        CaseRepository(session).change_phase(case, "general_procedure", dt.date(2026, 12, 1), "cli:test")
    with database.session() as session:
        case = CaseRepository(session).by_reference("WW-TEST01")
        assert [(c.from_phase, c.to_phase) for c in case.history] == [
            (None, "rest_period"), ("rest_period", "general_procedure")]
        assert case.phase == "general_procedure" and case.phase_since == dt.date(2026, 12, 1)


def test_references_are_unique(database: Database) -> None:
    _case(database)
    with pytest.raises(IntegrityError):
        _case(database)


def test_a_code_is_used_once(database: Database) -> None:
    case_id = _case(database)
    with database.session() as session:
        LinkCodeRepository(session).add(CaseRepository(session).get(case_id), "h" * 64, NOW + dt.timedelta(days=7),
                                        "cli:test")
    with database.session() as session:
        used = LinkCodeRepository(session).use("h" * 64, NOW)
        assert used is not None and used.case.reference == "WW-TEST01"
    with database.session() as session:
        assert LinkCodeRepository(session).use("h" * 64, NOW) is None


def test_an_expired_code_cannot_be_used(database: Database) -> None:
    case_id = _case(database)
    with database.session() as session:
        LinkCodeRepository(session).add(CaseRepository(session).get(case_id), "e" * 64, NOW, "cli:test")
    with database.session() as session:
        assert LinkCodeRepository(session).use("e" * 64, NOW) is None  # expires_at is not after now


def test_a_chat_links_to_one_case_and_relinking_moves_it(database: Database) -> None:
    first, second = _case(database, "WW-A"), _case(database, "WW-B")
    with database.session() as session:
        links = ChatLinkRepository(session)
        links.link("te-1", CaseRepository(session).get(first), NOW)
        links.link("te-1", CaseRepository(session).get(second), NOW)
    with database.session() as session:
        assert ChatLinkRepository(session).get("te-1").case.reference == "WW-B"
        assert session.query(ChatLink).count() == 1


def test_deleting_a_case_deletes_history_codes_and_links(database: Database) -> None:
    case_id = _case(database)
    with database.session() as session:
        case = CaseRepository(session).get(case_id)
        LinkCodeRepository(session).add(case, "c" * 64, NOW, "cli:test")
        ChatLinkRepository(session).link("te-1", case, NOW)
    with database.session() as session:
        CaseRepository(session).delete(CaseRepository(session).get(case_id))
    with database.session() as session:
        for model in (Case, PhaseChange, LinkCode, ChatLink):
            assert session.query(model).count() == 0


def test_attempts_count_per_chat_and_overall(database: Database) -> None:
    with database.session() as session:
        attempts = LinkAttemptRepository(session)
        attempts.add("te-1", NOW - dt.timedelta(hours=2))
        attempts.add("te-1", NOW)
        attempts.add("te-2", NOW)
    with database.session() as session:
        attempts = LinkAttemptRepository(session)
        assert attempts.count(NOW - dt.timedelta(hours=1), "te-1") == 1
        assert attempts.count(NOW - dt.timedelta(days=1), "te-1") == 2
        assert attempts.count(NOW - dt.timedelta(hours=1)) == 2
        attempts.anonymise("te-1")
    with database.session() as session:
        attempts = LinkAttemptRepository(session)
        assert attempts.count(NOW - dt.timedelta(days=1), "te-1") == 0
        assert attempts.count(NOW - dt.timedelta(days=1)) == 3


def test_one_open_handoff_per_person(database: Database) -> None:
    with database.session() as session:
        inbox = InboxRepository(session)
        inbox.add_handoff("te-1", "ar")
        inbox.add_handoff("te-1", "ar")
        inbox.add_unanswered("is there wifi in the azc", "en")
    with database.session() as session:
        assert len(InboxRepository(session).handoffs("te-1")) == 1
        assert [q.text for q in InboxRepository(session).unanswered()] == ["is there wifi in the azc"]


def test_audit_entries_keep_details(database: Database) -> None:
    with database.session() as session:
        AuditLog(session).record("cli:anna", "case.created", case_reference="WW-A", phase="decision")
    with database.session() as session:
        (entry,) = AuditLog(session).for_case("WW-A")
        assert entry.details == {"phase": "decision"} and entry.actor == "cli:anna"
