"""The front end's own texts (bot/content/answers/telegram.yml), rendered in the person's language."""

from __future__ import annotations

from typing import Any

from bot.i18n.bidi import isolate_ltr_runs
from bot.languages import is_rtl
from bot.nlg.renderer import Renderer

WELCOME = "telegram_welcome"
LINK_INVALID = "telegram_link_invalid"
VOICE = "telegram_voice"
PHOTO = "telegram_photo"
STICKER = "telegram_sticker"
DOCUMENT = "telegram_document"
LOCATION = "telegram_location"
CONTACT = "telegram_contact"
EDITED = "telegram_edited"
FORWARDED = "telegram_forwarded"
GROUP_ONLY_PRIVATE = "telegram_group_only_private"
FLOOD = "telegram_flood"
NOT_ANSWERED = "telegram_not_answered"
BUTTON_EXPIRED = "telegram_button_expired"
PRIVACY = "telegram_privacy"
PRIVACY_RETENTION = "telegram_privacy_retention"
BUTTON_LANGUAGE = "telegram_button_language"

#: Texts every front end shares (bot/content/answers/system.yml): the same words as the terminal chat.
CHOOSE_LANGUAGE = "utter_choose_language"
NOT_TEXT = "ui_text_only"
ENGINE_DOWN = "ui_engine_waiting"
MESSAGE_TOO_LONG = "ui_message_too_long"
ERROR = "utter_missing_answer"

#: Labels of buttons.yml the front end reuses (the same words as under the engine's answers).
LABEL_MENU = "menu"
LABEL_HUMAN = "talk_to_person"

#: The bot's commands, in menu order, and the key describing each in setMyCommands.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "telegram_command_start"),
    ("menu", "telegram_command_menu"),
    ("myphase", "telegram_command_myphase"),
    ("help", "telegram_command_help"),
    ("human", "telegram_command_human"),
    ("language", "telegram_command_language"),
    ("privacy", "telegram_command_privacy"),
    ("forget", "telegram_command_forget"),
)


class Texts:
    """Renders UI texts and button labels; returns plain text (escaping happens when sending)."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer

    def get(self, key: str, lang: str, **args: Any) -> str:
        """The text of `key` in `lang` (English when it has no translation yet)."""
        return self.renderer.render(key, lang, args).text

    def fragment(self, key: str, lang: str, **args: Any) -> str:
        """A piece of text that goes inside another text (made display-safe with the whole text)."""
        return self.renderer.render(key, lang, args, final=False).text

    def label(self, key: str, lang: str) -> str:
        """A button label from buttons.yml in `lang`."""
        title = self.renderer.button_title(key, lang)
        # Latin names inside right-to-left labels stay readable, as in the engine's buttons.
        return isolate_ltr_runs(title) if is_rtl(lang) else title
