"""Button presses: engine payloads, a language picked, the language picker.

Every press was already answered by the AnswerCallbacks middleware; these handlers only act.
"""

from __future__ import annotations

from dataclasses import replace

from aiogram import Router
from aiogram.types import CallbackQuery

from bot.languages import normalise
from bot.telegram import payloads
from bot.telegram import texts as t
from bot.telegram.callbacks import LanguageButton, OpenLanguagePicker, PayloadButton
from bot.telegram.keyboards import language_picker, welcome_keyboard
from bot.telegram.person import Person
from bot.telegram.services import Services


async def _remove_keyboard(query: CallbackQuery, services: Services) -> None:
    if query.message is not None:
        await services.outbox.remove_keyboard(query.message.chat.id, query.message.message_id)


async def payload(query: CallbackQuery, callback_data: PayloadButton, person: Person, services: Services) -> None:
    """A button under an engine answer: send its payload to the engine."""
    text = services.callbacks.get(callback_data.id)
    if text is None:
        await services.outbox.send(person, services.texts.get(t.BUTTON_EXPIRED, person.language))
        return
    await services.conversation.ask(person, text)


async def language(query: CallbackQuery, callback_data: LanguageButton, person: Person,
                   services: Services) -> None:
    """A language picked: remember it; after /start say welcome, otherwise let the engine confirm."""
    code = normalise(callback_data.code)
    if code is None:
        return
    await services.store.set_language(person.sender, code)
    await _remove_keyboard(query, services)
    person = replace(person, chosen=code)
    if callback_data.start:
        await services.outbox.send(person, services.texts.get(t.WELCOME, code),
                                   welcome_keyboard(services.texts, code, services.callbacks))
    else:
        await services.conversation.ask(person, payloads.change_language(code))


async def open_picker(query: CallbackQuery, person: Person, services: Services) -> None:
    """The "Language" button under the welcome."""
    await services.outbox.send(person, services.texts.get(t.CHOOSE_LANGUAGE, person.language), language_picker())


async def unknown(query: CallbackQuery, person: Person, services: Services) -> None:
    """Callback data this version does not know (a button from an older version of the bot)."""
    await services.outbox.send(person, services.texts.get(t.BUTTON_EXPIRED, person.language))


def create_router() -> Router:
    """The button handlers."""
    router = Router(name="buttons")
    router.callback_query.register(payload, PayloadButton.filter())
    router.callback_query.register(language, LanguageButton.filter())
    router.callback_query.register(open_picker, OpenLanguagePicker.filter())
    router.callback_query.register(unknown)
    return router
