"""A tiny stand-in of the engine's REST channel, for tests that do not need the real engine.

It answers like the engine would for the few things the tests ask (in Arabic when the message's
metadata says so), records what it received, and can be stopped and started again on the same
port to play an engine that goes down mid-conversation.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aiohttp import web

Reply = dict[str, Any]

REST_PERIOD = {
    "en": "Now: a period to rest and prepare for your detailed interview with the IND.",
    "ar": "الآن: فترة للراحة والاستعداد لمقابلتك التفصيلية مع IND.",
}
GENERAL_PROCEDURE = {
    "en": "The general procedure (AA) takes 6 working days.",
    "ar": "الإجراء العام (AA) يستغرق 6 أيام عمل.",
}
LANGUAGE_CHANGED = {"en": "OK, I will answer in English.", "ar": "حسنًا، سأجيب باللغة العربية."}
LABELS = {
    "en": {"next_phase": "What comes next?", "who_can_help": "Who can help me?"},
    "ar": {"next_phase": "ما هي الخطوة التالية؟", "who_can_help": "من يمكنه مساعدتي؟"},
}


def answer(message: str, language: str) -> list[Reply]:
    """What the fake engine says to a message."""
    lang = language if language in REST_PERIOD else "en"
    if message.startswith("/change_language"):
        code = json.loads(message[len("/change_language"):])["language"]
        return [{"text": LANGUAGE_CHANGED.get(code, LANGUAGE_CHANGED["en"])},
                {"custom": {"wegwijs": {"language": code}}}]
    if "rest" in message.lower() or "الراحة" in message:
        return [{"text": REST_PERIOD[lang], "buttons": [
            {"title": LABELS[lang]["next_phase"], "payload": "/phase_general_procedure"},
            {"title": LABELS[lang]["who_can_help"], "payload": '/who_can_help{"phase": "rest_period"}'},
        ]}]
    if message == "/phase_general_procedure":
        return [{"text": GENERAL_PROCEDURE[lang]}]
    if message == "/forget_me":
        return [{"text": "Delete everything?", "buttons": [{"title": "Yes", "payload": "/affirm"},
                                                           {"title": "No", "payload": "/deny"}]}]
    if message == "/affirm":
        return [{"text": "Everything is deleted."}, {"custom": {"wegwijs": {"forget": True}}}]
    if message == "/deny":
        return [{"text": "Nothing was deleted."}]
    return [{"text": f"echo: {message}"}]


class FakeEngine:
    """The fake engine server: `engine_url`, `stop_engine()`, `start_engine()` like the real fixture."""

    def __init__(self, script: Callable[[str, str], list[Reply]] = answer) -> None:
        self.script = script
        self.received: list[dict[str, Any]] = []
        self.port = 0
        self._runner: web.AppRunner | None = None

    @property
    def engine_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start_engine(self) -> None:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self._webhook)
        app.router.add_get("/status", self._status)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop_engine(self) -> None:
        if self._runner:
            await self._runner.cleanup()
            self._runner = None

    async def _status(self, request: web.Request) -> web.Response:
        return web.json_response({"model_file": "fake.tar.gz"})

    async def _webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.received.append(body)
        language = (body.get("metadata") or {}).get("language") or "en"
        return web.json_response(self.script(body["message"], language))

    def messages(self) -> list[str]:
        return [b["message"] for b in self.received]
