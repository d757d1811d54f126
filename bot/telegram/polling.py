"""Long polling: the default mode, no public address needed."""

from __future__ import annotations

import logging

from bot.telegram.app import TelegramApp

log = logging.getLogger(__name__)

#: Seconds a getUpdates call waits for news.
POLLING_TIMEOUT_S = 25


async def run_polling(app: TelegramApp, *, handle_signals: bool = True) -> None:
    """Poll until stopped (a signal, or `app.dispatcher.stop_polling()`), then close the app."""
    try:
        # A webhook left over from production would make getUpdates fail.
        await app.bot.delete_webhook(drop_pending_updates=False)
        await app.dispatcher.start_polling(app.bot, polling_timeout=POLLING_TIMEOUT_S,
                                           handle_signals=handle_signals, close_bot_session=False)
    finally:
        await app.close()
