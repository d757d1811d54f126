"""The translator workflow, in Babel's own steps: extract, update, compile; plus status and check.

- extract: the English content → locales/messages.pot
- update:  the template → every locales/<lang>/LC_MESSAGES/messages.po (new messages empty; a
           changed English source keeps the old translation but marks it fuzzy: needs review)
- compile: .po → .mo (build output) plus the list of unreviewed messages the NLG announces
A translation nobody has checked yet carries the translator comment `Unreviewed` (see
docs/translators.md); the check and the status table read it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from bot.i18n.catalog import DOMAIN, UNREVIEWED_FILE
from bot.languages import SOURCE_LANGUAGE

UNREVIEWED_MARK = "Unreviewed"
METHOD_MAP = [
    ("answers/**.yml", "bot.i18n.extract:extract_answers"),
    ("buttons.yml", "bot.i18n.extract:extract_buttons"),
    ("topics.yml", "bot.i18n.extract:extract_topics"),
]


def template_path(locales_dir: Path) -> Path:
    """Where the template lives."""
    return locales_dir / f"{DOMAIN}.pot"


def po_path(locales_dir: Path, lang: str) -> Path:
    """Where one language's catalog lives."""
    return locales_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_languages(locales_dir: Path) -> list[str]:
    """Every language that has a catalog."""
    return sorted(p.parent.parent.name for p in locales_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    """Read a .po or .pot file."""
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def write_catalog(catalog: Catalog, path: Path) -> None:
    """Write a .po or .pot file (wrapped at 100 columns, sorted as extracted)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, include_previous=False)


def is_unreviewed(message: Message) -> bool:
    """True when the translation still carries the `Unreviewed` translator comment."""
    return any(c.strip().startswith(UNREVIEWED_MARK) for c in message.user_comments)


def extract(content_dir: Path, locales_dir: Path) -> Catalog:
    """Collect every text of the content into the template."""
    catalog = Catalog(project="Wegwijs", msgid_bugs_address="", charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(content_dir), method_map=METHOD_MAP, comment_tags=(), strip_comment_tags=True
    ):
        catalog.add(message, None, [(f"bot/content/{filename}", lineno)], auto_comments=comments, context=context)
    write_catalog(catalog, template_path(locales_dir))
    return catalog


def _carry_over(new: Message, old: Message | None) -> None:
    if old is None or not old.string or not any(old.string if isinstance(old.string, tuple) else [old.string]):
        return
    new.string = old.string
    new.user_comments = list(old.user_comments)
    if old.id != new.id:
        new.flags.add("fuzzy")
        new.previous_id = old.id if isinstance(old.id, tuple) else [old.id]
    elif "fuzzy" in old.flags:
        new.flags.add("fuzzy")


def update(locales_dir: Path, languages: list[str] | None = None) -> list[str]:
    """Bring each catalog in line with the template; returns the languages updated."""
    template = read_catalog(template_path(locales_dir))
    updated = []
    for lang in languages or catalog_languages(locales_dir):
        path = po_path(locales_dir, lang)
        old = read_catalog(path, lang) if path.exists() else Catalog(locale=lang)
        by_context = {m.context: m for m in old if m.id}
        new = Catalog(locale=lang, project="Wegwijs", charset="utf-8", fuzzy=False)
        new.language_team = old.language_team
        for message in template:
            if not message.id:
                continue
            fresh = Message(message.id, "" if not message.pluralizable else ("",) * new.num_plurals,
                            locations=message.locations, auto_comments=message.auto_comments,
                            context=message.context)
            if lang == SOURCE_LANGUAGE:
                # The source catalog mirrors the English, so tools that want a catalog per language
                # (Weblate's source language, the status table) have one that is always complete.
                fresh.string = message.id
            else:
                _carry_over(fresh, by_context.get(message.context))
            new[message.id] = fresh
        write_catalog(new, path)
        updated.append(lang)
    return updated


def init_language(locales_dir: Path, lang: str) -> Path:
    """Start a catalog for a new language from the template (validates the code with Babel)."""
    Locale.parse(lang)
    update(locales_dir, [lang])
    return po_path(locales_dir, lang)


def compile_catalogs(locales_dir: Path) -> list[str]:
    """Write the .mo of every catalog and the list of its unreviewed messages."""
    done = []
    for lang in catalog_languages(locales_dir):
        catalog = read_catalog(po_path(locales_dir, lang), lang)
        directory = po_path(locales_dir, lang).parent
        with (directory / f"{DOMAIN}.mo").open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        unreviewed = sorted(m.context for m in catalog if m.id and m.string and is_unreviewed(m))
        (directory / UNREVIEWED_FILE).write_text(json.dumps(unreviewed, ensure_ascii=False), "utf-8")
        done.append(lang)
    return done


@dataclass
class Status:
    """How far one catalog is."""

    language: str
    total: int
    reviewed: int
    unreviewed: int
    needs_review: int
    missing: int

    @property
    def percent(self) -> float:
        """Share of messages with a usable translation (reviewed or not, not fuzzy)."""
        return 100.0 * (self.reviewed + self.unreviewed) / self.total if self.total else 100.0


def _has_string(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return bool(strings) and all(s for s in strings)


def status(locales_dir: Path) -> list[Status]:
    """One status row per language, measured against the template."""
    template_contexts = {m.context for m in read_catalog(template_path(locales_dir)) if m.id}
    rows = []
    for lang in catalog_languages(locales_dir):
        messages = {m.context: m for m in read_catalog(po_path(locales_dir, lang), lang) if m.id}
        row = Status(lang, len(template_contexts), 0, 0, 0, 0)
        for context in template_contexts:
            message = messages.get(context)
            if message is None or not _has_string(message):
                row.missing += 1
            elif "fuzzy" in message.flags:
                row.needs_review += 1
            elif is_unreviewed(message):
                row.unreviewed += 1
            else:
                row.reviewed += 1
        rows.append(row)
    return rows
