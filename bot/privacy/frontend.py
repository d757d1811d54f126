"""What the front ends plug in: forgetting a person after the engine said so.

The Telegram front end takes a `ForgetService` (bot.telegram.forget); this is the real one:

    create_app(..., forget=DatabaseForget(settings))

The terminal chat passes `lambda sender: forget_conversation(sender, settings)` as `on_forget`.
"""

from __future__ import annotations

import asyncio
import logging

from bot.privacy.forget import ForgetReport, forget_conversation
from bot.settings import Settings

log = logging.getLogger(__name__)


class DatabaseForget:
    """Deletes the person's conversation (tracker store) and app data, then checks nothing is left."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def forget(self, sender: str) -> ForgetReport:
        """Forget `sender` everywhere; runs the SQL in a worker thread."""
        report = await asyncio.to_thread(forget_conversation, sender, self.settings)
        if not report.complete:
            log.error("forget-me incomplete (tables: %s)", ", ".join(report.leftovers))
        return report
