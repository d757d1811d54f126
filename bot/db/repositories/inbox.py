"""The curators' inbox: questions the assistant could not answer, and requests for a person."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.db.models import HandoffRequest, UnansweredQuestion
from bot.db.types import utcnow


class InboxRepository:
    """Unanswered questions carry no sender; handoff requests do (someone has to answer them)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_unanswered(self, text: str, language: str | None,
                       now: dt.datetime | None = None) -> UnansweredQuestion:
        """Store a question without who asked it."""
        item = UnansweredQuestion(text=text, language=language, received_at=now or utcnow())
        self.session.add(item)
        self.session.flush()
        return item

    def unanswered(self, limit: int = 100, language: str | None = None) -> list[UnansweredQuestion]:
        """Open questions (of one language, or all), newest first."""
        query = select(UnansweredQuestion).where(UnansweredQuestion.resolved_at.is_(None))
        if language is not None:
            query = query.where(UnansweredQuestion.language == language)
        return list(self.session.scalars(query.order_by(UnansweredQuestion.id.desc()).limit(limit)))

    def unanswered_by_language(self) -> dict[str | None, int]:
        """How many open questions each language has (None: the language was not known)."""
        query = (select(UnansweredQuestion.language, func.count())
                 .where(UnansweredQuestion.resolved_at.is_(None))
                 .group_by(UnansweredQuestion.language))
        return {language: count for language, count in self.session.execute(query)}

    def question(self, question_id: int) -> UnansweredQuestion | None:
        """One open question by its number."""
        item = self.session.get(UnansweredQuestion, question_id)
        return item if item is not None and item.resolved_at is None else None

    def delete_question(self, item: UnansweredQuestion) -> None:
        """Forget a question once a curator has dealt with it: it has no use left."""
        self.session.delete(item)
        self.session.flush()

    def add_handoff(self, sender_id: str, language: str | None,
                    now: dt.datetime | None = None) -> HandoffRequest:
        """A person asked for a person; one open request per person is enough."""
        open_request = self.session.scalar(
            select(HandoffRequest)
            .where(HandoffRequest.sender_id == sender_id, HandoffRequest.status == "open")
        )
        if open_request is not None:
            return open_request
        item = HandoffRequest(sender_id=sender_id, language=language, requested_at=now or utcnow())
        self.session.add(item)
        self.session.flush()
        return item

    def handoffs(self, sender_id: str | None = None) -> list[HandoffRequest]:
        """Handoff requests (of one person, or all), oldest first."""
        query = select(HandoffRequest).order_by(HandoffRequest.id)
        if sender_id is not None:
            query = query.where(HandoffRequest.sender_id == sender_id)
        return list(self.session.scalars(query))

    def delete_handoffs(self, sender_id: str) -> int:
        """Delete a person's requests; returns how many."""
        query = delete(HandoffRequest).where(HandoffRequest.sender_id == sender_id)
        return self.session.execute(query).rowcount

    def delete_before(self, before: dt.datetime) -> tuple[int, int]:
        """Delete questions and requests older than `before`; returns (questions, requests)."""
        questions = self.session.execute(
            delete(UnansweredQuestion).where(UnansweredQuestion.received_at < before)).rowcount
        requests = self.session.execute(
            delete(HandoffRequest).where(HandoffRequest.requested_at < before)).rowcount
        return questions, requests
