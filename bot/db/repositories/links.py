"""Link codes, chat links and the attempts counted by the rate limits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.db.models import Case, ChatLink, LinkAttempt, LinkCode


class LinkCodeRepository:
    """One-time codes, found by their keyed hash only."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, case: Case, code_hash: str, expires_at: dt.datetime, created_by: str) -> LinkCode:
        """Store a new code's hash for `case`."""
        code = LinkCode(case=case, code_hash=code_hash, expires_at=expires_at, created_by=created_by)
        self.session.add(code)
        self.session.flush()
        return code

    def use(self, code_hash: str, now: dt.datetime) -> LinkCode | None:
        """Spend the code with this hash if it is unused and not expired; None otherwise.

        One conditional UPDATE, so two chats sending the same code at once cannot both win.
        """
        query = (
            update(LinkCode)
            .where(LinkCode.code_hash == code_hash, LinkCode.used_at.is_(None), LinkCode.expires_at > now)
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        )
        if self.session.execute(query).rowcount != 1:
            return None
        code = self.session.scalar(select(LinkCode).where(LinkCode.code_hash == code_hash))
        if code is not None:
            self.session.refresh(code)
        return code

    def for_case(self, case: Case) -> list[LinkCode]:
        """A case's codes, newest first."""
        query = select(LinkCode).where(LinkCode.case_id == case.id).order_by(LinkCode.id.desc())
        return list(self.session.scalars(query))

    def delete_spent(self, before: dt.datetime) -> int:
        """Delete codes used or expired before `before`; returns how many."""
        query = delete(LinkCode).where(
            (LinkCode.expires_at < before) | (LinkCode.used_at.is_not(None) & (LinkCode.used_at < before))
        )
        return self.session.execute(query).rowcount


class ChatLinkRepository:
    """Which chat belongs to which case."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, sender_id: str) -> ChatLink | None:
        """The link of this chat, if it is linked."""
        return self.session.scalar(select(ChatLink).where(ChatLink.sender_id == sender_id))

    def link(self, sender_id: str, case: Case, now: dt.datetime) -> ChatLink:
        """Link the chat to `case`, replacing a link to another case."""
        existing = self.get(sender_id)
        if existing is not None:
            existing.case = case
            existing.linked_at = now
            self.session.flush()
            return existing
        link = ChatLink(sender_id=sender_id, case=case, linked_at=now)
        self.session.add(link)
        self.session.flush()
        return link

    def set_address(self, sender_id: str, channel: str, chat_id: str) -> bool:
        """Record where proactive messages for a linked chat go; False when the chat is not linked."""
        query = (update(ChatLink).where(ChatLink.sender_id == sender_id)
                 .values(channel=channel, chat_id=chat_id))
        return self.session.execute(query).rowcount > 0

    def for_case(self, case: Case) -> list[ChatLink]:
        """Every chat linked to `case`."""
        query = select(ChatLink).where(ChatLink.case_id == case.id).order_by(ChatLink.id)
        return list(self.session.scalars(query))

    def unlink(self, sender_id: str) -> ChatLink | None:
        """Remove this chat's link; returns the removed link (its case is still loaded), if any."""
        link = self.get(sender_id)
        if link is not None:
            _ = link.case  # load it before the row goes
            self.session.delete(link)
            self.session.flush()
        return link

    def unlink_case(self, case: Case) -> int:
        """Remove every link to `case`; returns how many."""
        return self.session.execute(delete(ChatLink).where(ChatLink.case_id == case.id)).rowcount


class LinkAttemptRepository:
    """Failed code attempts, counted per chat and over all chats."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, sender_id: str, now: dt.datetime) -> None:
        """Count one failed attempt."""
        self.session.add(LinkAttempt(sender_id=sender_id, attempted_at=now))
        self.session.flush()

    def count(self, since: dt.datetime, sender_id: str | None = None) -> int:
        """Failed attempts since `since`, by one chat or (None) by all."""
        query = select(func.count(LinkAttempt.id)).where(LinkAttempt.attempted_at >= since)
        if sender_id is not None:
            query = query.where(LinkAttempt.sender_id == sender_id)
        return int(self.session.scalar(query) or 0)

    def anonymise(self, sender_id: str) -> int:
        """Drop the chat from its attempts (they still count towards the global limit)."""
        query = update(LinkAttempt).where(LinkAttempt.sender_id == sender_id).values(sender_id=None)
        return self.session.execute(query).rowcount

    def delete_before(self, before: dt.datetime) -> int:
        """Delete attempts older than `before`; returns how many."""
        return self.session.execute(delete(LinkAttempt).where(LinkAttempt.attempted_at < before)).rowcount
