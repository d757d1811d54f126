"""Inline keyboards: engine buttons, the language picker, the welcome and "ask for a person" buttons."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.engine.client import Button
from bot.languages import SUPPORTED_LANGUAGES, own_name
from bot.telegram import payloads
from bot.telegram import texts as t
from bot.telegram.callbacks import CallbackStore, LanguageButton, OpenLanguagePicker
from bot.telegram.texts import Texts

#: Button titles longer than this go one per row, so they are not cut off on a narrow screen.
SHORT_TITLE = 16


def _rows(buttons: Sequence[InlineKeyboardButton]) -> list[list[InlineKeyboardButton]]:
    """Two short buttons per row, long ones alone: readable on a small phone."""
    rows: list[list[InlineKeyboardButton]] = []
    pair: list[InlineKeyboardButton] = []
    for button in buttons:
        if len(button.text) > SHORT_TITLE:
            if pair:
                rows.append(pair)
                pair = []
            rows.append([button])
            continue
        pair.append(button)
        if len(pair) == 2:
            rows.append(pair)
            pair = []
    if pair:
        rows.append(pair)
    return rows


def engine_keyboard(buttons: Sequence[Button], store: CallbackStore) -> InlineKeyboardMarkup | None:
    """The engine's buttons as an inline keyboard; each press sends its payload back to the engine."""
    if not buttons:
        return None
    inline = [InlineKeyboardButton(text=b.title, callback_data=store.put(b.payload)) for b in buttons]
    return InlineKeyboardMarkup(inline_keyboard=_rows(inline))


def language_picker(start: bool = False) -> InlineKeyboardMarkup:
    """Every launch language, each in its own name, so anyone can find theirs."""
    inline = [
        InlineKeyboardButton(text=own_name(code), callback_data=LanguageButton(code=code, start=start).pack())
        for code in SUPPORTED_LANGUAGES
    ]
    return InlineKeyboardMarkup(inline_keyboard=_rows(inline))


def welcome_keyboard(texts: Texts, lang: str, store: CallbackStore) -> InlineKeyboardMarkup:
    """Under the welcome: the topic menu, a person, and the way to another language."""
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=texts.label(t.LABEL_MENU, lang), callback_data=store.put(payloads.HELP)),
         InlineKeyboardButton(text=texts.get(t.BUTTON_LANGUAGE, lang),
                              callback_data=OpenLanguagePicker().pack())],
        [InlineKeyboardButton(text=texts.label(t.LABEL_HUMAN, lang), callback_data=store.put(payloads.REQUEST_HUMAN))],
    ])


def human_keyboard(texts: Texts, lang: str, store: CallbackStore) -> InlineKeyboardMarkup:
    """One button to ask for a person (under "I can only read text")."""
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=texts.label(t.LABEL_HUMAN, lang), callback_data=store.put(payloads.REQUEST_HUMAN))],
    ])
