"""`wegwijs i18n check`: find what would break a translated message, in words a translator knows."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message

from bot.content.model import BUTTON_CONTEXT, TOPIC_CONTEXT
from bot.i18n.workflow import catalog_languages, po_path, read_catalog

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
MARKUP = re.compile(r"</?[A-Za-z][^>]*>")
TELEGRAM_MAX = 4096
LABEL_MAX = 64


@dataclass(frozen=True)
class Problem:
    """One thing a translator has to fix."""

    language: str
    context: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.language}: {self.context} (messages.po line {self.line}): {self.text}"


def _strings(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def _sources(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


def check_message(lang: str, message: Message, num_plurals: int) -> list[str]:
    """The problems of one translated message (an untranslated one has none: it falls back)."""
    strings = _strings(message)
    if not any(strings):
        return []
    problems = []
    if message.pluralizable and len(strings) != num_plurals:
        problems.append(f"needs {num_plurals} plural forms for this language, has {len(strings)}.")
    if message.pluralizable and not all(strings):
        problems.append("some plural forms are empty: fill in every form.")
    sources = _sources(message)
    # A form may leave out a placeholder only one of the English forms has ("1 day" vs "{days} days"):
    # which form is which differs between languages (Arabic has six).
    required = set.intersection(*(set(PLACEHOLDER.findall(s)) for s in sources))
    allowed = set.union(*(set(PLACEHOLDER.findall(s)) for s in sources))
    for string in filter(None, strings):
        found = set(PLACEHOLDER.findall(string))
        for name in sorted(required - found):
            problems.append(f"the placeholder {{{name}}} is missing: copy it exactly as in the English text.")
        for name in sorted(found - allowed):
            problems.append(f"{{{name}}} is not in the English text: placeholders must stay as they are.")
        if Counter(MARKUP.findall(string)) != Counter(MARKUP.findall(_sources(message)[0])):
            problems.append("the markup (<...>) differs from the English text: keep the same tags.")
        limit = LABEL_MAX if (message.context or "").startswith((BUTTON_CONTEXT, TOPIC_CONTEXT)) else TELEGRAM_MAX
        if len(string) > limit:
            problems.append(f"is {len(string)} characters long; at most {limit} fit here.")
    return problems


def check_catalogs(locales_dir: Path, languages: list[str] | None = None) -> list[Problem]:
    """Every problem in every catalog (an empty list means all is well)."""
    problems = []
    for lang in languages or catalog_languages(locales_dir):
        catalog = read_catalog(po_path(locales_dir, lang), lang)
        for message in catalog:
            if not message.id:
                continue
            for text in check_message(lang, message, catalog.num_plurals):
                problems.append(Problem(lang, message.context or str(message.id)[:30], message.lineno or 0, text))
    return problems
