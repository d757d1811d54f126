"""A small client for the engine's REST channel and parse API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import aiohttp

REST_WEBHOOK = "/webhooks/rest/webhook"


class EngineUnavailable(Exception):
    """The engine did not answer (stopped, starting, overloaded or broken)."""


@dataclass(frozen=True)
class Button:
    """A reply button: what it says and the intent payload it sends back."""

    title: str
    payload: str


@dataclass
class BotReply:
    """One message from the engine. `language` is set when the engine switched language."""

    text: str | None = None
    buttons: list[Button] = field(default_factory=list)
    custom: dict[str, Any] | None = None

    @property
    def language_switch(self) -> str | None:
        """The language the person switched to in this reply, if any."""
        return ((self.custom or {}).get("wegwijs") or {}).get("language")


def parse_replies(payload: list[dict[str, Any]]) -> list[BotReply]:
    """Turn the REST channel's JSON list into replies."""
    replies = []
    for item in payload or []:
        buttons = [Button(str(b.get("title", "")), str(b.get("payload", ""))) for b in item.get("buttons") or []]
        replies.append(BotReply(item.get("text"), buttons, item.get("custom")))
    return replies


class EngineClient:
    """Sends a person's message to the engine and returns the replies."""

    def __init__(self, base_url: str, session: aiohttp.ClientSession, timeout_s: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = session
        self.timeout = aiohttp.ClientTimeout(total=timeout_s)

    async def send(self, sender: str, text: str, language: str | None = None,
                   metadata: dict[str, Any] | None = None) -> list[BotReply]:
        """Send one message; `language` is the person's chosen language (metadata.language)."""
        meta = dict(metadata or {})
        if language:
            meta["language"] = language
        body = {"sender": sender, "message": text, "metadata": meta}
        return parse_replies(await self._post(REST_WEBHOOK, body))

    async def parse(self, text: str) -> dict[str, Any]:
        """The engine's NLU result for a text (`POST /model/parse`)."""
        return await self._post("/model/parse", {"text": text})

    async def is_ready(self) -> bool:
        """True when the engine is up with a model loaded."""
        try:
            async with self.session.get(f"{self.base_url}/status", timeout=self.timeout) as resp:
                return resp.status == 200
        except (aiohttp.ClientError, TimeoutError):
            return False

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        try:
            async with self.session.post(f"{self.base_url}{path}", json=body, timeout=self.timeout) as resp:
                if resp.status >= 500:
                    raise EngineUnavailable(f"engine answered {resp.status}")
                resp.raise_for_status()
                return await resp.json()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise EngineUnavailable(str(exc) or type(exc).__name__) from exc
