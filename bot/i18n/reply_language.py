"""Which language a reply is in, decided from the conversation as the engine recorded it.

The engine's language identifier writes `language: {code, source, chosen}` into the parse data of
every user message (`source` is `metadata`, `detected` or `undetermined`); button payloads skip
the NLU pipeline, so the message metadata the front end sent counts too. The NLG endpoint and the
custom actions both decide through this module, so they always agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.languages import SOURCE_LANGUAGE, normalise

DETERMINED = ("metadata", "detected")


def _user_events(state: Mapping[str, Any]) -> Sequence[Mapping[str, Any]]:
    return [e for e in state.get("events") or () if e.get("event") == "user"]


def language_of_user_event(event: Mapping[str, Any]) -> str | None:
    """The language one user message was in, if the engine or the front end determined it."""
    info = (event.get("parse_data") or {}).get("language") or {}
    if info.get("source") in DETERMINED and normalise(info.get("code")):
        return normalise(info.get("code"))
    return normalise((event.get("metadata") or {}).get("language"))


def reply_language(state: Mapping[str, Any], default: str = SOURCE_LANGUAGE) -> str:
    """The language to answer in: this message's, else the chosen one, else the last one seen,
    else the engine's guess for this (short) message, else the default."""
    events = _user_events(state)
    if events and (code := language_of_user_event(events[-1])):
        return code
    if slot := normalise((state.get("slots") or {}).get("language")):
        return slot
    for event in reversed(events[:-1]):
        if code := language_of_user_event(event):
            return code
    # A first short message ("hoi") is only a guess, but a better one than the default.
    if events and (guess := normalise(((events[-1].get("parse_data") or {}).get("language") or {}).get("code"))):
        return guess
    return default


def switch_offer(state: Mapping[str, Any]) -> str | None:
    """A language to offer switching to: the person wrote in another language than they chose."""
    events = _user_events(state)
    if not events:
        return None
    info = (events[-1].get("parse_data") or {}).get("language") or {}
    chosen = normalise(info.get("chosen"))
    detected = normalise(info.get("code")) if info.get("source") == "detected" else None
    return detected if chosen and detected and detected != chosen else None
