"""Text for Telegram's HTML parse mode: escape everything and split long texts.

Telegram counts the 4096-character limit in UTF-16 code units of the text after parsing, so a text
is split first (measuring its plain form) and each part is escaped afterwards.
"""

from __future__ import annotations

import html

MESSAGE_LIMIT = 4096


def escape(text: str) -> str:
    """Escape a plain text for HTML parse mode (nothing in it is ever markup)."""
    return html.escape(text, quote=False)


def utf16_len(text: str) -> int:
    """The length Telegram measures: UTF-16 code units (an emoji can count twice)."""
    return len(text.encode("utf-16-le")) // 2


def _fit(text: str, limit: int) -> int:
    """How many characters of `text` fit in `limit` UTF-16 code units."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def _cut(text: str, limit: int) -> tuple[str, str]:
    """Cut `text` at the best boundary within `limit`: paragraph, then line, then word, then anywhere."""
    room = _fit(text, limit)
    window = text[:room]
    for separator in ("\n\n", "\n", " "):
        at = window.rfind(separator)
        if at > 0:
            return text[:at].rstrip(), text[at + len(separator):].lstrip("\n ")
    return text[:room], text[room:]


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split a plain text into parts Telegram accepts, at paragraph boundaries where possible."""
    text = text.strip()
    parts: list[str] = []
    while utf16_len(text) > limit:
        head, text = _cut(text, limit)
        if head:
            parts.append(head)
    if text:
        parts.append(text)
    return parts
