"""Webhook mode (production): Telegram posts updates to us; only requests with our secret get in.

Telegram sends the secret given to setWebhook in the `X-Telegram-Bot-Api-Secret-Token` header of
every call. Anything without it, or with another one, is answered 403 before it is even parsed.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
import signal
from contextlib import suppress
from urllib.parse import urlsplit

from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from aiohttp.typedefs import Handler

from bot.settings import Settings
from bot.telegram.app import TelegramApp

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DEFAULT_PATH = "/telegram/webhook"
#: What Telegram accepts as a secret token.
SECRET_FORMAT = re.compile(r"[A-Za-z0-9_-]{1,256}")


class WebhookConfigError(ValueError):
    """Webhook mode is chosen but its settings are incomplete."""


def webhook_path(settings: Settings) -> str:
    """The local path to serve: the path of TELEGRAM_WEBHOOK_URL (a proxy may sit in front)."""
    path = urlsplit(settings.telegram_webhook_url or "").path
    return path if path not in ("", "/") else DEFAULT_PATH


def webhook_secret(settings: Settings) -> str:
    """The secret token, checked: webhook mode never runs without one."""
    secret = settings.telegram_webhook_secret.get_secret_value() if settings.telegram_webhook_secret else ""
    if not SECRET_FORMAT.fullmatch(secret):
        raise WebhookConfigError(
            "TELEGRAM_WEBHOOK_SECRET must be set: 1-256 characters of A-Z, a-z, 0-9, _ and -")
    return secret


def require_secret(secret: str):
    """An aiohttp middleware that answers 403 to every request without the right secret header."""

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            log.warning("webhook call rejected: wrong or missing secret token")
            raise web.HTTPForbidden()
        return await handler(request)

    return check


def create_webhook_app(app: TelegramApp, settings: Settings) -> web.Application:
    """The aiohttp application that receives Telegram's updates."""
    secret = webhook_secret(settings)
    web_app = web.Application(middlewares=[require_secret(secret)])
    SimpleRequestHandler(app.dispatcher, app.bot, secret_token=secret).register(web_app, path=webhook_path(settings))
    setup_application(web_app, app.dispatcher, bot=app.bot)
    return web_app


async def register_webhook(app: TelegramApp, settings: Settings) -> None:
    """Tell Telegram where to post updates, with the secret and only the update types we handle."""
    if not settings.telegram_webhook_url:
        raise WebhookConfigError("TELEGRAM_WEBHOOK_URL must be set in webhook mode (the public https URL)")
    await app.bot.set_webhook(
        settings.telegram_webhook_url,
        secret_token=webhook_secret(settings),
        allowed_updates=app.dispatcher.resolve_used_update_types(),
        drop_pending_updates=False,
    )


async def run_webhook(app: TelegramApp, settings: Settings, stop: asyncio.Event | None = None) -> None:
    """Serve the webhook until `stop` is set (or SIGINT/SIGTERM), then close the app."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    runner = web.AppRunner(create_webhook_app(app, settings), access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, settings.telegram_webhook_host, settings.telegram_webhook_port)
        await site.start()
        await register_webhook(app, settings)
        log.info("webhook listening on %s:%s%s", settings.telegram_webhook_host,
                 settings.telegram_webhook_port, webhook_path(settings))
        await stop.wait()
    finally:
        await runner.cleanup()
        await app.close()
