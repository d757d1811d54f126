"""The bot's commands: /start, /language, /menu, /help, /myphase, /human, /privacy, /forget.

/forget goes to the engine: its forget-me action asks first (in the person's language, saying what
will be deleted) and deletes on "yes"; its reply then tells the front end to forget too.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message

from bot.telegram import payloads
from bot.telegram import texts as t
from bot.telegram.deep_link import link_code
from bot.telegram.keyboards import language_picker, welcome_keyboard
from bot.telegram.person import Person
from bot.telegram.services import Services

#: Commands that are only a shortcut to an engine intent.
ENGINE_COMMANDS = {
    "menu": payloads.HELP,
    "help": payloads.HELP,
    "myphase": payloads.MY_PHASE,
    "human": payloads.REQUEST_HUMAN,
    # The engine asks "delete everything?" with yes/no buttons, and deletes on yes.
    "forget": payloads.FORGET_ME,
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
    await services.conversation.ask(person, payloads.link_account(code))


async def choose_language(message: Message, person: Person, services: Services) -> None:
    """/language: every language in its own name."""
    await services.outbox.send(person, services.texts.get(t.CHOOSE_LANGUAGE, person.language),
                               language_picker())


async def engine_shortcut(message: Message, command: CommandObject, person: Person, services: Services) -> None:
    """/menu, /help, /myphase, /human, /forget: the engine answers them like the matching question."""
    await services.conversation.ask(person, ENGINE_COMMANDS[command.command.lower()])


async def privacy(message: Message, person: Person, services: Services) -> None:
    """/privacy: what is stored and for how long."""
    days = services.settings.retention_days
    retention = services.texts.fragment(t.PRIVACY_RETENTION, person.language, count=days)
    await services.outbox.send(person, services.texts.get(t.PRIVACY, person.language, retention=retention))


def create_router() -> Router:
    """The command handlers."""
    router = Router(name="commands")
    router.message.register(start, CommandStart())
    router.message.register(choose_language, Command("language"))
    router.message.register(engine_shortcut, Command(*ENGINE_COMMANDS, ignore_case=True))
    router.message.register(privacy, Command("privacy"))
    return router
