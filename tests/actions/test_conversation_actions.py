"""The conversation actions: tell me more, who can help, fallback, language, menu."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import (
    ActionChangeLanguage,
    ActionFallback,
    ActionHelpMenu,
    ActionTellMore,
    ActionWhoCanHelp,
)
from tests.actions.helpers import bot_turn, entity, responses, tracker, user_turn


@pytest.fixture(autouse=True)
def scratch_database(tmp_path, monkeypatch):
    """The fallback and handoff actions write to the inbox: keep that out of var/."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")


async def run(action, tracker_: Tracker) -> tuple[CollectingDispatcher, list]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker_, {})
    return dispatcher, events


async def test_tell_me_more_gives_the_detail_of_the_last_answer():
    history = [user_turn("rest period?", "phase_rest_period"), bot_turn("utter_phase_rest_period")]
    dispatcher, _ = await run(ActionTellMore(), tracker("s", "tell me more", "tell_me_more", history=history))
    assert responses(dispatcher) == ["utter_phase_rest_period_more"]


async def test_tell_me_more_twice_does_not_repeat_the_detail():
    history = [bot_turn("utter_phase_rest_period"), bot_turn("utter_phase_rest_period_more")]
    dispatcher, _ = await run(ActionTellMore(), tracker("s", "more", "tell_me_more", history=history))
    assert responses(dispatcher) == ["utter_no_more"]


async def test_who_can_help_follows_the_phase_entity_then_the_last_phase_answer():
    with_entity = tracker("s", "who helps with my appeal", "who_can_help", [entity("phase", "appeal")])
    assert responses((await run(ActionWhoCanHelp(), with_entity))[0]) == ["utter_who_appeal"]
    after_dublin = tracker("s", "who can help", "who_can_help", history=[bot_turn("utter_dublin_procedure_more")])
    assert responses((await run(ActionWhoCanHelp(), after_dublin))[0]) == ["utter_who_dublin"]
    nothing = tracker("s", "who can help", "who_can_help")
    assert responses((await run(ActionWhoCanHelp(), nothing))[0]) == ["utter_org_vwn"]


async def test_fallback_first_suggests_the_likeliest_topics_then_offers_the_menu():
    first = tracker("s", "blabla", "phase_appeal")
    first.latest_message["intent_ranking"] = [{"name": n, "confidence": c} for n, c in
                                              [("phase_appeal", 0.3), ("greet", 0.2), ("phase_return", 0.1),
                                               ("documents", 0.1), ("work", 0.05)]]
    dispatcher, _ = await run(ActionFallback(), first)
    assert responses(dispatcher) == ["utter_fallback_suggest"]
    assert dispatcher.messages[0]["topic_buttons"] == ["phase_appeal", "phase_return", "documents"]

    history = [user_turn("blabla", "phase_appeal"), {"event": "action", "name": "action_fallback"},
               bot_turn("utter_fallback_suggest"), {"event": "action", "name": "action_listen"}]
    again = tracker("s", "blublu", "work", history=history)
    again.latest_message["intent_ranking"] = [{"name": "work", "confidence": 0.2}]
    assert responses((await run(ActionFallback(), again))[0]) == ["utter_fallback_menu"]


async def test_changing_language_sets_the_slot_and_tells_the_front_end():
    dispatcher, events = await run(ActionChangeLanguage(),
                                   tracker("s", "in arabic please", "change_language", [entity("language", "ar")]))
    assert events == [{"event": "slot", "timestamp": None, "name": "language", "value": "ar"}]
    assert dispatcher.messages[0]["reply_language"] == "ar"
    assert dispatcher.messages[1]["custom"] == {"wegwijs": {"language": "ar"}}


async def test_changing_language_without_a_language_offers_all_ten_by_their_own_names():
    dispatcher, events = await run(ActionChangeLanguage(), tracker("s", "other language", "change_language"))
    titles = [b["title"] for b in dispatcher.messages[0]["buttons"]]
    assert events == [] and len(titles) == 10 and "ትግርኛ" in titles and "العربية" in titles


async def test_menu_shows_a_group_or_the_three_groups():
    group = tracker("s", "/help", "help", [entity("menu", "daily_life")])
    assert responses((await run(ActionHelpMenu(), group))[0]) == ["utter_menu_daily_life"]
    assert responses((await run(ActionHelpMenu(), tracker("s", "help", "help")))[0]) == ["utter_help"]
