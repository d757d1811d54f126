"""Render a content entry in one language: translate, fill in arguments, keep RTL text readable."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from bot.content.model import BUTTON_CONTEXT, TOPIC_CONTEXT, Content, Entry
from bot.i18n.bidi import isolate_ltr_runs
from bot.i18n.catalog import Catalogs, Translated
from bot.languages import is_rtl, is_supported, own_name

log = logging.getLogger(__name__)


@dataclass
class Rendered:
    """A message ready for a channel: text, buttons (title + intent payload) and how it was made."""

    text: str
    language: str
    buttons: list[dict[str, str]] = field(default_factory=list)
    fallback: bool = False
    reviewed: bool = True

    def as_nlg_response(self) -> dict[str, Any]:
        """The body Rasa expects back from an NLG endpoint."""
        return {"text": self.text, "buttons": self.buttons, "image": None, "elements": [], "attachments": []}


class _KeepMissing(dict):
    """Leaves an unknown placeholder visible instead of failing the whole answer."""

    def __missing__(self, key: str) -> str:
        log.warning("placeholder {%s} has no argument", key)
        return "{" + key + "}"


def format_argument(name: str, value: Any, lang: str) -> str:
    """Format one argument the way the language writes it (dates, numbers, language names)."""
    if name.endswith("_date") and isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.date):
        return format_date(value, format="long", locale=lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return format_decimal(value, locale=lang)
    if name == "language" and is_supported(str(value)):
        return own_name(str(value))
    return str(value)


class Renderer:
    """Turns content keys into messages in any supported language."""

    def __init__(self, content: Content, catalogs: Catalogs) -> None:
        self.content = content
        self.catalogs = catalogs

    def translate(self, entry: Entry, lang: str, args: dict[str, Any] | None = None) -> Translated:
        """The entry's text in `lang` (or English), with its arguments filled in."""
        args = args or {}
        count = args.get(entry.count) if entry.count else None
        translated = self.catalogs.translate(lang, entry.key, entry.text, entry.plural, count)
        values = _KeepMissing({k: format_argument(k, v, translated.language) for k, v in args.items()})
        text = translated.text.format_map(values) if "{" in translated.text else translated.text
        return Translated(text, translated.language, translated.reviewed)

    def button_title(self, key: str, lang: str) -> str:
        """A button label in `lang`; a label missing from buttons.yml shows its key."""
        source = self.content.buttons.get(key)
        if source is None:
            log.warning("button label %r is not in buttons.yml", key)
            return key
        return self.catalogs.translate(lang, BUTTON_CONTEXT + key, source).text

    def topic_title(self, intent: str, lang: str) -> str:
        """The short title of an intent's topic in `lang` (menus, "did you mean" buttons)."""
        source = self.content.topics.get(intent, intent.replace("_", " "))
        return self.catalogs.translate(lang, TOPIC_CONTEXT + intent, source).text

    def render(
        self, key: str, lang: str, args: dict[str, Any] | None = None, *, final: bool = True
    ) -> Rendered:
        """Render one entry with its buttons. An unknown key renders as an apology, never a crash.

        Pass `final=False` to add more text first, then call `finish`.
        """
        entry = self.content.entry(key)
        if entry is None:
            log.error("no content for response %r", key)
            entry = self.content.entry("utter_missing_answer") or Entry(key, "Sorry, something went wrong.")
        translated = self.translate(entry, lang, args)
        buttons = [{"title": self.button_title(b.title, lang), "payload": b.payload} for b in entry.buttons]
        message = Rendered(
            translated.text, translated.language, buttons, translated.is_fallback and lang != "en",
            translated.reviewed,
        )
        return self.finish(message) if final else message

    def finish(self, message: Rendered) -> Rendered:
        """Make right-to-left text safe for display; call last, after all text is joined.

        Decided by the language of the answer itself: an English fallback stays untouched.
        """
        if is_rtl(message.language):
            message.text = isolate_ltr_runs(message.text)
            for button in message.buttons:
                button["title"] = isolate_ltr_runs(button["title"])
        return message
