"""Small helpers shared by the actions: settings, content keys, the reply language."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rasa_sdk import Tracker

from bot.content.model import Content, load_content
from bot.i18n.reply_language import reply_language
from bot.settings import Settings


@cache
def _content_at(path: Path) -> Content:
    return load_content(path)


def settings() -> Settings:
    """Settings for this actions server, read from the environment (call once per action run)."""
    return Settings()


def content() -> Content:
    """The curated content, loaded once per content folder."""
    return _content_at(settings().content_dir)


def language(tracker: Tracker) -> str:
    """The language the reply to this tracker will be rendered in."""
    return reply_language(tracker.current_state())


def last_utterance(tracker: Tracker, suffixes: tuple[str, ...] = ()) -> str | None:
    """The most recent response the bot uttered (optionally one that has one of `suffixes`)."""
    entries = content().entries if suffixes else {}
    for event in reversed(tracker.events):
        if event.get("event") != "bot":
            continue
        name = (event.get("metadata") or {}).get("utter_action")
        if name and (not suffixes or any(f"{name}{s}" in entries for s in suffixes)):
            return name
    return None
