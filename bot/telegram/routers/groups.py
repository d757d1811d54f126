"""Groups: the bot says it only works in private chats, and never reads group messages.

With Telegram's privacy mode (the default) a bot in a group only receives commands, mentions and
replies to it. Whatever arrives is not read or passed on: the group gets a short notice, at most
once per hour, so the bot never floods a group.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from aiogram import F, Router
from aiogram.enums import ChatMemberStatus, ChatType
from aiogram.types import ChatMemberUpdated, Message, User

from bot.languages import normalise
from bot.telegram import texts as t
from bot.telegram.services import Services

NOT_PRIVATE = F.chat.type.in_({ChatType.GROUP, ChatType.SUPERGROUP, ChatType.CHANNEL})
NOTICE_EVERY_S = 3600.0
TRACKED_GROUPS = 1000


class NoticeThrottle:
    """Remembers when each group last got the notice."""

    def __init__(self, every_s: float = NOTICE_EVERY_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.every_s = every_s
        self.clock = clock
        self._last: OrderedDict[int, float] = OrderedDict()

    def due(self, chat_id: int) -> bool:
        """True when the group has not had the notice recently (and records that it gets it now)."""
        now = self.clock()
        last = self._last.get(chat_id)
        if last is not None and now - last < self.every_s:
            return False
        self._last[chat_id] = now
        self._last.move_to_end(chat_id)
        while len(self._last) > TRACKED_GROUPS:
            self._last.popitem(last=False)
        return True


def _language(user: User | None, services: Services) -> str:
    return normalise(getattr(user, "language_code", None)) or services.settings.default_language


def create_router(throttle: NoticeThrottle | None = None) -> Router:
    """Handlers for anything from a group or channel."""
    router = Router(name="groups")
    throttle = throttle or NoticeThrottle()

    async def group_message(message: Message, services: Services) -> None:
        """A command or mention in a group: the notice (sometimes); the message itself is not read."""
        if throttle.due(message.chat.id):
            notice = services.texts.get(t.GROUP_ONLY_PRIVATE, _language(message.from_user, services))
            await services.outbox.send_to_chat(message.chat.id, notice)

    async def added_to_group(update: ChatMemberUpdated, services: Services) -> None:
        """Someone added the bot to a group: say straight away that it works in private chats only."""
        if update.new_chat_member.status in (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR):
            throttle.due(update.chat.id)
            notice = services.texts.get(t.GROUP_ONLY_PRIVATE, _language(update.from_user, services))
            await services.outbox.send_to_chat(update.chat.id, notice)

    router.message.register(group_message, NOT_PRIVATE)
    router.edited_message.register(lambda message: None, NOT_PRIVATE)  # edits in groups: ignored
    router.channel_post.register(lambda message: None)  # channel posts: ignored
    router.my_chat_member.register(added_to_group, NOT_PRIVATE)
    return router
