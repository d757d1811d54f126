"""Linking a chat with a code: right codes link, wrong/used/expired ones fail alike, guessing is stopped."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cases import codes, service
from bot.cases.linking import Outcome, issue_code, redeem_code, unlink_case, unlink_chat
from bot.cases.person import Source, known_phase
from bot.cases.ratelimit import Limits
from bot.db.database import Database
from bot.db.models import ChatLink, LinkAttempt, LinkCode
from bot.db.repositories import ChatLinkRepository, LinkAttemptRepository, PersonRepository

KEY = "test-key"
NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
LIMITS = Limits(per_chat_hour=5, per_chat_day=10, global_hour=100)
WEEK = dt.timedelta(days=7)


def new_case(database: Database, reference: str = "WW-ANNA1", phase: str = "rest_period") -> str:
    with database.session() as session:
        service.create_case(session, phase=phase, since=dt.date(2026, 11, 20), actor="cli:test", now=NOW,
                            reference=reference)
    return reference


def new_code(database: Database, reference: str, now: dt.datetime = NOW, valid_for: dt.timedelta = WEEK) -> str:
    with database.session() as session:
        case = service.get_case(session, reference)
        return issue_code(session, case, key=KEY, now=now, valid_for=valid_for, created_by="cli:test").code


def redeem(database: Database, sender: str, text: str, now: dt.datetime = NOW, limits: Limits = LIMITS) -> Outcome:
    with database.session() as session:
        return redeem_code(session, sender, text, key=KEY, limits=limits, now=now).outcome


def linked_reference(database: Database, sender: str) -> str | None:
    with database.session() as session:
        link = ChatLinkRepository(session).get(sender)
        return link.case.reference if link else None


def test_a_code_links_the_chat_to_its_case(database: Database) -> None:
    reference = new_case(database)
    code = new_code(database, reference)
    assert redeem(database, "te-anna", code.lower().replace("-", "")) is Outcome.LINKED
    assert linked_reference(database, "te-anna") == reference


def test_only_the_hash_is_stored(database: Database) -> None:
    code = new_code(database, new_case(database))
    with database.session() as session:
        (stored,) = session.query(LinkCode).all()
        assert stored.code_hash == codes.code_hash(codes.normalise(code), KEY)
        assert codes.normalise(code) not in stored.code_hash


def test_a_person_sees_only_their_own_case(database: Database) -> None:
    anna = new_case(database, "WW-ANNA1", "appeal")
    bilal = new_case(database, "WW-BILAL", "permit")
    assert redeem(database, "te-anna", new_code(database, anna)) is Outcome.LINKED
    assert redeem(database, "te-bilal", new_code(database, bilal)) is Outcome.LINKED
    with database.session() as session:
        assert known_phase(session, "te-anna", NOW, "Europe/Amsterdam").phase == "appeal"
        assert known_phase(session, "te-bilal", NOW, "Europe/Amsterdam").phase == "permit"
        assert known_phase(session, "te-stranger", NOW, "Europe/Amsterdam") is None


def test_wrong_used_and_expired_codes_fail_the_same_way(database: Database) -> None:
    reference = new_case(database)
    used = new_code(database, reference)
    assert redeem(database, "te-anna", used) is Outcome.LINKED
    expired = new_code(database, reference, now=NOW - dt.timedelta(days=8))
    wrong = codes.display(codes.generate())
    outcomes = {redeem(database, "te-other", code) for code in (used, expired, wrong, "hello")}
    assert outcomes == {Outcome.REJECTED}
    assert linked_reference(database, "te-other") is None


def test_a_code_expires_after_seven_days(database: Database) -> None:
    reference = new_case(database)
    code = new_code(database, reference)
    assert redeem(database, "te-anna", code, now=NOW + WEEK + dt.timedelta(seconds=1)) is Outcome.REJECTED
    assert redeem(database, "te-anna", code, now=NOW + WEEK - dt.timedelta(minutes=1)) is Outcome.LINKED


def test_two_chats_cannot_both_use_one_code(database: Database) -> None:
    code = new_code(database, new_case(database))
    assert redeem(database, "te-anna", code) is Outcome.LINKED
    assert redeem(database, "te-thief", code) is Outcome.REJECTED


def test_guessing_from_one_chat_is_stopped(database: Database) -> None:
    reference = new_case(database)
    for _ in range(LIMITS.per_chat_hour):
        assert redeem(database, "te-guesser", codes.generate()) is Outcome.REJECTED
    # Now even the right code is not looked at: the chat learns nothing from further tries.
    right = new_code(database, reference)
    assert redeem(database, "te-guesser", right) is Outcome.LIMITED
    assert linked_reference(database, "te-guesser") is None
    # An hour later the chat may try again, and the code (never spent) still works.
    assert redeem(database, "te-guesser", right, now=NOW + dt.timedelta(hours=1, minutes=1)) is Outcome.LINKED


def test_the_daily_limit_per_chat(database: Database) -> None:
    for hour in range(2):
        for _ in range(LIMITS.per_chat_hour):
            redeem(database, "te-guesser", codes.generate(), now=NOW + dt.timedelta(hours=hour * 1.1))
    later = NOW + dt.timedelta(hours=5)
    assert redeem(database, "te-guesser", codes.generate(), now=later) is Outcome.LIMITED
    assert redeem(database, "te-guesser", codes.generate(), now=NOW + dt.timedelta(days=1, hours=3)) \
        is Outcome.REJECTED


def test_guessing_from_many_chats_is_stopped_globally(database: Database) -> None:
    limits = Limits(per_chat_hour=5, per_chat_day=10, global_hour=20)
    for chat in range(20):
        assert redeem(database, f"te-bot{chat}", codes.generate(), limits=limits) is Outcome.REJECTED
    assert redeem(database, "te-fresh-chat", codes.generate(), limits=limits) is Outcome.LIMITED
    with database.session() as session:
        assert session.query(LinkAttempt).count() == 20  # a limited try is not even counted


@pytest.mark.parametrize("live_codes", [10_000])
def test_the_limits_make_guessing_hopeless(live_codes: int) -> None:
    # Every guess the global limit allows in a year, against many live codes at once.
    guesses_per_year = Limits().global_hour * 24 * 365
    chance = 1 - (1 - live_codes / 2 ** codes.BITS) ** guesses_per_year
    assert chance < 1e-5


def test_linking_replaces_the_self_reported_phase(database: Database) -> None:
    with database.session() as session:
        PersonRepository(session).report_phase("te-anna", "decision", NOW)
    code = new_code(database, new_case(database, phase="appeal"))
    assert redeem(database, "te-anna", code) is Outcome.LINKED
    with database.session() as session:
        assert PersonRepository(session).get("te-anna").reported_phase is None
        known = known_phase(session, "te-anna", NOW, "Europe/Amsterdam")
        assert (known.phase, known.source) == ("appeal", Source.CASE)


def test_either_side_can_unlink(database: Database) -> None:
    reference = new_case(database)
    assert redeem(database, "te-anna", new_code(database, reference)) is Outcome.LINKED
    assert redeem(database, "te-anna-phone2", new_code(database, reference)) is Outcome.LINKED
    with database.session() as session:
        assert unlink_chat(session, "te-anna", actor="person", now=NOW)
        assert not unlink_chat(session, "te-anna", actor="person", now=NOW)
    with database.session() as session:
        assert unlink_case(session, service.get_case(session, reference), actor="cli:test", now=NOW) == 1
    with database.session() as session:
        assert session.query(ChatLink).count() == 0
        assert LinkAttemptRepository(session).count(NOW - WEEK) == 0
