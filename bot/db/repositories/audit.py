"""The audit log: every change to cases, links and what a person told the assistant."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.db.models import AuditEntry
from bot.db.types import utcnow


class AuditLog:
    """Append-only, except that a forgotten person's entries are removed (see bot.privacy)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, actor: str, action: str, *, case_reference: str | None = None,
               sender_id: str | None = None, at: dt.datetime | None = None, **details: Any) -> AuditEntry:
        """Add one entry. `details` must hold no message texts and no chat ids."""
        entry = AuditEntry(actor=actor, action=action, case_reference=case_reference, sender_id=sender_id,
                           details=details, at=at or utcnow())
        self.session.add(entry)
        return entry

    def for_case(self, reference: str) -> list[AuditEntry]:
        """A case's entries, oldest first."""
        query = select(AuditEntry).where(AuditEntry.case_reference == reference).order_by(AuditEntry.id)
        return list(self.session.scalars(query))

    def for_sender(self, sender_id: str) -> list[AuditEntry]:
        """A person's entries, oldest first."""
        query = select(AuditEntry).where(AuditEntry.sender_id == sender_id).order_by(AuditEntry.id)
        return list(self.session.scalars(query))

    def delete_for_sender(self, sender_id: str) -> int:
        """Remove a person's entries; returns how many."""
        return self.session.execute(delete(AuditEntry).where(AuditEntry.sender_id == sender_id)).rowcount
