"""Building the front end from Settings: the Bot, the Dispatcher and the services they share.

Nothing here knows about tests: the Bot API server is `settings.telegram_api_url` when set (a local
Bot API server, or the stand-in in tests), Telegram's own otherwise.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import aiohttp
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode

from bot.actions_server import build_renderer
from bot.engine.client import EngineClient
from bot.languages import SUPPORTED_LANGUAGES
from bot.nlg.renderer import Renderer
from bot.settings import Settings
from bot.telegram import middlewares, routers
from bot.telegram.callbacks import CallbackStore, known_payloads
from bot.telegram.commands_menu import set_commands
from bot.telegram.conversation import Conversation
from bot.telegram.forget import ForgetService, MemoryForget, PrivacyServiceMissing
from bot.telegram.outbox import Outbox
from bot.telegram.proactive import AddressBook, ProactiveDelivery
from bot.telegram.request_retry import RetryRequests
from bot.telegram.services import Services
from bot.telegram.store import MemoryPreferenceStore, PreferenceStore
from bot.telegram.texts import Texts

if TYPE_CHECKING:
    from bot.outbox.delivery import Deliverer

log = logging.getLogger(__name__)


class MissingToken(RuntimeError):
    """TELEGRAM_BOT_TOKEN is not set."""


def create_bot(settings: Settings) -> Bot:
    """A Bot with HTML parse mode, no link previews (cheap data plans) and retries on every call."""
    if settings.telegram_bot_token is None:
        raise MissingToken("TELEGRAM_BOT_TOKEN is not set (see docs/telegram.md)")
    api = TelegramAPIServer.from_base(settings.telegram_api_url) if settings.telegram_api_url else None
    session = AiohttpSession(api=api) if api else AiohttpSession()
    session.middleware(RetryRequests(attempts=settings.telegram_send_attempts))
    return Bot(
        settings.telegram_bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


@dataclass
class TelegramApp:
    """The running front end: close it to stop cleanly (waiting people are told first)."""

    bot: Bot
    dispatcher: Dispatcher
    services: Services
    http: aiohttp.ClientSession

    async def close(self) -> None:
        """Tell people whose messages still wait, then close the engine and Bot API connections."""
        try:
            if self.services.proactive is not None:
                await self.services.proactive.stop()
            await self.services.conversation.close()
        finally:
            await self.http.close()
            await self.bot.session.close()


def create_dispatcher(services: Services) -> Dispatcher:
    """The dispatcher with middlewares, routers and the startup step that sets the command menu."""
    dispatcher = Dispatcher()
    dispatcher["services"] = services
    middlewares.setup(dispatcher, services)
    dispatcher.include_router(routers.create_router())

    async def on_startup(bot: Bot) -> None:
        await set_commands(bot, services.texts, services.settings.default_language)
        if services.proactive is not None:
            services.proactive.start()

    dispatcher.startup.register(on_startup)
    return dispatcher


async def create_app(settings: Settings, *, store: PreferenceStore | None = None,
                     forget: ForgetService | None = None, addresses: AddressBook | None = None,
                     deliverer: Deliverer | None = None, renderer: Renderer | None = None) -> TelegramApp:
    """Build the front end. `store` and `forget` default to in-memory versions (see store.py, forget.py);
    with `addresses` and `deliverer` (the app database, see wiring.py) linked chats get proactive messages.
    """
    bot = create_bot(settings)
    renderer = renderer or build_renderer(settings)
    if store is None:
        store = MemoryPreferenceStore()
    if forget is None:
        forget = MemoryForget(store) if isinstance(store, MemoryPreferenceStore) else PrivacyServiceMissing()
    http = aiohttp.ClientSession()
    engine = EngineClient(settings.engine_url, http, settings.engine_timeout_s)
    texts = Texts(renderer)
    content = renderer.content
    callbacks = CallbackStore(settings.telegram_callback_slots,
                              known_payloads(content.entries.values(), content.topics, SUPPORTED_LANGUAGES))
    outbox = Outbox(bot, store, callbacks)
    conversation = Conversation(bot, engine, outbox, texts, store, forget, settings, addresses)
    proactive = (ProactiveDelivery(deliverer, outbox, callbacks, settings.telegram_outbox_interval_s)
                 if deliverer is not None else None)
    services = Services(settings, texts, store, callbacks, outbox, conversation, proactive)
    return TelegramApp(bot, create_dispatcher(services), services, http)
