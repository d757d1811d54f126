"""A person's phase as the actions see it: their linked case's, else the one they reported.

Everything is looked up by the chat's own sender id, so a person only ever sees their own case.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from bot.cases import phases
from bot.cases.keydates import Line, key_date_lines, local_today
from bot.db.repositories import ChatLinkRepository, PersonRepository


class Source(enum.Enum):
    """Where the phase comes from."""

    CASE = "case"
    SELF = "self"


@dataclass(frozen=True)
class KnownPhase:
    """The phase, where it comes from, since when, and the key dates to mention today."""

    phase: str
    source: Source
    since: dt.date
    key_dates: list[Line] = field(default_factory=list)


def known_phase(session: Session, sender_id: str, now: dt.datetime, timezone: str) -> KnownPhase | None:
    """The person's phase, or None when no case is linked and they never said."""
    link = ChatLinkRepository(session).get(sender_id)
    today = local_today(now, timezone)
    if link is not None:
        case = link.case
        return KnownPhase(case.phase, Source.CASE, case.phase_since, key_date_lines(case, today))
    person = PersonRepository(session).get(sender_id)
    if person is not None and phases.is_phase(person.reported_phase) and person.reported_at is not None:
        return KnownPhase(person.reported_phase, Source.SELF, local_today(person.reported_at, timezone))
    return None


def is_linked(session: Session, sender_id: str) -> bool:
    """True when the chat is linked to a case."""
    return ChatLinkRepository(session).get(sender_id) is not None
