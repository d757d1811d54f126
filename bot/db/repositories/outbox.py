"""The outbox table: messages the assistant sends on its own, claimed and delivered by a front end."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.db.models import ChatLink, OutboxMessage

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
#: A newer message about the same thing was queued before this one went out.
SUPERSEDED = "superseded"
#: The chat was unlinked before delivery: there is no one to send it to.
DROPPED = "dropped"
FAILED = "failed"
DONE = (SENT, SUPERSEDED, DROPPED, FAILED)


class OutboxRepository:
    """Queue, claim and settle outbox rows. Every state change is a conditional UPDATE.

    A claim is a compare-and-set on (status, claimed_at), so two deliverers (or a deliverer
    restarted after a crash) can never both hold the same row, on SQLite or PostgreSQL.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    def enqueue(self, idempotency_key: str, sender_id: str, parts: list[dict[str, Any]], language: str,
                now: dt.datetime, case_id: int | None = None,
                phase_change_id: int | None = None) -> OutboxMessage | None:
        """Queue a message; None when a message with this key was queued before (never twice)."""
        existing = select(OutboxMessage.id).where(OutboxMessage.idempotency_key == idempotency_key)
        if self.session.scalar(existing) is not None:
            return None
        message = OutboxMessage(idempotency_key=idempotency_key, sender_id=sender_id, parts=parts,
                                language=language, status=PENDING, attempts=0, created_at=now,
                                case_id=case_id, phase_change_id=phase_change_id)
        try:
            with self.session.begin_nested():
                self.session.add(message)
        except IntegrityError:
            return None  # queued by someone else at the same moment
        return message

    def supersede(self, sender_id: str, key_prefix: str, keep_id: int) -> int:
        """Mark this person's still-pending messages whose key starts with `key_prefix` as superseded."""
        query = (
            update(OutboxMessage)
            .where(OutboxMessage.sender_id == sender_id, OutboxMessage.status == PENDING,
                   OutboxMessage.idempotency_key.startswith(key_prefix, autoescape=True),
                   OutboxMessage.id != keep_id)
            .values(status=SUPERSEDED)
            .execution_options(synchronize_session=False)
        )
        return self.session.execute(query).rowcount

    def claim(self, now: dt.datetime, lease: dt.timedelta, *, limit: int = 20, max_attempts: int = 5,
              sender_id: str | None = None, channel: str | None = None) -> list[OutboxMessage]:
        """Claim up to `limit` deliverable rows: pending ones, and ones whose claim has gone stale.

        Filter by one person (`sender_id`: the terminal chat) or by the channel whose address the
        chat link holds (`channel`: Telegram). Commit right after, before sending anything.
        """
        stale = now - lease
        # A row whose deliverer died on its last allowed try will not be tried again.
        self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == SENDING, OutboxMessage.claimed_at < stale,
                   OutboxMessage.attempts >= max_attempts)
            .values(status=FAILED, last_error="LeaseExpired")
            .execution_options(synchronize_session=False)
        )
        claimable = or_(OutboxMessage.status == PENDING,
                        (OutboxMessage.status == SENDING) & (OutboxMessage.claimed_at < stale))
        query = select(OutboxMessage.id).where(claimable, OutboxMessage.attempts < max_attempts)
        if sender_id is not None:
            query = query.where(OutboxMessage.sender_id == sender_id)
        if channel is not None:
            addressed = (select(ChatLink.sender_id)
                         .where(ChatLink.channel == channel, ChatLink.chat_id.is_not(None)))
            query = query.where(OutboxMessage.sender_id.in_(addressed))
        candidates = list(self.session.scalars(query.order_by(OutboxMessage.id).limit(limit)))
        claimed = []
        for message_id in candidates:
            token = secrets.token_hex(16)
            won = self.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == message_id, claimable)
                .values(status=SENDING, claim_token=token, claimed_at=now,
                        attempts=OutboxMessage.attempts + 1)
                .execution_options(synchronize_session=False)
            ).rowcount
            if won == 1:
                claimed.append(message_id)
        if not claimed:
            return []
        rows = self.session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(claimed))
                                    .order_by(OutboxMessage.id).execution_options(populate_existing=True))
        return list(rows)

    def _settle(self, message_id: int, token: str, **values: Any) -> bool:
        query = (
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.claim_token == token,
                   OutboxMessage.status == SENDING)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return self.session.execute(query).rowcount == 1

    def mark_sent(self, message_id: int, token: str, now: dt.datetime) -> bool:
        """The message went out; False when the claim was lost (someone else took the row over)."""
        return self._settle(message_id, token, status=SENT, sent_at=now)

    def release(self, message_id: int, token: str, error: str, final: bool) -> bool:
        """Sending failed: back to pending for another try, or `failed` when `final`."""
        return self._settle(message_id, token, status=FAILED if final else PENDING, claim_token=None,
                            last_error=error[:64])

    def drop(self, message_id: int, token: str) -> bool:
        """Nobody to deliver to any more (the chat was unlinked)."""
        return self._settle(message_id, token, status=DROPPED)

    def for_sender(self, sender_id: str) -> list[OutboxMessage]:
        """A person's messages, oldest first."""
        query = select(OutboxMessage).where(OutboxMessage.sender_id == sender_id).order_by(OutboxMessage.id)
        return list(self.session.scalars(query))

    def delete_for_sender(self, sender_id: str) -> int:
        """Delete every message to this person; returns how many."""
        query = delete(OutboxMessage).where(OutboxMessage.sender_id == sender_id)
        return self.session.execute(query).rowcount

    def delete_for_case(self, case_id: int) -> int:
        """Delete every message about a case; returns how many."""
        return self.session.execute(delete(OutboxMessage).where(OutboxMessage.case_id == case_id)).rowcount

    def delete_done_before(self, before: dt.datetime) -> int:
        """Delete settled messages created before `before`; returns how many."""
        query = delete(OutboxMessage).where(OutboxMessage.status.in_(DONE), OutboxMessage.created_at < before)
        return self.session.execute(query).rowcount
