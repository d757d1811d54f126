"""Fixtures for the Telegram front end: the Bot API stand-in, an engine, and a running bot.

`engine` runs a test on both a small fake engine and the real engine and actions server (the
`assistant` fixture in tests/conftest.py); `fake_engine` is only the fake, for tests that need
the engine to say something specific or to see what the front end sent it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import pytest

from bot.settings import Settings
from bot.telegram.app import TelegramApp, create_app
from bot.telegram.callbacks import PayloadButton
from bot.telegram.polling import run_polling
from bot.telegram.webhook import run_webhook
from tests.telegram import updates
from tests.telegram.fake_engine import FakeEngine
from tests.telegram.standin import TOKEN, BotApiStandIn


class RealEngine:
    """The project's `assistant` fixture (bot.engine.runner.Services) seen through the fake engine's
    interface; its blocking start and stop run in a thread so the bot under test keeps running."""

    def __init__(self, assistant: Any) -> None:
        self.assistant = assistant
        self.stopped = False

    @property
    def engine_url(self) -> str:
        return self.assistant.engine_url

    async def stop_engine(self) -> None:
        await asyncio.to_thread(self.assistant.stop_engine)
        self.stopped = True

    async def start_engine(self) -> None:
        """Start it again (only if this test stopped it: the fixture starts it once per session)."""
        if self.stopped:
            await asyncio.to_thread(self.assistant.start_engine)
            self.stopped = False


@pytest.fixture
async def standin() -> AsyncIterator[BotApiStandIn]:
    server = BotApiStandIn()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def fake_engine() -> AsyncIterator[FakeEngine]:
    engine = FakeEngine()
    await engine.start_engine()
    yield engine
    await engine.stop_engine()


@pytest.fixture(params=["fake", "real"])
async def engine(request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    """Each scenario runs twice: on the fake engine (the front end alone) and on the real engine and
    actions server (the `assistant` fixture of tests/conftest.py: the trained model, end to end)."""
    if request.param == "fake":
        fake = FakeEngine()
        await fake.start_engine()
        yield fake
        await fake.stop_engine()
        return
    real = RealEngine(request.getfixturevalue("assistant"))
    yield real
    await real.start_engine()  # a test that stopped it must not leave it down for the next one


def make_settings(standin: BotApiStandIn, engine_url: str, **overrides: Any) -> Settings:
    """Settings for a bot on the stand-in, with short retry timings."""
    values: dict[str, Any] = {
        "telegram_bot_token": TOKEN,
        "telegram_api_url": standin.url,
        "engine_url": engine_url,
        "pseudonym_key": "test-pseudonym-key",
        "telegram_engine_backoff_s": 0.2,
        "telegram_engine_retry_s": 20.0,
        "telegram_flood_messages": 8,
        "telegram_flood_window_s": 10.0,
        "telegram_send_attempts": 4,
        "telegram_mode": "polling",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@asynccontextmanager
async def polling_bot(settings: Settings, **kwargs: Any) -> AsyncIterator[TelegramApp]:
    """A bot polling the stand-in until the block ends."""
    app = await create_app(settings, **kwargs)
    task = asyncio.create_task(run_polling(app, handle_signals=False))
    try:
        yield app
    finally:
        with contextlib.suppress(RuntimeError):  # polling never started (the test failed early)
            await asyncio.wait_for(app.dispatcher.stop_polling(), 10)
        await asyncio.wait_for(task, 15)


@asynccontextmanager
async def webhook_bot(standin: BotApiStandIn, settings: Settings) -> AsyncIterator[TelegramApp]:
    """A bot serving the webhook (registered with the stand-in) until the block ends."""
    app = await create_app(settings)
    stop = asyncio.Event()
    task = asyncio.create_task(run_webhook(app, settings, stop))
    try:
        await standin.wait_for(lambda: standin.webhook)
        yield app
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)


@dataclass
class Chat:
    """A person chatting with the bot through the stand-in."""

    standin: BotApiStandIn
    app: TelegramApp
    user: dict[str, Any]

    @property
    def chat_id(self) -> int:
        return int(self.user["id"])

    def send(self, body: str) -> None:
        self.standin.push(updates.text(self.user, body))

    def push(self, update: dict[str, Any]) -> None:
        self.standin.push(update)

    def messages(self) -> list[dict[str, Any]]:
        return self.standin.sent(self.chat_id)

    async def expect(self, count: int, timeout: float = 15.0) -> list[dict[str, Any]]:
        """Wait until the bot has sent `count` messages to this chat in total; return the new ones."""
        return await self.standin.wait_messages(self.chat_id, count, timeout)

    async def next_messages(self, count: int = 1, timeout: float = 15.0) -> list[dict[str, Any]]:
        """Wait for `count` more messages than the chat has now; return them."""
        have = len(self.messages())
        messages = await self.expect(have + count, timeout)
        return messages[have:]

    def press(self, message: dict[str, Any], data: str) -> str:
        callback_id = self.standin.new_callback_id()
        self.standin.push(updates.press(self.user, data, message, callback_id))
        return callback_id

    def payload_of(self, button: dict[str, Any]) -> str | None:
        """The engine payload behind a button the bot sent."""
        data = button["callback_data"]
        if not data.startswith(PayloadButton.__prefix__ + ":"):
            return None
        return self.app.services.callbacks.get(PayloadButton.unpack(data).id)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """All inline buttons of a message the bot sent."""
    return [b for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]
