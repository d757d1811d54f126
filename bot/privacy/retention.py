"""The retention purge: conversations and records older than their keeping period are deleted.

Periods (docs/privacy.md has the full list): conversations in the tracker store
`retention_days` (default 30); failed code attempts one day; spent or expired link codes and
delivered proactive messages `retention_days`; unanswered questions and handoff requests
`inbox_retention_days`; an unlinked person's language and self-reported phase, and audit
entries about a person, `person_retention_days` after their last change.
Run daily: `wegwijs privacy purge` from cron, or `run_periodically` inside a long-running process.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete

from bot.db.database import Database
from bot.db.models import AuditEntry
from bot.db.repositories import (
    InboxRepository,
    LinkAttemptRepository,
    LinkCodeRepository,
    OutboxRepository,
    PersonRepository,
)
from bot.db.types import utcnow
from bot.privacy.tracker_store import TrackerStore
from bot.settings import Settings

log = logging.getLogger(__name__)

ATTEMPTS_KEPT = dt.timedelta(days=1)
DAY_SECONDS = 24 * 3600


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


@dataclass(frozen=True)
class Periods:
    """How long each kind of record is kept."""

    conversations: dt.timedelta
    inbox: dt.timedelta
    people: dt.timedelta

    @classmethod
    def from_settings(cls, settings: Settings, days: int | None = None) -> Periods:
        """The configured periods; `days` overrides the conversation period."""
        return cls(dt.timedelta(days=days if days is not None else settings.retention_days),
                   dt.timedelta(days=settings.inbox_retention_days),
                   dt.timedelta(days=settings.person_retention_days))


@dataclass
class PurgeReport:
    """How many records of each kind were (or, on a dry run, would be) deleted."""

    deleted: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def lines(self) -> list[str]:
        """One `kind: count` line each, for the CLI and the log."""
        return [f"{kind}: {count}" for kind, count in self.deleted.items()]


def purge(database: Database, tracker_store: TrackerStore, periods: Periods, now: dt.datetime | None = None,
          dry_run: bool = False) -> PurgeReport:
    """Delete everything older than its period; with `dry_run`, count only and change nothing."""
    now = now or utcnow()
    report = PurgeReport(dry_run=dry_run)
    report.deleted["conversation_events"] = tracker_store.delete_before(now - periods.conversations, dry_run)
    try:
        with database.session() as session:
            questions, requests = InboxRepository(session).delete_before(now - periods.inbox)
            report.deleted.update({
                "link_attempts": LinkAttemptRepository(session).delete_before(now - ATTEMPTS_KEPT),
                "link_codes": LinkCodeRepository(session).delete_spent(now - periods.conversations),
                "outbox_messages": OutboxRepository(session).delete_done_before(now - periods.conversations),
                "unanswered_questions": questions,
                "handoff_requests": requests,
                "idle_people": PersonRepository(session).delete_idle(now - periods.people),
                "person_audit_entries": session.execute(
                    delete(AuditEntry)
                    .where(AuditEntry.sender_id.is_not(None), AuditEntry.at < now - periods.people)
                ).rowcount,
            })
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    log.info("retention purge%s: %s", " (dry run)" if dry_run else "", ", ".join(report.lines()))
    return report


def purge_with_settings(settings: Settings, database: Database, now: dt.datetime | None = None,
                        days: int | None = None, dry_run: bool = False) -> PurgeReport:
    """The purge with the configured tracker store and periods."""
    tracker_store = TrackerStore.from_url(settings.tracker_store_url)
    try:
        return purge(database, tracker_store, Periods.from_settings(settings, days), now, dry_run)
    finally:
        tracker_store.dispose()


async def run_periodically(job: Callable[[], object], interval: dt.timedelta = dt.timedelta(days=1),
                           stop: asyncio.Event | None = None) -> None:
    """Run `job` in a worker thread now and then every `interval`, until `stop` is set.

    For a long-running process (the Telegram bot), e.g.
    `asyncio.create_task(run_periodically(partial(purge_with_settings, settings, database)))`.
    A failing run is logged and the next one still happens.
    """
    stop = stop or asyncio.Event()
    while not stop.is_set():
        try:
            await asyncio.to_thread(job)
        except Exception:  # noqa: BLE001 - a scheduled job must survive one bad run
            log.exception("scheduled retention purge failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval.total_seconds())
