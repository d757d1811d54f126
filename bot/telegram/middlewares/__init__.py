"""Middlewares of the front end, one concern each; `setup` registers them in the right order."""

from __future__ import annotations

from aiogram import Dispatcher

from bot.telegram.middlewares.answer_callbacks import AnswerCallbacks
from bot.telegram.middlewares.chat_lock import ChatLocks
from bot.telegram.middlewares.flood import FloodControl
from bot.telegram.middlewares.person import PersonMiddleware
from bot.telegram.services import Services


def setup(dispatcher: Dispatcher, services: Services) -> None:
    """Order matters: a button is answered before anything can drop its press; the person is known
    before flood control can write to them; one chat's updates run one at a time, in order."""
    settings = services.settings
    person = PersonMiddleware(services.store, settings.pseudonym_key.get_secret_value(),
                              settings.default_language)
    flood = FloodControl(services, settings.telegram_flood_messages, settings.telegram_flood_window_s)
    locks = ChatLocks()
    dispatcher.callback_query.outer_middleware(AnswerCallbacks())
    for observer in (dispatcher.message, dispatcher.edited_message, dispatcher.callback_query):
        observer.outer_middleware(person)
        observer.outer_middleware(flood)
        observer.outer_middleware(locks)
