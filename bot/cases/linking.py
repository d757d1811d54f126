"""Issuing link codes to caseworkers and redeeming them from a person's chat."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.cases import codes
from bot.cases.ratelimit import AttemptLimiter, Limits
from bot.db.models import Case
from bot.db.repositories import AuditLog, ChatLinkRepository, LinkCodeRepository, PersonRepository

PERSON = "person"


@dataclass(frozen=True)
class IssuedCode:
    """A new code as the caseworker hands it out (shown once, never stored in clear)."""

    code: str
    expires_at: dt.datetime
    deep_link: str | None


class Outcome(enum.Enum):
    """What came of a code a person sent."""

    LINKED = "linked"
    #: Wrong, used or expired: deliberately one outcome, so the answer cannot tell them apart.
    REJECTED = "rejected"
    LIMITED = "limited"


@dataclass(frozen=True)
class Redeemed:
    """The outcome, and the case when the chat is now linked."""

    outcome: Outcome
    case: Case | None = None


def issue_code(session: Session, case: Case, *, key: str, now: dt.datetime, valid_for: dt.timedelta,
               created_by: str, bot_username: str | None = None) -> IssuedCode:
    """Create a single-use code for `case`; only its keyed hash goes into the database."""
    code = codes.generate()
    expires_at = now + valid_for
    LinkCodeRepository(session).add(case, codes.code_hash(code, key), expires_at, created_by)
    AuditLog(session).record(created_by, "link_code.created", case_reference=case.reference, at=now,
                             expires_at=expires_at.isoformat())
    return IssuedCode(codes.display(code), expires_at, codes.deep_link(code, bot_username))


def redeem_code(session: Session, sender_id: str, text: str | None, *, key: str, limits: Limits,
                now: dt.datetime) -> Redeemed:
    """Link the chat to the case of the code in `text`, if the code is valid and the limits allow.

    The limits are checked before the code is even looked at, so a limited chat learns nothing.
    """
    limiter = AttemptLimiter(session, limits)
    if not limiter.allowed(sender_id, now):
        return Redeemed(Outcome.LIMITED)
    canonical = codes.normalise(text)
    used = LinkCodeRepository(session).use(codes.code_hash(canonical, key), now) if canonical else None
    if used is None:
        limiter.failed(sender_id, now)
        return Redeemed(Outcome.REJECTED)
    case = used.case
    ChatLinkRepository(session).link(sender_id, case, now)
    # The case is the truth from now on: a phase the person reported is no longer needed.
    person = PersonRepository(session).get(sender_id)
    if person is not None and person.reported_phase is not None:
        person.reported_phase = None
        person.reported_at = None
    audit = AuditLog(session)
    audit.record(PERSON, "chat.linked", case_reference=case.reference, at=now)
    audit.record(PERSON, "person.linked", sender_id=sender_id, at=now)
    return Redeemed(Outcome.LINKED, case)


def unlink_chat(session: Session, sender_id: str, *, actor: str, now: dt.datetime) -> bool:
    """Remove a chat's link (the person's side); False when the chat was not linked."""
    link = ChatLinkRepository(session).unlink(sender_id)
    if link is None:
        return False
    AuditLog(session).record(actor, "chat.unlinked", case_reference=link.case.reference, at=now)
    return True


def unlink_case(session: Session, case: Case, *, actor: str, now: dt.datetime) -> int:
    """Remove every chat link of a case (the caseworker's side); returns how many."""
    count = ChatLinkRepository(session).unlink_case(case)
    if count:
        AuditLog(session).record(actor, "chat.unlinked", case_reference=case.reference, at=now, chats=count)
    return count
