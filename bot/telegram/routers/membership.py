"""A person blocking or unblocking the bot: stop or resume messaging them."""

from __future__ import annotations

from aiogram import Router
from aiogram.enums import ChatMemberStatus
from aiogram.types import ChatMemberUpdated

from bot.telegram.person import sender_for
from bot.telegram.services import Services


async def membership(update: ChatMemberUpdated, services: Services) -> None:
    """Blocked ("kicked") marks the chat inactive; any other status marks it active again."""
    key = services.settings.pseudonym_key.get_secret_value()
    blocked = update.new_chat_member.status == ChatMemberStatus.KICKED
    await services.store.mark_inactive(sender_for(update.chat.id, key), blocked)


def create_router() -> Router:
    """The my_chat_member handler for private chats."""
    router = Router(name="membership")
    router.my_chat_member.register(membership)
    return router
