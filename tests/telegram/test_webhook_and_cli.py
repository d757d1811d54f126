"""Webhook configuration, and the `wegwijs telegram` command as the supervisor runs it."""

from __future__ import annotations

import asyncio
import os
import signal
import sys

import pytest
from aiohttp import ClientSession

from bot.settings import PROJECT_ROOT, Settings
from bot.telegram.webhook import SECRET_HEADER, WebhookConfigError, webhook_path, webhook_secret
from tests.telegram import updates
from tests.telegram.conftest import make_settings, webhook_bot
from tests.telegram.standin import TOKEN


def test_webhook_needs_a_valid_secret() -> None:
    for secret in (None, "", "has space", "x" * 257, "ünïcode"):
        with pytest.raises(WebhookConfigError):
            webhook_secret(Settings(_env_file=None, telegram_webhook_secret=secret))
    assert webhook_secret(Settings(_env_file=None, telegram_webhook_secret="A-z_09")) == "A-z_09"


def test_webhook_path_follows_the_public_url() -> None:
    assert webhook_path(Settings(_env_file=None, telegram_webhook_url="https://x.org/tg/abc")) == "/tg/abc"
    assert webhook_path(Settings(_env_file=None, telegram_webhook_url="https://x.org")) == "/telegram/webhook"


async def test_the_webhook_rejects_everything_without_the_secret(standin, fake_engine, unused_tcp_port) -> None:
    settings = make_settings(standin, fake_engine.engine_url, telegram_webhook_url="https://x.org/hook",
                             telegram_webhook_secret="right", telegram_webhook_port=unused_tcp_port)
    async with webhook_bot(standin, settings):
        base = f"http://127.0.0.1:{unused_tcp_port}"
        update = {"update_id": 1, **updates.text(updates.user(8001, "en"), "hello")}
        async with ClientSession() as http:
            for method, path, headers in (("GET", "/hook", {}), ("POST", "/other", {}),
                                          ("POST", "/hook", {SECRET_HEADER: "righ"}),
                                          ("GET", "/hook", {SECRET_HEADER: "wrong"})):
                async with http.request(method, base + path, json=update, headers=headers) as resp:
                    assert resp.status == 403, (method, path)
            async with http.post(base + "/other", json=update, headers={SECRET_HEADER: "right"}) as resp:
                assert resp.status == 404
        assert fake_engine.received == []
        assert set(standin.webhook["allowed_updates"]) >= {"message", "callback_query", "edited_message"}


async def test_wegwijs_telegram_runs_until_interrupted(standin, fake_engine, tmp_path) -> None:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": standin.url,
           "ENGINE_URL": fake_engine.engine_url, "TELEGRAM_MODE": "polling",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}", "PYTHONPATH": str(PROJECT_ROOT)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "telegram", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        await standin.wait_for(lambda: standin.calls_of("getUpdates"), timeout=60)
        standin.push(updates.text(updates.user(8002, "en"), "hello"))
        [reply] = await standin.wait_messages(8002, 1)
        assert reply["text"] == "echo: hello"
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, output.decode()[-2000:]
    assert "hello" not in output.decode().replace("echo: hello", "")  # message texts are never logged
    assert TOKEN not in output.decode()


async def test_without_a_token_it_says_how_to_get_one(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "telegram", "run", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    assert b"TELEGRAM_BOT_TOKEN" in output and b"docs/telegram.md" in output
