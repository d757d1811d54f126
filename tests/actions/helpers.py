"""Trackers as the engine sends them to the actions server, and rendering what actions uttered."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.nlg.renderer import Renderer


def user_turn(text: str, intent: str, entities: list[dict[str, Any]] | None = None,
              language: str = "en") -> dict[str, Any]:
    """A user event with its parse data, the language as the engine's language identifier records it."""
    parse = {"text": text, "intent": {"name": intent, "confidence": 0.98}, "entities": entities or [],
             "language": {"code": language, "source": "metadata", "chosen": language}}
    return {"event": "user", "text": text, "parse_data": parse, "metadata": {"language": language}}


def bot_turn(response: str) -> dict[str, Any]:
    """A bot event as the engine stores it after an NLG response."""
    return {"event": "bot", "text": "...", "metadata": {"utter_action": response}}


def tracker(sender: str, text: str, intent: str, entities: list[dict[str, Any]] | None = None,
            history: list[dict[str, Any]] | None = None, language: str = "en") -> Tracker:
    """The tracker for the newest message `text` (classified as `intent`) after `history`."""
    turn = user_turn(text, intent, entities, language)
    events = [*(history or []), turn]
    return Tracker(sender, {}, turn["parse_data"], events, False, None, {}, "action_listen")


def entity(name: str, value: str) -> dict[str, Any]:
    """An extracted entity."""
    return {"entity": name, "value": value, "extractor": "RegexEntityExtractor"}


def responses(dispatcher: CollectingDispatcher) -> list[str | None]:
    """The response keys uttered, in order (None for a custom json message)."""
    return [m.get("response") for m in dispatcher.messages]


def rendered(dispatcher: CollectingDispatcher, renderer: Renderer, language: str = "en") -> list[str]:
    """The texts as the NLG endpoint would render them (the action's kwargs are the arguments)."""
    texts = []
    for message in dispatcher.messages:
        if message.get("response"):
            args = {k: v for k, v in message.items()
                    if k not in {"text", "buttons", "elements", "custom", "template", "response", "image",
                                 "attachment"}}
            texts.append(renderer.render(message["response"], language, args).text)
    return texts
