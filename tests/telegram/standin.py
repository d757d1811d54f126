"""A local stand-in of the Telegram Bot API, for tests.

An aiohttp server that answers the Bot API methods the front end uses, records every call, and
lets a test inject updates (served by getUpdates or posted to a webhook), 429s, network failures
and blocked chats. It checks what the real API checks where our code could get it wrong: HTML
that does not parse, texts over 4096 characters, callback data over 64 bytes, command lists.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import re
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-stand-in-token_abcdefghijklmnopqrstu"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Wegwijs", "username": "wegwijs_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}

#: Parameters sent as JSON strings in form data.
JSON_PARAMS = {"reply_markup", "scope", "commands", "allowed_updates", "link_preview_options", "entities"}
INT_PARAMS = {"chat_id", "message_id", "offset", "limit", "timeout"}
HTML_TAG = re.compile(
    r"</?(b|strong|i|em|u|ins|s|strike|del|span|tg-spoiler|a|code|pre|blockquote|tg-emoji)(\s[^<>]*)?>")
HTML_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
COMMAND = re.compile(r"[a-z0-9_]{1,32}")
SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class ApiError(Exception):
    """An error answer of the Bot API."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


@dataclass
class Call:
    """One Bot API call as the stand-in received it."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """The plain text of an HTML-mode message, or ApiError 400 as Telegram gives it."""
    stripped = HTML_TAG.sub("", text)
    if "<" in stripped or ">" in stripped:
        raise ApiError(400, "Bad Request: can't parse entities: unsupported start tag")
    if "&" in HTML_ENTITY.sub("", stripped):
        raise ApiError(400, "Bad Request: can't parse entities: character '&' is reserved")
    return html.unescape(stripped)


def check_markup(markup: dict[str, Any] | None) -> None:
    """Inline keyboards: every button has a text and at most 64 bytes of callback data."""
    for row in (markup or {}).get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")


class BotApiStandIn:
    """The stand-in server. `await start()` gives its base URL for TelegramAPIServer.from_base."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.blocked: set[int] = set()
        self.webhook: dict[str, Any] | None = None
        self.answered: set[str] = set()
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._failures: dict[str, deque[ApiError | str]] = defaultdict(deque)
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._closing = False
        self.url = ""

    # -- the server ---------------------------------------------------------------------------
    async def start(self, host: str = "127.0.0.1") -> str:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://{host}:{port}"
        return self.url

    async def stop(self) -> None:
        self._closing = True
        await self._notify()  # long polls in flight return now, not after their timeout
        if self._runner:
            await self._runner.cleanup()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        params: dict[str, Any] = {}
        for key, value in (await request.post()).items():
            if not isinstance(value, str):
                continue
            if key in JSON_PARAMS:
                value = json.loads(value)
            elif key in INT_PARAMS and re.fullmatch(r"-?\d+", value):
                value = int(value)
            params[key] = value
        return params

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params = await self._params(request)
        self.calls.append(Call(method, params))
        await self._notify()
        try:
            return await self._answer(request, method, params)
        finally:
            await self._notify()

    async def _answer(self, request: web.Request, method: str, params: dict[str, Any]) -> web.StreamResponse:
        failures = self._failures.get(method)
        if failures:
            failure = failures.popleft()
            if failure == "drop":
                # A network failure: the connection closes without an answer.
                assert request.transport is not None
                request.transport.close()
                return web.Response()
            assert isinstance(failure, ApiError)
            return web.json_response(failure.body(), status=failure.status)
        handler = getattr(self, f"_m_{method.lower()}", None)
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        try:
            result = await handler(params)
        except ApiError as error:
            return web.json_response(error.body(), status=error.status)
        return web.json_response({"ok": True, "result": result})

    # -- methods ------------------------------------------------------------------------------
    async def _m_getme(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def _m_getupdates(self, params: dict[str, Any]) -> Any:
        if self.webhook is not None:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        if not self.updates:
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait_for(lambda: bool(self.updates) or self._closing),
                                           float(params.get("timeout") or 0))
        return self.updates[:100]

    def _chat(self, chat_id: int) -> dict[str, Any]:
        if chat_id < 0:
            return {"id": chat_id, "type": "group", "title": "A group"}
        return {"id": chat_id, "type": "private", "first_name": "Person"}

    def _check_chat(self, chat_id: int) -> None:
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")

    async def _m_sendmessage(self, params: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        self._check_chat(chat_id)
        text = params.get("text", "")
        plain = parse_html(text) if params.get("parse_mode") == "HTML" else text
        if not plain.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(plain) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        check_markup(params.get("reply_markup"))
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": self._chat(chat_id),
                   "from": BOT_USER, "text": plain}
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages[(chat_id, message["message_id"])] = message
        return message

    async def _m_sendchataction(self, params: dict[str, Any]) -> Any:
        self._check_chat(int(params["chat_id"]))
        return True

    async def _m_answercallbackquery(self, params: dict[str, Any]) -> Any:
        self.answered.add(str(params["callback_query_id"]))
        return True

    async def _m_editmessagereplymarkup(self, params: dict[str, Any]) -> Any:
        key = (int(params["chat_id"]), int(params["message_id"]))
        message = self.messages.get(key)
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = params.get("reply_markup")
        if markup == message.get("reply_markup") or (not markup and "reply_markup" not in message):
            raise ApiError(400, "Bad Request: message is not modified")
        check_markup(markup)
        if markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        return message

    async def _m_setmycommands(self, params: dict[str, Any]) -> Any:
        commands = params.get("commands") or []
        for command in commands:
            if not COMMAND.fullmatch(command.get("command", "")):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        return True

    async def _m_deletewebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = None
        return True

    async def _m_setwebhook(self, params: dict[str, Any]) -> Any:
        secret = params.get("secret_token")
        if secret is not None and not SECRET.fullmatch(secret):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        self.webhook = params
        return True

    # -- what a test does ---------------------------------------------------------------------
    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates (an update_id is assigned)."""
        update = {"update_id": next(self._update_ids), **update}
        self.updates.append(update)
        asyncio.get_running_loop().create_task(self._notify())
        return update

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def fail_next(self, method: str, status: int = 429, description: str = "Too Many Requests: retry after 1",
                  retry_after: int | None = 1, times: int = 1) -> None:
        """The next `times` calls of `method` fail with this error (default: a 429 with retry_after 1)."""
        for _ in range(times):
            self._failures[method].append(ApiError(status, description, retry_after if status == 429 else None))

    def drop_next(self, method: str, times: int = 1) -> None:
        """The next `times` calls of `method` lose their connection (a network error)."""
        self._failures[method].extend(["drop"] * times)

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """sendMessage calls that were accepted (as the messages the person saw)."""
        return [m for (chat, _), m in sorted(self.messages.items(), key=lambda kv: kv[0][1])
                if chat_id is None or chat == chat_id]

    async def wait_for(self, predicate: Any, timeout: float = 10.0) -> Any:
        """Wait until `predicate()` returns something truthy; return it."""
        deadline = time.monotonic() + timeout
        async with self._changed:
            while True:
                result = predicate()
                if result:
                    return result
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"timed out waiting; last calls: {[c.method for c in self.calls[-8:]]}")
                # Woken by any call; also looks every 50 ms, for state outside the stand-in.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), min(remaining, 0.05))

    async def wait_messages(self, chat_id: int, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait until the chat has at least `count` messages from the bot; return them all."""
        return await self.wait_for(lambda: len(self.sent(chat_id)) >= count and self.sent(chat_id), timeout)

    def new_callback_id(self) -> str:
        return str(next(self._callback_ids))
