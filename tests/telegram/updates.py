"""Builders for the updates a test pushes into the stand-in (shaped like Telegram's own)."""

from __future__ import annotations

import itertools
import time
from typing import Any

_message_ids = itertools.count(10_000)


def user(user_id: int, language_code: str | None = None) -> dict[str, Any]:
    """A Telegram user (a person, not a bot)."""
    person: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": "Person"}
    if language_code:
        person["language_code"] = language_code
    return person


def chat(chat_id: int) -> dict[str, Any]:
    """A private chat (positive id) or a group (negative id)."""
    if chat_id < 0:
        return {"id": chat_id, "type": "group", "title": "A group"}
    return {"id": chat_id, "type": "private", "first_name": "Person"}


def message(sender: dict[str, Any], chat_id: int | None = None, **content: Any) -> dict[str, Any]:
    """A new message with any content (text=..., voice=..., photo=...)."""
    return {"message_id": next(_message_ids), "date": int(time.time()), "from": sender,
            "chat": chat(chat_id if chat_id is not None else sender["id"]), **content}


def text(sender: dict[str, Any], body: str, chat_id: int | None = None) -> dict[str, Any]:
    """An update with a text message; a leading /command gets its bot_command entity."""
    content: dict[str, Any] = {"text": body}
    if body.startswith("/"):
        content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(body.split()[0])}]
    return {"message": message(sender, chat_id, **content)}


def voice(sender: dict[str, Any]) -> dict[str, Any]:
    """An update with a voice note."""
    return {"message": message(sender, voice={"file_id": "v1", "file_unique_id": "v1u", "duration": 3})}


def content(sender: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An update with a message of any other kind."""
    return {"message": message(sender, **fields)}


def edited(sender: dict[str, Any], body: str) -> dict[str, Any]:
    """An update with an edited text message."""
    edit = message(sender, text=body)
    edit["edit_date"] = int(time.time())
    return {"edited_message": edit}


def forwarded(sender: dict[str, Any], body: str) -> dict[str, Any]:
    """An update with a text forwarded from another user."""
    origin = {"type": "user", "date": int(time.time()), "sender_user": user(777)}
    return {"message": message(sender, text=body, forward_origin=origin)}


def press(sender: dict[str, Any], data: str, on_message: dict[str, Any], callback_id: str) -> dict[str, Any]:
    """An update with a button press on a message the bot sent."""
    return {"callback_query": {"id": callback_id, "from": sender, "chat_instance": "ci", "data": data,
                               "message": on_message}}


def membership(sender: dict[str, Any], chat_id: int, old: str, new: str) -> dict[str, Any]:
    """An update about the bot's own membership in a chat (blocked, unblocked, added to a group)."""
    bot = {"id": 123456, "is_bot": True, "first_name": "Wegwijs", "username": "wegwijs_test_bot"}

    def member(status: str) -> dict[str, Any]:
        if status == "kicked":
            return {"status": status, "user": bot, "until_date": 0}
        if status == "administrator":
            return {"status": status, "user": bot, "can_be_edited": False, "is_anonymous": False,
                    "can_manage_chat": True, "can_delete_messages": False, "can_manage_video_chats": False,
                    "can_restrict_members": False, "can_promote_members": False, "can_change_info": False,
                    "can_invite_users": False, "can_post_stories": False, "can_edit_stories": False,
                    "can_delete_stories": False}
        return {"status": status, "user": bot}

    return {"my_chat_member": {"chat": chat(chat_id), "from": sender, "date": int(time.time()),
                               "old_chat_member": member(old), "new_chat_member": member(new)}}
