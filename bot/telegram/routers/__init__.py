"""The front end's routers. Each module's `create_router()` builds a fresh router (a router can have
one parent only, so several dispatchers, e.g. in tests, each get their own)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType

from bot.telegram.filters import InPrivateChat
from bot.telegram.routers import (
    buttons,
    commands,
    edited,
    errors,
    forwarded,
    groups,
    media,
    membership,
    text,
)


def create_router() -> Router:
    """All routers in the order they must be tried: groups first, private chats after."""
    root = Router(name="telegram")
    root.include_router(groups.create_router())
    root.include_router(errors.create_router())
    private = Router(name="private")
    for observer in (private.message, private.edited_message, private.callback_query):
        observer.filter(InPrivateChat())
    private.my_chat_member.filter(F.chat.type == ChatType.PRIVATE)
    private.include_routers(
        membership.create_router(),
        buttons.create_router(),
        edited.create_router(),
        forwarded.create_router(),
        commands.create_router(),
        text.create_router(),
        media.create_router(),
    )
    root.include_router(private)
    return root
