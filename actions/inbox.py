"""Writes to the curators' inbox from the conversation actions: unanswered questions and handoffs.

An unanswered question is stored without who sent it, and with what looks like a code, a phone
number, a V-number or an e-mail address blanked out first: curators need the question, not the
person. A handoff request keeps the sender id (someone has to answer that person) and is deleted
by forget-me. A failure to store never breaks the conversation: it is logged (without the text).
"""

from __future__ import annotations

import logging
import re

from bot.cases.codes import CODE_IN_TEXT
from bot.db.database import Database, shared_database
from bot.db.repositories import AuditLog, InboxRepository
from bot.settings import Settings

log = logging.getLogger(__name__)

MAX_TEXT = 1000
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: Phone numbers, V-numbers, BSN and similar: six or more digits, possibly split by spaces or dashes.
_NUMBER = re.compile(r"\+?\d(?:[\s\-./]?\d){5,}")


def app_database(settings: Settings | None = None) -> Database:
    """The actions server's app database (one per process, migrated on first use if configured)."""
    settings = settings or Settings()
    return shared_database(settings.database_url, migrate=settings.database_auto_migrate)


def redact(text: str) -> str:
    """The text with link codes, e-mail addresses and long numbers replaced by a placeholder."""
    text = CODE_IN_TEXT.sub("[code]", text)
    text = _EMAIL.sub("[e-mail]", text)
    return _NUMBER.sub("[number]", text)


def record_unanswered(text: str | None, language: str | None, database: Database | None = None) -> bool:
    """Put a question the assistant could not answer in the curators' inbox, anonymously.

    Button payloads (`/intent...`) and empty texts are not questions and are skipped.
    """
    if not text or not text.strip() or text.lstrip().startswith("/"):
        return False
    try:
        with (database or app_database()).session() as session:
            InboxRepository(session).add_unanswered(redact(text.strip())[:MAX_TEXT], language)
        return True
    except Exception as exc:  # noqa: BLE001 - the inbox must never break the conversation
        log.error("unanswered question not stored: %s", type(exc).__name__)
        return False


def record_handoff(sender: str, language: str | None = None, database: Database | None = None) -> bool:
    """Record that this person asked to talk to someone (one open request per person)."""
    try:
        with (database or app_database()).session() as session:
            InboxRepository(session).add_handoff(sender, language)
            AuditLog(session).record("person", "person.handoff_requested", sender_id=sender)
        return True
    except Exception as exc:  # noqa: BLE001 - the inbox must never break the conversation
        log.error("handoff request not stored: %s", type(exc).__name__)
        return False
