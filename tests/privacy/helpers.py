"""A person's footprint everywhere the assistant keeps something, to test forgetting and purging."""

from __future__ import annotations

import datetime as dt
import json

from bot.cases import service
from bot.cases.linking import issue_code, redeem_code
from bot.cases.ratelimit import Limits
from bot.db.database import Database
from bot.db.repositories import AuditLog, InboxRepository, PersonRepository
from bot.privacy.tracker_store import TrackerStore, events

KEY = "test-key"


def add_events(store: TrackerStore, sender: str, at: dt.datetime, count: int = 3) -> None:
    """Events as the engine writes them (session start, the person's text, the bot's answer)."""
    rows = []
    for i in range(count):
        kind = ("action", "user", "bot")[i % 3]
        data = {"event": kind, "timestamp": at.timestamp() + i, "text": "where am i" if kind == "user" else None}
        rows.append({"sender_id": sender, "type_name": kind, "timestamp": at.timestamp() + i,
                     "intent_name": "my_phase" if kind == "user" else None, "action_name": None,
                     "data": json.dumps(data)})
    with store.engine.begin() as connection:
        connection.execute(events.insert(), rows)


def leave_footprint(database: Database, store: TrackerStore, sender: str, now: dt.datetime,
                    reference: str = "WW-ANNA1") -> None:
    """Everything a linked person can leave: link, preferences, attempts, handoff, outbox, audit, chat."""
    with database.session() as session:
        case = service.create_case(session, phase="decision", since=now.date(), actor="cli:test", now=now,
                                   reference=reference)
        limits = Limits()
        redeem_code(session, sender, "WRONG-CODE2", key=KEY, limits=limits, now=now)  # a typo first
        code = issue_code(session, case, key=KEY, now=now, valid_for=dt.timedelta(days=7), created_by="cli:t").code
        redeem_code(session, sender, code, key=KEY, limits=limits, now=now)
        PersonRepository(session).set_language(sender, "ar")
        InboxRepository(session).add_handoff(sender, "ar", now)
        AuditLog(session).record("person", "person.handoff_requested", sender_id=sender, at=now)
        service.change_phase(session, case, "appeal", changed_on=now.date(), actor="cli:test", now=now,
                             default_language="en")
    add_events(store, sender, now)
