"""Caseworker actions: creating cases, changing phases (which queues one message per linked chat)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cases import service
from bot.cases.linking import issue_code, redeem_code
from bot.cases.ratelimit import Limits
from bot.cases.service import CaseError
from bot.db.database import Database
from bot.db.models import AuditEntry, Case, OutboxMessage
from bot.db.repositories import OutboxRepository, PersonRepository

NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


def create(database: Database, **kwargs: object) -> str:
    with database.session() as session:
        options = {"phase": "rest_period", "since": dt.date(2026, 11, 20), "actor": "cli:test", "now": NOW}
        return service.create_case(session, **{**options, **kwargs}).reference


def link(database: Database, reference: str, sender: str) -> None:
    with database.session() as session:
        code = issue_code(session, service.get_case(session, reference), key="k", now=NOW,
                          valid_for=dt.timedelta(days=7), created_by="cli:test").code
        redeem_code(session, sender, code, key="k", limits=Limits(), now=NOW)


def change(database: Database, reference: str, phase: str, on: dt.date = dt.date(2026, 12, 3)) -> int:
    with database.session() as session:
        case = service.get_case(session, reference)
        return service.change_phase(session, case, phase, changed_on=on, actor="cli:test", now=NOW,
                                    default_language="en").notified


def test_generated_references_say_nothing_about_the_person(database: Database) -> None:
    reference = create(database)
    assert reference.startswith("WW-") and len(reference) == 9


@pytest.mark.parametrize("reference", ["Amina Yusuf", "1234567890", "x", "a" * 40])
def test_names_and_v_numbers_are_refused_as_references(database: Database, reference: str) -> None:
    with pytest.raises(CaseError):
        create(database, reference=reference)


def test_unknown_phase_and_organisation_are_refused(database: Database) -> None:
    with pytest.raises(CaseError):
        create(database, phase="limbo")
    with pytest.raises(CaseError):
        create(database, organisation="acme")


def test_a_case_keeps_phase_dates_location_and_organisation(database: Database) -> None:
    reference = create(database, reference="WW-ANNA1", phase="decision", location="AZC Budel", organisation="nidos",
                       appeal_deadline_on=dt.date(2026, 12, 12))
    with database.session() as session:
        case = service.get_case(session, reference)
        assert (case.phase, case.reception_location, case.organisation) == ("decision", "AZC Budel", "nidos")
        assert case.appeal_deadline_on == dt.date(2026, 12, 12)
        service.set_key_dates(session, case, actor="cli:test", now=NOW, appeal_deadline_on=None,
                              next_interview_on=dt.date(2027, 1, 5))
    with database.session() as session:
        case = service.get_case(session, reference)
        assert case.appeal_deadline_on is None and case.next_interview_on == dt.date(2027, 1, 5)


def test_a_phase_change_queues_one_message_per_linked_chat(database: Database) -> None:
    reference = create(database)
    link(database, reference, "te-anna")
    link(database, reference, "te-anna-tablet")
    with database.session() as session:
        PersonRepository(session).set_language("te-anna", "ar")
    assert change(database, reference, "general_procedure") == 2
    with database.session() as session:
        messages = {m.sender_id: m for m in session.query(OutboxMessage).all()}
        assert set(messages) == {"te-anna", "te-anna-tablet"}
        assert messages["te-anna"].language == "ar" and messages["te-anna-tablet"].language == "en"
        assert [p["response"] for p in messages["te-anna"].parts] == [
            "utter_phase_update", "utter_my_phase_general_procedure"]
        assert messages["te-anna"].parts[0]["args"] == {"since_date": "2026-12-03"}


def test_unlinked_cases_and_unchanged_phases_notify_no_one(database: Database) -> None:
    reference = create(database)
    assert change(database, reference, "general_procedure") == 0
    link(database, reference, "te-anna")
    assert change(database, reference, "general_procedure") == 0  # already in it
    with database.session() as session:
        assert session.query(OutboxMessage).count() == 0
        assert len(service.get_case(session, reference).history) == 2


def test_only_the_newest_unsent_phase_change_goes_out(database: Database) -> None:
    reference = create(database)
    link(database, reference, "te-anna")
    change(database, reference, "general_procedure")
    change(database, reference, "decision")
    with database.session() as session:
        statuses = [(m.parts[1]["response"], m.status) for m in OutboxRepository(session).for_sender("te-anna")]
    assert statuses == [("utter_my_phase_general_procedure", "superseded"), ("utter_my_phase_decision", "pending")]


def test_every_change_is_audited(database: Database) -> None:
    reference = create(database)
    change(database, reference, "dublin")
    with database.session() as session:
        actions = [e.action for e in session.query(AuditEntry).order_by(AuditEntry.id)]
    assert actions == ["case.created", "case.phase_changed"]


def test_deleting_a_case_removes_its_links_and_messages(database: Database) -> None:
    reference = create(database)
    link(database, reference, "te-anna")
    change(database, reference, "decision")
    with database.session() as session:
        service.delete_case(session, service.get_case(session, reference), actor="cli:test", now=NOW)
    with database.session() as session:
        assert session.query(Case).count() == 0 and session.query(OutboxMessage).count() == 0
        assert session.query(AuditEntry).filter_by(action="case.deleted").one().case_reference == reference
