"""Actions that steer the conversation: menus, "tell me more", who can help, language, fallback."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.inbox import record_handoff, record_unanswered
from actions.support import content, language, last_utterance
from bot.languages import SUPPORTED_LANGUAGES, normalise, own_name
from bot.nlg.compose import REPLY_LANGUAGE_ARG, TOPIC_BUTTONS_ARG

PHASES = ("registration", "rest_period", "general_procedure", "extended_procedure", "decision",
          "appeal", "permit", "return", "dublin")
MENUS = ("procedure", "organisations", "daily_life")
#: Intents never offered as a "did you mean" topic: they are not topics.
NOT_TOPICS = {"nlu_fallback", "out_of_scope", "affirm", "deny", "greet", "goodbye", "thanks",
              "tell_me_more", "who_can_help"}
SUGGESTIONS = 3

DomainDict = dict[str, Any]


class ActionHelpMenu(Action):
    """Shows the menu: the three groups, or the topics of one group (entity `menu`)."""

    def name(self) -> str:
        return "action_help_menu"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        menu = next(tracker.get_latest_entity_values("menu"), None)
        dispatcher.utter_message(response=f"utter_menu_{menu}" if menu in MENUS else "utter_help")
        return []


class ActionTellMore(Action):
    """Gives the deeper detail (`<answer>_more`) of the last answer that has one."""

    def name(self) -> str:
        return "action_tell_more"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        latest = last_utterance(tracker)
        last = last_utterance(tracker, suffixes=("_more",))
        # Right after the detail, there is nothing more: say so instead of repeating it.
        fresh = last and latest != f"{last}_more"
        dispatcher.utter_message(response=f"{last}_more" if fresh else "utter_no_more")
        return []


#: The answers that are about a phase, each with the phase it is about.
PHASE_OF_ANSWER = {
    **{f"utter_phase_{p}{more}": p for p in PHASES for more in ("", "_more")},
    **{f"utter_who_{p}": p for p in PHASES},
    "utter_dublin_procedure": "dublin",
    "utter_dublin_procedure_more": "dublin",
}


def current_phase_topic(tracker: Tracker) -> str | None:
    """The phase the person asks about: the entity, else the last phase answer, else their own phase."""
    phase = next(tracker.get_latest_entity_values("phase"), None)
    if phase in PHASES:
        return phase
    for event in reversed(tracker.events):
        name = (event.get("metadata") or {}).get("utter_action") if event.get("event") == "bot" else None
        if name in PHASE_OF_ANSWER:
            return PHASE_OF_ANSWER[name]
    return tracker.get_slot("phase") if tracker.get_slot("phase") in PHASES else None


class ActionWhoCanHelp(Action):
    """Who can help in the phase being discussed; without a phase, VluchtelingenWerk."""

    def name(self) -> str:
        return "action_who_can_help"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        phase = current_phase_topic(tracker)
        key = f"utter_who_{phase}" if phase and f"utter_who_{phase}" in content().entries else "utter_org_vwn"
        dispatcher.utter_message(response=key)
        return []


class ActionChangeLanguage(Action):
    """Switches the conversation's language, or offers the languages to choose from."""

    def name(self) -> str:
        return "action_change_language"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        code = normalise(next(tracker.get_latest_entity_values("language"), None))
        if code is None:
            buttons = [{"title": own_name(c), "payload": f'/change_language{{"language": "{c}"}}'}
                       for c in SUPPORTED_LANGUAGES]
            dispatcher.utter_message(response="utter_choose_language", buttons=buttons)
            return []
        dispatcher.utter_message(response="utter_language_changed", language=code, **{REPLY_LANGUAGE_ARG: code})
        # Front ends keep the person's choice: they read this and send it as metadata from now on.
        dispatcher.utter_message(json_message={"wegwijs": {"language": code}})
        return [SlotSet("language", code)]


def suggested_topics(tracker: Tracker) -> list[str]:
    """The most likely topics of the last message, best first."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    names = [r.get("name") for r in ranking if r.get("name") and r.get("name") not in NOT_TOPICS]
    return names[:SUGGESTIONS]


def previous_action(tracker: Tracker) -> str | None:
    """The last action before the latest user message."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return None
            seen_user = True
        elif seen_user and event.get("event") == "action" and event.get("name") != "action_listen":
            return event.get("name")
    return None


class ActionFallback(Action):
    """Two stages: first the likeliest topics as buttons, then the menu and a person."""

    def name(self) -> str:
        return "action_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        # The curators' inbox gets the question, never who asked it (actions/inbox.py).
        record_unanswered(tracker.latest_message.get("text"), language(tracker))
        topics = suggested_topics(tracker)
        if previous_action(tracker) == self.name() or not topics:
            dispatcher.utter_message(response="utter_fallback_menu")
        else:
            dispatcher.utter_message(response="utter_fallback_suggest", **{TOPIC_BUTTONS_ARG: topics})
        return []


class ActionRequestHuman(Action):
    """Hands the conversation to a person at VluchtelingenWerk."""

    def name(self) -> str:
        return "action_request_human"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        record_handoff(tracker.sender_id, language(tracker))
        dispatcher.utter_message(response="utter_request_human")
        return []
