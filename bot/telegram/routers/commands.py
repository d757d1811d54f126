"""The bot's commands: /start, /language, /menu, /help, /myphase, /human, /privacy, /forget."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message

from bot.telegram import texts as t
from bot.telegram.deep_link import link_code, link_payload
from bot.telegram.keyboards import forget_keyboard, language_picker, welcome_keyboard
from bot.telegram.person import Person
from bot.telegram.services import Services

#: Commands that are only a shortcut to an engine intent.
ENGINE_COMMANDS = {
    "menu": "/help",
    "help": "/help",
    "myphase": "/my_phase",
    "human": "/request_human",
}


async def start(message: Message, command: CommandObject, person: Person, services: Services) -> None:
    """Welcome in the person's language, or the language picker when it is not known; then a deep link."""
    if person.engine_language:
        lang = person.language
        await services.outbox.send(person, services.texts.get(t.WELCOME, lang),
                                   welcome_keyboard(services.texts, lang, services.callbacks))
    else:
        await services.outbox.send(person, services.texts.get(t.CHOOSE_LANGUAGE, person.language),
                                   language_picker(start=True))
    if command.args:
        await link(person, command.args, services)


async def link(person: Person, argument: str, services: Services) -> None:
    """Link the chat to a case with the caseworker's code, or say the link is broken."""
    code = link_code(argument)
    if code is None:
        await services.outbox.send(person, services.texts.get(t.LINK_INVALID, person.language))
        return
    await services.conversation.ask(person, link_payload(code))


async def choose_language(message: Message, person: Person, services: Services) -> None:
    """/language: every language in its own name."""
    await services.outbox.send(person, services.texts.get(t.CHOOSE_LANGUAGE, person.language),
                               language_picker())


async def engine_shortcut(message: Message, command: CommandObject, person: Person, services: Services) -> None:
    """/menu, /help, /myphase, /human: the engine answers them like the matching question."""
    await services.conversation.ask(person, ENGINE_COMMANDS[command.command.lower()])


async def privacy(message: Message, person: Person, services: Services) -> None:
    """/privacy: what is stored and for how long."""
    days = services.settings.retention_days
    retention = services.texts.fragment(t.PRIVACY_RETENTION, person.language, count=days)
    await services.outbox.send(person, services.texts.get(t.PRIVACY, person.language, retention=retention))


async def forget(message: Message, person: Person, services: Services) -> None:
    """/forget: ask first; the answer is handled in the buttons router."""
    await services.outbox.send(person, services.texts.get(t.FORGET_CONFIRM, person.language),
                               forget_keyboard(services.texts, person.language))


def create_router() -> Router:
    """The command handlers."""
    router = Router(name="commands")
    router.message.register(start, CommandStart())
    router.message.register(choose_language, Command("language"))
    router.message.register(engine_shortcut, Command(*ENGINE_COMMANDS, ignore_case=True))
    router.message.register(privacy, Command("privacy"))
    router.message.register(forget, Command("forget"))
    return router
