"""Compose the reply to one NLG request: the answer, plus the notes the person should see."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.i18n.reply_language import reply_language, switch_offer
from bot.languages import normalise, own_name
from bot.nlg.renderer import Rendered, Renderer
from bot.safety import EMERGENCY, might_be_emergency

NOTE_UNTRANSLATED = "note_untranslated"
NOTE_UNREVIEWED = "note_unreviewed"
OFFER_SWITCH = "offer_switch_language"
NOTE_POSSIBLE_EMERGENCY = "note_possible_emergency"
EMERGENCY_ANSWER = f"utter_{EMERGENCY}"
#: Arguments the NLG reads itself (an action may fix the reply language, e.g. right after a switch).
REPLY_LANGUAGE_ARG = "reply_language"
#: An action may ask for topic buttons (intent names); the NLG labels them in the reply language.
TOPIC_BUTTONS_ARG = "topic_buttons"


def _bot_texts(tracker: Mapping[str, Any]) -> list[str]:
    return [e.get("text") or "" for e in tracker.get("events") or () if e.get("event") == "bot"]


def _this_turn(tracker: Mapping[str, Any]) -> tuple[Mapping[str, Any], int]:
    """The parse data of the person's latest message, and how many replies the bot sent since."""
    parse_data: Mapping[str, Any] = {}
    replies = 0
    for event in tracker.get("events") or ():
        if event.get("event") == "user":
            parse_data, replies = event.get("parse_data") or {}, 0
        elif event.get("event") == "bot":
            replies += 1
    return parse_data, replies


class ReplyComposer:
    """Decides the language of a reply and adds the notes about translation and language."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer

    def compose(self, response: str, arguments: Mapping[str, Any], tracker: Mapping[str, Any]) -> Rendered:
        """Render `response` for the conversation in `tracker`."""
        args = dict(arguments)
        lang = normalise(args.pop(REPLY_LANGUAGE_ARG, None)) or reply_language(tracker)
        topics = args.pop(TOPIC_BUTTONS_ARG, None) or []
        message = self.renderer.render(response, lang, args, final=False)
        message.buttons.extend({"title": self.renderer.topic_title(t, lang), "payload": f"/{t}"} for t in topics)
        if response != EMERGENCY_ANSWER:
            self._point_to_emergency_help(message, lang, tracker)
        if message.fallback:
            self._append(message, NOTE_UNTRANSLATED, lang)
        elif not message.reviewed:
            note = self.renderer.render(NOTE_UNREVIEWED, lang, final=False).text
            if not any(note in text for text in _bot_texts(tracker)):
                message.text = f"{message.text}\n\n{note}"
        offer = switch_offer(tracker) if REPLY_LANGUAGE_ARG not in arguments else None
        if offer:
            self._offer_switch(message, offer)
        return self.renderer.finish(message)

    def _point_to_emergency_help(self, message: Rendered, lang: str, tracker: Mapping[str, Any]) -> None:
        """Add the emergency numbers to the first reply of a turn whose message might be about one."""
        parse_data, replies = _this_turn(tracker)
        if replies or not might_be_emergency(parse_data):
            return
        note = self._append(message, NOTE_POSSIBLE_EMERGENCY, lang)
        offered = {b["payload"] for b in message.buttons}  # "did you mean" may already offer emergency
        message.buttons.extend(b for b in note.buttons if b["payload"] not in offered)

    def _append(self, message: Rendered, key: str, lang: str, **args: Any) -> Rendered:
        note = self.renderer.render(key, lang, args, final=False)
        message.text = f"{message.text}\n\n{note.text}"
        return note

    def _offer_switch(self, message: Rendered, detected: str) -> None:
        self._append(message, OFFER_SWITCH, detected, language=detected)
        message.buttons.append(
            {"title": own_name(detected), "payload": f'/change_language{{"language": "{detected}"}}'}
        )
