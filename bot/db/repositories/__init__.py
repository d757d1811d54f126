"""Thin repositories, one per aggregate: the only code that builds queries on the app tables.

Each takes an open Session (bot.db.Database.session()) so the caller decides the transaction.
"""

from bot.db.repositories.audit import AuditLog
from bot.db.repositories.cases import CaseRepository
from bot.db.repositories.inbox import InboxRepository
from bot.db.repositories.links import ChatLinkRepository, LinkAttemptRepository, LinkCodeRepository
from bot.db.repositories.outbox import OutboxRepository
from bot.db.repositories.people import PersonRepository

__all__ = [
    "AuditLog",
    "CaseRepository",
    "ChatLinkRepository",
    "InboxRepository",
    "LinkAttemptRepository",
    "LinkCodeRepository",
    "OutboxRepository",
    "PersonRepository",
]
