"""The tables of the application database (SQLAlchemy 2 typed declarative models).

What is personal here, and for how long it is kept, is listed in docs/privacy.md; keep that page
in step with this module. People are known only by the engine's pseudonymous sender id
(bot/identity.py); cases by a reference the caseworker chooses (no names, no V-number).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.db.types import UTCDateTime, utcnow

#: Constraint names are fixed so that migrations can drop them again on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SENDER = 64  # pseudonymous sender ids are 35 characters ("te-" + 32 hex digits)
PHASE = 32
LANGUAGE = 8


class Base(DeclarativeBase):
    """Base of every model; one metadata for the app database."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        dt.datetime: UTCDateTime(),
        dt.date: Date(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class Case(Base):
    """A person's asylum case as their caseworker keeps it: phase, history and key dates."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Chosen by the caseworker or generated; never a name or a V-number.
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    phase: Mapped[str] = mapped_column(String(PHASE))
    #: The day the current phase began (as the caseworker recorded it).
    phase_since: Mapped[dt.date]
    next_interview_on: Mapped[dt.date | None]
    decision_expected_on: Mapped[dt.date | None]
    appeal_deadline_on: Mapped[dt.date | None]
    reception_location: Mapped[str | None] = mapped_column(String(100))
    #: The organisation that manages the case (an `organisation` entity value, e.g. `vwn`).
    organisation: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    history: Mapped[list[PhaseChange]] = relationship(
        back_populates="case", order_by="PhaseChange.id", cascade="all, delete-orphan", passive_deletes=True
    )
    links: Mapped[list[ChatLink]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True
    )
    codes: Mapped[list[LinkCode]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True
    )


class PhaseChange(Base):
    """One step in a case's history: from which phase to which, on what day, recorded when."""

    __tablename__ = "phase_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    from_phase: Mapped[str | None] = mapped_column(String(PHASE))
    to_phase: Mapped[str] = mapped_column(String(PHASE))
    changed_on: Mapped[dt.date]
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(64))

    case: Mapped[Case] = relationship(back_populates="history")


class LinkCode(Base):
    """A one-time code a caseworker hands out; only its keyed hash is stored."""

    __tablename__ = "link_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]
    created_by: Mapped[str] = mapped_column(String(64))

    case: Mapped[Case] = relationship(back_populates="codes")


class ChatLink(Base):
    """A chat linked to a case. A chat links to one case; a case may have several chats."""

    __tablename__ = "chat_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(SENDER), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    #: Where proactive messages go; filled by the front end that knows the chat (may stay empty).
    channel: Mapped[str | None] = mapped_column(String(16))
    chat_id: Mapped[str | None] = mapped_column(String(64))
    linked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="links")


class Person(Base):
    """What a person chose or told the assistant: language, self-reported phase, chat state."""

    __tablename__ = "people"

    sender_id: Mapped[str] = mapped_column(String(SENDER), primary_key=True)
    language: Mapped[str | None] = mapped_column(String(LANGUAGE))
    #: The phase the person reported themselves (used only while no case is linked).
    reported_phase: Mapped[str | None] = mapped_column(String(PHASE))
    reported_at: Mapped[dt.datetime | None]
    #: The person blocked the bot: send nothing until they write again.
    inactive: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class LinkAttempt(Base):
    """One failed attempt to use a link code, counted by the rate limits (kept one day)."""

    __tablename__ = "link_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Emptied when the person is forgotten; the row still counts towards the global limit.
    sender_id: Mapped[str | None] = mapped_column(String(SENDER), index=True)
    attempted_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class AuditEntry(Base):
    """Who changed what, when. Entries about a person are deleted when that person is forgotten."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    #: `cli:<name>`, `staff:<name>`, `person` or `system`.
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    #: The case's reference (kept as text: the entry outlives a deleted case).
    case_reference: Mapped[str | None] = mapped_column(String(32), index=True)
    sender_id: Mapped[str | None] = mapped_column(String(SENDER), index=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class UnansweredQuestion(Base):
    """A message the assistant could not answer, for the curators' inbox. Who sent it is not kept."""

    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(LANGUAGE))
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    resolved_at: Mapped[dt.datetime | None]


class HandoffRequest(Base):
    """A person asked to talk to someone at VluchtelingenWerk (the curators' inbox)."""

    __tablename__ = "handoff_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(SENDER), index=True)
    language: Mapped[str | None] = mapped_column(String(LANGUAGE))
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    closed_at: Mapped[dt.datetime | None]


class OutboxMessage(Base):
    """A message the assistant sends on its own (e.g. a phase change), delivered by a front end.

    Delivery claims a row (status `sending`, a claim token and time), sends, then marks it `sent`;
    a claim older than the lease is taken over after a crash. The idempotency key makes a second
    row for the same event impossible, and a `sent` row is never claimed again.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_id", "status", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    sender_id: Mapped[str] = mapped_column(String(SENDER), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))
    phase_change_id: Mapped[int | None] = mapped_column(ForeignKey("phase_changes.id", ondelete="SET NULL"))
    #: What to render: [{"response": key, "args": {...}}, ...], joined into one message.
    parts: Mapped[list[Any]] = mapped_column(default=list)
    language: Mapped[str] = mapped_column(String(LANGUAGE))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[dt.datetime | None]
    claim_token: Mapped[str | None] = mapped_column(String(32))
    sent_at: Mapped[dt.datetime | None]
    #: The exception's class name only, never a message text.
    last_error: Mapped[str | None] = mapped_column(String(64))
