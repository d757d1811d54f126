"""The command list in Telegram's menu, in each launch language (setMyCommands per language)."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeAllPrivateChats

from bot.languages import SUPPORTED_LANGUAGES
from bot.telegram.texts import COMMANDS, Texts

log = logging.getLogger(__name__)

#: Telegram's limit for a command description.
DESCRIPTION_LIMIT = 256


def command_list(texts: Texts, lang: str) -> list[BotCommand]:
    """The bot's commands with descriptions in `lang`."""
    return [BotCommand(command=name, description=texts.get(key, lang)[:DESCRIPTION_LIMIT])
            for name, key in COMMANDS]


async def set_commands(bot: Bot, texts: Texts, default_language: str = "en") -> bool:
    """Set the menu for private chats: a default list, and one per language Telegram clients use."""
    scope = BotCommandScopeAllPrivateChats()
    try:
        await bot.set_my_commands(command_list(texts, default_language), scope=scope)
        for lang in SUPPORTED_LANGUAGES:
            await bot.set_my_commands(command_list(texts, lang), scope=scope, language_code=lang)
    except TelegramAPIError as exc:
        # Only the menu is missing: the commands themselves still work. Try again at the next start.
        log.error("command menu not set: %s", type(exc).__name__)
        return False
    return True
