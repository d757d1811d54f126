"""The front end's own texts: all in content (so translators get them), none missing, none unused."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.content.model import load_content
from bot.telegram import texts as t

LABEL_KEYS = {t.LABEL_MENU, t.LABEL_HUMAN}
TEXT_KEYS = {v for k, v in vars(t).items() if k.isupper() and isinstance(v, str)} - LABEL_KEYS
OWN_KEYS = {k for k in TEXT_KEYS if k.startswith("telegram_")}
BUTTON_TEXTS = {t.BUTTON_LANGUAGE}


def telegram_entries(root: Path) -> dict:
    return yaml.safe_load((root / "bot" / "content" / "answers" / "telegram.yml").read_text("utf-8"))


def test_shared_front_end_texts_are_reused_not_copied(project_root: Path) -> None:
    """The texts every front end needs live in system.yml; telegram.yml holds only Telegram's own."""
    assert {t.CHOOSE_LANGUAGE, t.NOT_TEXT, t.ENGINE_DOWN, t.MESSAGE_TOO_LONG, t.ERROR} == TEXT_KEYS - OWN_KEYS
    content = load_content(project_root / "bot" / "content")
    own = {content.entry(k).text for k in OWN_KEYS}
    assert not own & {content.entry(k).text for k in TEXT_KEYS - OWN_KEYS}


def test_every_text_the_code_names_is_in_the_content(project_root: Path) -> None:
    content = load_content(project_root / "bot" / "content")
    missing = {k for k in TEXT_KEYS | {key for _, key in t.COMMANDS} if content.entry(k) is None}
    assert not missing
    assert set(content.buttons) >= LABEL_KEYS


def test_every_entry_of_telegram_yml_is_used(project_root: Path) -> None:
    used = OWN_KEYS | {key for _, key in t.COMMANDS}
    assert set(telegram_entries(project_root)) == used


def test_button_labels_are_short(project_root: Path) -> None:
    entries = telegram_entries(project_root)
    assert all(len(entries[k]["text"]) <= 24 for k in BUTTON_TEXTS)


def test_commands_are_valid_telegram_commands() -> None:
    assert all(re.fullmatch(r"[a-z0-9_]{1,32}", name) for name, _ in t.COMMANDS)
    assert {name for name, _ in t.COMMANDS} == {"start", "menu", "myphase", "help", "human", "language",
                                                "privacy", "forget"}


def test_no_markup_in_texts(project_root: Path) -> None:
    """Texts are plain: the front end escapes them for HTML, so markup would show as characters."""
    for key, entry in telegram_entries(project_root).items():
        for text in (entry["text"], entry.get("plural") or ""):
            assert not re.search(r"<[a-z/]|\*\*|__", text), key
