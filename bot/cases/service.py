"""What a caseworker does with a case: create it, change its phase or key dates, delete it.

A phase change of a linked case queues one message per linked chat in the outbox, in the
person's language, explaining the new phase; the front ends deliver it (bot/outbox).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.cases import phases
from bot.cases.codes import ALPHABET
from bot.db.models import Case, PhaseChange
from bot.db.repositories import (
    AuditLog,
    CaseRepository,
    ChatLinkRepository,
    OutboxRepository,
    PersonRepository,
)

ORGANISATIONS = ("vwn", "coa", "nidos", "legal_aid", "ind", "dtv", "iom", "gza")
REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$")
V_NUMBER = re.compile(r"^\d{8,10}$")
KEY_DATES = ("next_interview_on", "decision_expected_on", "appeal_deadline_on")
PHASE_CHANGE_KEY = "phase-change:"
PHASE_UPDATE = "utter_phase_update"


class CaseError(ValueError):
    """A caseworker's request that cannot be carried out (the message says why, in English)."""


@dataclass(frozen=True)
class PhaseChanged:
    """The recorded change and how many linked chats will be told."""

    change: PhaseChange | None
    notified: int


def new_reference(session: Session) -> str:
    """A random reference that is not in use (WW- and six readable characters)."""
    cases = CaseRepository(session)
    while True:
        reference = "WW-" + "".join(secrets.choice(ALPHABET) for _ in range(6))
        if cases.by_reference(reference) is None:
            return reference


def check_reference(reference: str) -> str:
    """The reference if it is acceptable: 3 to 32 letters, digits, `-`, `_` or `.`, and no V-number."""
    if not REFERENCE.match(reference):
        raise CaseError("a reference is 3 to 32 letters, digits, '-', '_' or '.', without spaces")
    if V_NUMBER.match(reference):
        raise CaseError("that looks like a V-number: use a reference that says nothing about the person")
    return reference


def check_phase(phase: str) -> str:
    """The phase if it is a phase key."""
    if not phases.is_phase(phase):
        raise CaseError(f"unknown phase {phase!r}; one of: {', '.join(phases.PHASES)}")
    return phase


def create_case(session: Session, *, phase: str, since: dt.date, actor: str, now: dt.datetime,
                reference: str | None = None, organisation: str = "vwn", location: str | None = None,
                next_interview_on: dt.date | None = None, decision_expected_on: dt.date | None = None,
                appeal_deadline_on: dt.date | None = None) -> Case:
    """Create a case in `phase` (since `since`) and log it."""
    check_phase(phase)
    if organisation not in ORGANISATIONS:
        raise CaseError(f"unknown organisation {organisation!r}; one of: {', '.join(ORGANISATIONS)}")
    cases = CaseRepository(session)
    if reference is None:
        reference = new_reference(session)
    elif cases.by_reference(check_reference(reference)) is not None:
        raise CaseError(f"a case with reference {reference!r} exists already")
    case = cases.add(reference, phase, since, organisation, actor, reception_location=location,
                     next_interview_on=next_interview_on, decision_expected_on=decision_expected_on,
                     appeal_deadline_on=appeal_deadline_on, created_at=now, updated_at=now)
    AuditLog(session).record(actor, "case.created", case_reference=reference, at=now, phase=phase,
                             organisation=organisation)
    return case


def get_case(session: Session, reference: str) -> Case:
    """The case with this reference, or CaseError."""
    case = CaseRepository(session).by_reference(reference)
    if case is None:
        raise CaseError(f"no case with reference {reference!r}")
    return case


def change_phase(session: Session, case: Case, phase: str, *, changed_on: dt.date, actor: str,
                 now: dt.datetime, default_language: str) -> PhaseChanged:
    """Move the case to a new phase and queue one message for every linked chat.

    Setting the phase it already has changes nothing and tells no one.
    """
    check_phase(phase)
    if phase == case.phase:
        return PhaseChanged(None, 0)
    previous = case.phase
    change = CaseRepository(session).change_phase(case, phase, changed_on, actor)
    AuditLog(session).record(actor, "case.phase_changed", case_reference=case.reference, at=now,
                             from_phase=previous, to_phase=phase, changed_on=changed_on.isoformat())
    notified = 0
    outbox = OutboxRepository(session)
    people = PersonRepository(session)
    for link in ChatLinkRepository(session).for_case(case):
        person = people.get(link.sender_id)
        language = (person.language if person else None) or default_language
        parts = [
            {"response": PHASE_UPDATE, "args": {"since_date": changed_on.isoformat()}},
            {"response": phases.explanation_key(phase), "args": {}},
        ]
        message = outbox.enqueue(f"{PHASE_CHANGE_KEY}{change.id}:{link.sender_id}", link.sender_id, parts,
                                 language, now, case_id=case.id, phase_change_id=change.id)
        if message is not None:
            session.flush()
            # Only the newest phase matters: an older, still unsent change is not sent any more.
            outbox.supersede(link.sender_id, PHASE_CHANGE_KEY, keep_id=message.id)
            notified += 1
    return PhaseChanged(change, notified)


def set_key_dates(session: Session, case: Case, *, actor: str, now: dt.datetime,
                  **dates: dt.date | None) -> None:
    """Set or clear key dates (next_interview_on, decision_expected_on, appeal_deadline_on)."""
    for name, value in dates.items():
        if name not in KEY_DATES:
            raise CaseError(f"unknown key date {name!r}")
        setattr(case, name, value)
    AuditLog(session).record(actor, "case.dates_changed", case_reference=case.reference, at=now,
                             **{k: v.isoformat() if v else None for k, v in dates.items()})


def set_details(session: Session, case: Case, *, actor: str, now: dt.datetime,
                location: str | None = None, organisation: str | None = None) -> None:
    """Change the reception location or the managing organisation."""
    changes: dict[str, str] = {}
    if location is not None:
        case.reception_location = location or None
        changes["location"] = "changed"
    if organisation is not None:
        if organisation not in ORGANISATIONS:
            raise CaseError(f"unknown organisation {organisation!r}; one of: {', '.join(ORGANISATIONS)}")
        case.organisation = organisation
        changes["organisation"] = organisation
    AuditLog(session).record(actor, "case.details_changed", case_reference=case.reference, at=now, **changes)


def delete_case(session: Session, case: Case, *, actor: str, now: dt.datetime) -> None:
    """Delete the case with its history, codes, links and messages; the audit log keeps the fact."""
    reference = case.reference
    OutboxRepository(session).delete_for_case(case.id)
    CaseRepository(session).delete(case)
    AuditLog(session).record(actor, "case.deleted", case_reference=reference, at=now)
