"""Babel extractors for the curated content: every entry becomes one catalog message.

msgctxt is the entry key (so two answers with the same English stay separate), msgid the English
text, and the extracted comments carry the sources and check date to translators and curators.
Usable from `pybabel extract -F babel.cfg` as well as from `wegwijs i18n extract`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

import yaml

from bot.content.model import BUTTON_CONTEXT, TOPIC_CONTEXT, parse_entries

Extracted = tuple[int, str, tuple[str, ...], list[str]]
BUTTON_NOTE = "Button label: keep it short (at most 24 characters)."
TOPIC_NOTE = "Topic title in menus and 'did you mean' buttons: at most 24 characters."


def _line_numbers(text: str) -> dict[str, int]:
    return {m.group(1): text.count("\n", 0, m.start()) + 1
            for m in re.finditer(r"^([A-Za-z0-9_]+):", text, flags=re.MULTILINE)}


def extract_answers(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
                    options: Mapping[str, Any]) -> Iterator[Extracted]:
    """Extract the entries of one answers/*.yml file."""
    text = fileobj.read().decode("utf-8")
    lines = _line_numbers(text)
    for key, entry in parse_entries(yaml.safe_load(text), getattr(fileobj, "name", "")).items():
        if entry.plural:
            yield lines.get(key, 0), "npgettext", (key, entry.text, entry.plural), entry.translator_comments
        else:
            yield lines.get(key, 0), "pgettext", (key, entry.text), entry.translator_comments


def _extract_labels(fileobj: IO[bytes], prefix: str, note: str) -> Iterator[Extracted]:
    text = fileobj.read().decode("utf-8")
    lines = _line_numbers(text)
    for key, label in (yaml.safe_load(text) or {}).items():
        yield lines.get(str(key), 0), "pgettext", (prefix + str(key), str(label)), [note]


def extract_buttons(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
                    options: Mapping[str, Any]) -> Iterator[Extracted]:
    """Extract the button labels of buttons.yml."""
    return _extract_labels(fileobj, BUTTON_CONTEXT, BUTTON_NOTE)


def extract_topics(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
                   options: Mapping[str, Any]) -> Iterator[Extracted]:
    """Extract the topic titles of topics.yml."""
    return _extract_labels(fileobj, TOPIC_CONTEXT, TOPIC_NOTE)
