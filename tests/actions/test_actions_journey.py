"""A new user's way through, as it happens: the caseworker uses the CLI, the person chats."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.person import ActionForgetMe, ActionLinkAccount, ActionMyPhase, ActionNextSteps
from bot.cases.keydates import local_today
from bot.cli import main
from bot.db.database import Database
from bot.identity import sender_id
from bot.nlg.renderer import Rendered, Renderer
from bot.outbox.delivery import Deliverer, Recipient
from bot.privacy.forget import forget_conversation, traces
from bot.privacy.tracker_store import TrackerStore
from bot.settings import Settings
from tests.actions.helpers import bot_turn, rendered, tracker
from tests.privacy.helpers import add_events


async def say(action, text: str, intent: str, sender: str, renderer: Renderer, history=None) -> list[str]:
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, tracker(sender, text, intent, history=history), {})
    return rendered(dispatcher, renderer)


async def test_caseworker_links_person_who_asks_where_and_what_now(
        database: Database, app_settings: Settings, tracker_store: TrackerStore, renderer: Renderer,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", app_settings.database_url)
    monkeypatch.setenv("PSEUDONYM_KEY", app_settings.pseudonym_key.get_secret_value())
    today = local_today(dt.datetime.now(dt.UTC), app_settings.timezone)
    deadline = today + dt.timedelta(days=9)

    # The caseworker creates the case and a code.
    assert main(["case", "create", "--ref", "WW-JOURNEY", "--phase", "decision", "--location", "AZC Budel",
                 "--appeal-deadline", deadline.isoformat()]) == 0
    assert main(["case", "code", "WW-JOURNEY"]) == 0
    code = re.search(r"code for case WW-JOURNEY: (\S+)", capsys.readouterr().out).group(1)

    # The person, new in the terminal chat, pastes the code and asks.
    person = sender_id("terminal", "first-visit", app_settings.pseudonym_key.get_secret_value())
    actions = {cls: cls(database=database, settings=app_settings, renderer=renderer)
               for cls in (ActionLinkAccount, ActionMyPhase, ActionNextSteps, ActionForgetMe)}
    (done,) = await say(actions[ActionLinkAccount], f"my code is {code.lower()}", "link_account", person, renderer)
    assert done.startswith("Done: this chat is now linked to your case.")
    where = await say(actions[ActionMyPhase], "where am I?", "my_phase", person, renderer)
    assert f"since {today:%B} {today.day}, {today.year}" in where[0]
    assert where[1].startswith("You are in the decision phase.")
    what_now = await say(actions[ActionNextSteps], "what now?", "next_steps", person, renderer)
    assert what_now[0].startswith(f"Your appeal deadline is {deadline:%B} {deadline.day}, {deadline.year} (in 9 days).")
    assert what_now[1].startswith("What you can do now:")

    # The caseworker records the appeal; the person's chat gets one message about it.
    assert main(["case", "phase", "WW-JOURNEY", "appeal"]) == 0
    received: list[str] = []

    async def show(recipient: Recipient, message: Rendered) -> bool:
        received.append(message.text)
        return True

    deliverer = Deliverer(database, renderer)
    assert await deliverer.deliver(show, sender_id=person) == 1
    assert await deliverer.deliver(show, sender_id=person) == 0
    assert "News about your case" in received[0] and "You are in the appeal phase." in received[0]

    # The person asks to be forgotten, confirms, and the front end finishes the job.
    add_events(tracker_store, person, dt.datetime.now(dt.UTC))
    asked = await say(actions[ActionForgetMe], "forget me", "forget_me", person, renderer)
    assert asked[0].startswith("Do you want me to delete everything")
    gone = await say(actions[ActionForgetMe], "/affirm", "affirm", person, renderer,
                     history=[bot_turn("utter_forget_confirm")])
    assert gone[0].startswith("Done. I deleted everything")
    assert forget_conversation(person, app_settings).complete
    assert traces(database, tracker_store, person) == []
    assert main(["case", "show", "WW-JOURNEY"]) == 0
    assert "linked chats       0" in capsys.readouterr().out
