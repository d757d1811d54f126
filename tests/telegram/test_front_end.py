"""The front end's behaviour on the stand-in, with the fake engine (to see what the engine was sent)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from bot.identity import sender_id
from bot.languages import SUPPORTED_LANGUAGES, own_name
from bot.telegram import texts as t
from bot.telegram.callbacks import LanguageButton, PayloadButton
from bot.telegram.store import MemoryPreferenceStore
from tests.telegram import updates
from tests.telegram.conftest import Chat, buttons, make_settings, polling_bot
from tests.telegram.fake_engine import FakeEngine
from tests.telegram.standin import BotApiStandIn, parse_html


@pytest.fixture
async def bot(standin: BotApiStandIn, fake_engine: FakeEngine):  # noqa: ANN201
    async with polling_bot(make_settings(standin, fake_engine.engine_url)) as app:
        yield app


def chat(standin: BotApiStandIn, app: Any, user_id: int, language: str | None = "en") -> Chat:
    return Chat(standin, app, updates.user(user_id, language_code=language))


async def test_startup_sets_commands_per_language_and_polls_without_a_webhook(standin, bot) -> None:
    await standin.wait_for(lambda: standin.calls_of("getUpdates"))
    calls = standin.calls_of("setMyCommands")
    assert {c.params.get("language_code") for c in calls} == {None, *SUPPORTED_LANGUAGES}
    assert all(c.params["scope"] == {"type": "all_private_chats"} for c in calls)
    assert [c["command"] for c in calls[0].params["commands"]][:2] == ["start", "menu"]
    names = [c.method for c in standin.calls]
    assert names.index("deleteWebhook") < names.index("getUpdates")


async def test_start_in_a_supported_app_language_welcomes_in_it(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 101, "fa-IR")
    person.send("/start")
    [welcome] = await person.next_messages()
    assert welcome["text"] == bot.services.texts.get(t.WELCOME, "fa")
    labels = [b["text"] for b in buttons(welcome)]
    assert bot.services.texts.label(t.LABEL_MENU, "fa") in labels
    assert fake_engine.received == []  # the welcome is the front end's own


async def test_messages_carry_the_language_to_the_engine(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 102, "ar")
    person.send("hello")
    await person.next_messages()
    assert fake_engine.received[-1]["metadata"] == {"language": "ar"}
    person.send("/language")
    [picker] = await person.next_messages()
    assert [b["text"] for b in buttons(picker)] == [own_name(c) for c in SUPPORTED_LANGUAGES]
    person.press(picker, LanguageButton(code="ti").pack())
    [changed] = await person.next_messages()
    assert fake_engine.received[-1]["message"] == '/change_language{"language": "ti"}'
    assert fake_engine.received[-1]["metadata"] == {"language": "ti"}
    person.send("selam")
    await person.next_messages()
    assert fake_engine.received[-1]["metadata"] == {"language": "ti"}


async def test_the_engine_sees_a_pseudonym_not_the_chat_id(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 987654321)
    person.send("hello")
    await person.next_messages()
    sender = fake_engine.received[-1]["sender"]
    assert "987654321" not in sender
    assert sender == sender_id("telegram", 987654321, bot.services.settings.pseudonym_key.get_secret_value())


async def test_an_engine_language_switch_is_remembered(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 103, None)
    person.send('/change_language{"language": "ar"}')  # as if typed: an unknown command -> menu
    await person.next_messages()
    assert fake_engine.received[-1]["message"] == "/help"
    fake_engine.script = lambda message, lang: [{"text": "ok"}, {"custom": {"wegwijs": {"language": "so"}}}]
    person.send("af soomaali")
    await person.next_messages()
    store: MemoryPreferenceStore = bot.services.store  # type: ignore[assignment]
    await standin.wait_for(lambda: store.languages.get(fake_engine.received[-1]["sender"]) == "so")
    person.send("mahadsanid")
    await person.next_messages()
    assert fake_engine.received[-1]["metadata"] == {"language": "so"}


@pytest.mark.parametrize(("command", "payload"), [
    ("/menu", "/help"), ("/help", "/help"), ("/myphase", "/my_phase"), ("/human", "/request_human"),
    ("/forget", "/forget_me"), ("/unknown", "/help"), ("/HELP", "/help"),
])
async def test_commands_that_the_engine_answers(standin, bot, fake_engine, command: str, payload: str) -> None:
    person = chat(standin, bot, 104)
    person.send(command)
    await person.next_messages()
    assert fake_engine.messages() == [payload]


async def test_start_with_a_caseworkers_code_links_the_chat(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 105)
    person.send("/start abcde23456")
    welcome, linked = await person.next_messages(2)
    assert welcome["text"] == bot.services.texts.get(t.WELCOME, "en")
    assert fake_engine.messages() == ['/link_account{"link_code": "ABCDE-23456"}']


async def test_start_with_a_broken_code_says_so(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 106)
    person.send('/start x"}]')
    _, reply = await person.next_messages(2)
    assert reply["text"] == bot.services.texts.get(t.LINK_INVALID, "en")
    assert fake_engine.received == []


async def test_privacy_says_what_is_kept_and_for_how_long(standin, bot) -> None:
    person = chat(standin, bot, 107)
    person.send("/privacy")
    [reply] = await person.next_messages()
    assert "30 days" in reply["text"] and "/forget" in reply["text"]


async def test_forget_goes_to_the_engine_which_asks_then_everything_is_dropped(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 108)
    store: MemoryPreferenceStore = bot.services.store  # type: ignore[assignment]
    person.send("/language")
    [picker] = await person.next_messages()
    person.press(picker, LanguageButton(code="fr").pack())
    await person.next_messages()
    sender = fake_engine.received[-1]["sender"]
    assert store.languages[sender] == "fr"

    person.send("/forget")
    [question] = await person.next_messages()
    assert fake_engine.messages()[-1] == "/forget_me"
    assert store.languages[sender] == "fr"  # nothing is deleted before the person says yes
    yes = next(b for b in buttons(question) if person.payload_of(b) == "/affirm")
    person.press(question, yes["callback_data"])
    await person.next_messages()
    await standin.wait_for(lambda: sender not in store.languages)


async def test_forget_can_be_cancelled(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 109, "fr")
    person.send("/language")
    [picker] = await person.next_messages()
    person.press(picker, LanguageButton(code="fr").pack())
    await person.next_messages()
    person.send("/forget")
    [question] = await person.next_messages()
    no = next(b for b in buttons(question) if person.payload_of(b) == "/deny")
    person.press(question, no["callback_data"])
    [reply] = await person.next_messages()
    assert reply["text"] == "Nothing was deleted."
    assert await bot.services.store.get_language(fake_engine.received[-1]["sender"]) == "fr"


async def test_a_very_long_message_gets_a_kind_request_for_a_shorter_one(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 124, "es")
    person.send("help " * 500)
    [reply] = await person.next_messages()
    assert reply["text"] == bot.services.texts.get(t.MESSAGE_TOO_LONG, "es")
    assert fake_engine.received == []


@pytest.mark.parametrize(("fields", "key"), [
    ({"audio": {"file_id": "a", "file_unique_id": "a", "duration": 3}}, t.VOICE),
    ({"video_note": {"file_id": "a", "file_unique_id": "a", "length": 1, "duration": 3}}, t.VOICE),
    ({"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]}, t.PHOTO),
    ({"sticker": {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1, "height": 1,
                  "is_animated": False, "is_video": False}}, t.STICKER),
    ({"document": {"file_id": "d", "file_unique_id": "d"}}, t.DOCUMENT),
    ({"location": {"latitude": 52.1, "longitude": 5.1}}, t.LOCATION),
    ({"contact": {"phone_number": "+31600000000", "first_name": "A"}}, t.CONTACT),
    ({"poll": {"id": "1", "question": "?", "options": [], "total_voter_count": 0, "is_closed": False,
               "is_anonymous": True, "type": "regular", "allows_multiple_answers": False,
               "allows_revoting": False, "members_only": False}}, t.NOT_TEXT),
])
async def test_every_kind_of_content_gets_a_kind_reply(standin, bot, fake_engine, fields, key) -> None:
    person = chat(standin, bot, 110, "tr")
    person.push(updates.content(person.user, **fields))
    [reply] = await person.next_messages()
    assert reply["text"] == bot.services.texts.get(key, "tr")
    assert fake_engine.received == []


async def test_edited_and_forwarded_messages_are_not_read(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 111, "nl")
    person.push(updates.edited(person.user, "changed my question"))
    [edited] = await person.next_messages()
    assert edited["text"] == bot.services.texts.get(t.EDITED, "nl")
    person.push(updates.forwarded(person.user, "a message from someone else"))
    [forwarded] = await person.next_messages()
    assert forwarded["text"] == bot.services.texts.get(t.FORWARDED, "nl")
    assert fake_engine.received == []


async def test_groups_get_a_notice_once_and_are_never_read(standin, bot, fake_engine) -> None:
    member = updates.user(112, "en")
    standin.push(updates.membership(member, -500, "left", "member"))
    [notice] = await standin.wait_messages(-500, 1)
    assert notice["text"] == bot.services.texts.get(t.GROUP_ONLY_PRIVATE, "en")
    standin.push(updates.text(member, "/help@wegwijs_test_bot", chat_id=-500))
    standin.push(updates.text(member, "@wegwijs_test_bot what is the IND?", chat_id=-600))
    await standin.wait_messages(-600, 1)
    await asyncio.sleep(0.3)
    assert len(standin.sent(-500)) == 1  # no second notice within the hour
    assert fake_engine.received == []


async def test_a_person_who_blocked_the_bot_is_marked_inactive(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 113)
    store: MemoryPreferenceStore = bot.services.store  # type: ignore[assignment]
    standin.blocked.add(113)
    person.send("hello")
    await standin.wait_for(lambda: fake_engine.received)
    sender = fake_engine.received[-1]["sender"]
    await standin.wait_for(lambda: sender in store.inactive)
    standin.blocked.discard(113)
    person.push(updates.membership(person.user, 113, "kicked", "member"))
    await standin.wait_for(lambda: sender not in store.inactive)
    person.push(updates.membership(person.user, 113, "member", "kicked"))
    await standin.wait_for(lambda: sender in store.inactive)


async def test_network_errors_are_retried(standin, bot) -> None:
    person = chat(standin, bot, 114)
    standin.drop_next("sendMessage", times=2)
    person.send("/privacy")
    [reply] = await person.next_messages()
    assert reply["text"].startswith("What I keep")
    assert len(standin.calls_of("sendMessage")) == 3


async def test_long_answers_are_split_with_buttons_on_the_last_part(standin, bot, fake_engine) -> None:
    paragraphs = [f"{i}. " + " ".join(["Tom & Jerry <3"] * 60) for i in range(10)]
    fake_engine.script = lambda message, lang: [
        {"text": "\n\n".join(paragraphs), "buttons": [{"title": "Menu", "payload": "/help"}]}]
    person = chat(standin, bot, 115)
    person.send("tell me everything")
    parts = await person.next_messages(3)
    assert all(len(p["text"]) <= 4096 for p in parts)
    assert [bool(buttons(p)) for p in parts] == [False, False, True]
    assert "\n\n".join(p["text"] for p in parts) == "\n\n".join(paragraphs)


async def test_engine_text_is_escaped_never_markup(standin, bot, fake_engine) -> None:
    fake_engine.script = lambda message, lang: [{"text": "<b>not bold</b> & <a href='x'>no link</a>"}]
    person = chat(standin, bot, 116)
    person.send("hi")
    [reply] = await person.next_messages()
    assert reply["text"] == "<b>not bold</b> & <a href='x'>no link</a>"
    sent = standin.calls_of("sendMessage")[-1].params
    assert sent["parse_mode"] == "HTML" and parse_html(sent["text"]) == reply["text"]


async def test_a_typing_indicator_shows_while_the_engine_thinks(standin, bot, fake_engine) -> None:
    original = fake_engine.script

    def thinking(message: str, lang: str) -> list[dict[str, Any]]:
        time.sleep(0.3)  # the fake engine blocks: the typing indicator has time to show
        return original(message, lang)

    fake_engine.script = thinking
    person = chat(standin, bot, 117)
    person.send("what is the rest period")
    await person.next_messages()
    typing = [c for c in standin.calls_of("sendChatAction") if c.params["chat_id"] == 117]
    answer = [c for c in standin.calls_of("sendMessage") if c.params["chat_id"] == 117][-1]
    assert typing and typing[0].params["action"] == "typing" and typing[0].at < answer.at


async def test_flooding_gets_one_friendly_note(standin, fake_engine) -> None:
    settings = make_settings(standin, fake_engine.engine_url, telegram_flood_messages=3)
    async with polling_bot(settings) as app:
        person = chat(standin, app, 118)
        for i in range(8):
            person.send(f"message {i}")
        await person.expect(4)
        await asyncio.sleep(0.5)
        texts = [m["text"] for m in person.messages()]
        assert texts.count(app.services.texts.get(t.FLOOD, "en")) == 1
        assert fake_engine.messages() == ["message 0", "message 1", "message 2"]


async def test_every_button_press_is_answered_even_an_expired_one(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 119)
    person.send("what about the rest period")
    [answer] = await person.next_messages()
    pressed = [person.press(answer, PayloadButton(id="AAAAAAAAAAAA").pack()),
               person.press(answer, "something-old"),
               person.press(answer, buttons(answer)[0]["callback_data"])]
    replies = await person.next_messages(3)
    assert set(pressed) <= standin.answered
    expired = bot.services.texts.get(t.BUTTON_EXPIRED, "en")
    assert [r["text"] for r in replies[:2]] == [expired, expired]
    assert fake_engine.messages()[-1] == "/phase_general_procedure"


async def test_while_the_engine_is_down_messages_wait_in_order(standin, bot, fake_engine) -> None:
    person = chat(standin, bot, 120)
    await fake_engine.stop_engine()
    for text in ("first", "second", "third"):
        person.send(text)
    [moment] = await person.next_messages()
    assert moment["text"] == bot.services.texts.get(t.ENGINE_DOWN, "en")
    await asyncio.sleep(0.3)
    assert len(person.messages()) == 1  # "one moment" once, not for every message
    await fake_engine.start_engine()
    answers = await person.next_messages(3)
    assert [a["text"] for a in answers] == ["echo: first", "echo: second", "echo: third"]


async def test_too_many_waiting_messages_are_refused_clearly(standin, fake_engine) -> None:
    settings = make_settings(standin, fake_engine.engine_url, telegram_pending_per_chat=1)
    async with polling_bot(settings) as app:
        person = chat(standin, app, 121)
        await fake_engine.stop_engine()
        person.send("first")
        person.send("second")
        moment, refused = await person.next_messages(2)
        assert refused["text"] == app.services.texts.get(t.NOT_ANSWERED, "en", count=1)
        await fake_engine.start_engine()
        [answer] = await person.next_messages()
        assert answer["text"] == "echo: first"


async def test_stopping_the_bot_tells_people_whose_messages_wait(standin, fake_engine) -> None:
    async with polling_bot(make_settings(standin, fake_engine.engine_url)) as app:
        person = chat(standin, app, 122)
        await fake_engine.stop_engine()
        person.send("anyone?")
        await person.next_messages()
    assert person.messages()[-1]["text"] == app.services.texts.get(t.NOT_ANSWERED, "en", count=1)


async def test_an_unexpected_error_gets_an_apology(standin, fake_engine) -> None:
    class BrokenStore(MemoryPreferenceStore):
        async def set_language(self, sender: str, language: str) -> None:
            raise RuntimeError("the database is gone")

    async with polling_bot(make_settings(standin, fake_engine.engine_url), store=BrokenStore()) as app:
        person = chat(standin, app, 123, None)
        person.send("/language")
        [picker] = await person.next_messages()
        person.press(picker, LanguageButton(code="es").pack())
        [sorry] = await person.next_messages()
        assert sorry["text"] == app.services.texts.get(t.ERROR, "en")


async def test_engine_that_stays_down_the_person_is_told(standin, fake_engine) -> None:
    settings = make_settings(standin, fake_engine.engine_url, telegram_engine_retry_s=1.5)
    async with polling_bot(settings) as app:
        chat = Chat(standin, app, updates.user(5005, language_code="en"))
        await fake_engine.stop_engine()
        try:
            started = time.monotonic()
            chat.send("hello")
            chat.send("are you there?")
            moment, not_answered = await chat.next_messages(2, timeout=30)
            assert moment["text"] == app.services.texts.get(t.ENGINE_DOWN, "en")
            assert not_answered["text"] == app.services.texts.get(t.NOT_ANSWERED, "en", count=2)
            assert time.monotonic() - started >= 1.5
        finally:
            await fake_engine.start_engine()
