"""The issue's scenarios, end to end: the real aiogram Bot on the stand-in, the engine behind it."""

from __future__ import annotations

import re

from aiohttp import ClientSession

from bot.languages import own_name
from bot.telegram import texts as t
from bot.telegram.webhook import SECRET_HEADER
from tests.telegram import updates
from tests.telegram.conftest import Chat, buttons, make_settings, polling_bot, webhook_bot

ARABIC = re.compile(r"[\u0600-\u06FF]")


async def test_new_arabic_speaker_picks_language_asks_and_goes_on(standin, engine) -> None:
    """Start with an unsupported app language, pick Arabic, ask about the rest period, press "next"."""
    async with polling_bot(make_settings(standin, engine.engine_url)) as app:
        chat = Chat(standin, app, updates.user(5001, language_code="ps"))
        chat.send("/start")
        [picker] = await chat.next_messages()
        names = [b["text"] for b in buttons(picker)]
        assert own_name("ar") in names and own_name("ti") in names and len(names) == 10

        arabic = next(b for b in buttons(picker) if b["text"] == own_name("ar"))
        callback = chat.press(picker, arabic["callback_data"])
        [welcome] = await chat.next_messages()
        assert callback in standin.answered
        assert welcome["text"] == app.services.texts.get(t.WELCOME, "ar")
        # The picker's buttons were taken away once a language was chosen.
        assert standin.calls_of("editMessageReplyMarkup")
        assert "reply_markup" not in standin.messages[(chat.chat_id, picker["message_id"])]

        chat.send("ماذا يحدث في فترة الراحة؟")
        [answer] = await chat.next_messages(timeout=60)
        assert ARABIC.search(answer["text"])
        assert any(c.params.get("action") == "typing" for c in standin.calls_of("sendChatAction"))
        payloads = {chat.payload_of(b): b for b in buttons(answer)}
        assert "/phase_general_procedure" in payloads, payloads.keys()
        assert all(len(b["callback_data"].encode()) <= 64 for b in buttons(answer))

        callback = chat.press(answer, payloads["/phase_general_procedure"]["callback_data"])
        [next_phase] = await chat.next_messages(timeout=60)
        assert callback in standin.answered
        assert ARABIC.search(next_phase["text"])
        assert next_phase["text"] != answer["text"]


async def test_voice_note_gets_a_kind_reply_in_the_persons_language(standin, engine) -> None:
    async with polling_bot(make_settings(standin, engine.engine_url)) as app:
        chat = Chat(standin, app, updates.user(5002, language_code="ar"))
        chat.push(updates.voice(chat.user))
        [reply] = await chat.next_messages()
        assert reply["text"] == app.services.texts.get(t.VOICE, "ar")
        [human] = buttons(reply)
        assert chat.payload_of(human) == "/request_human"


async def test_a_429_is_honoured_and_the_answer_still_arrives(standin, engine) -> None:
    async with polling_bot(make_settings(standin, engine.engine_url)) as app:
        chat = Chat(standin, app, updates.user(5003, language_code="en"))
        standin.fail_next("sendMessage", status=429, retry_after=1)
        chat.send("/privacy")
        [reply] = await chat.next_messages()
        assert reply["text"].startswith("What I keep about you")
        first, second = standin.calls_of("sendMessage")[:2]
        assert second.at - first.at >= 1.0  # waited retry_after before trying again


async def test_engine_stopped_mid_conversation(standin, engine) -> None:
    """The person gets "one moment"; when the engine is back, the answer follows by itself."""
    async with polling_bot(make_settings(standin, engine.engine_url, telegram_engine_retry_s=600)) as app:
        chat = Chat(standin, app, updates.user(5004, language_code="en"))
        chat.send("/help")
        await chat.next_messages(timeout=60)

        await engine.stop_engine()
        try:
            chat.send("what happens in the rest period?")
            [moment] = await chat.next_messages()
            assert moment["text"] == app.services.texts.get(t.ENGINE_DOWN, "en")
            assert app.services.conversation.pending.has_pending(chat.chat_id)
        finally:
            await engine.start_engine()
        [answer] = await chat.next_messages(timeout=120)
        assert answer["text"] != moment["text"]
        assert not app.services.conversation.pending.has_pending(chat.chat_id)


async def test_webhook_call_with_a_wrong_secret_gets_403(standin, engine, unused_tcp_port) -> None:
    settings = make_settings(standin, engine.engine_url, telegram_mode="webhook",
                             telegram_webhook_url="https://bot.example.org/telegram/hook",
                             telegram_webhook_secret="s3cret-token_1", telegram_webhook_port=unused_tcp_port)
    async with webhook_bot(standin, settings):
        assert standin.webhook["url"] == "https://bot.example.org/telegram/hook"
        assert standin.webhook["secret_token"] == "s3cret-token_1"
        url = f"http://127.0.0.1:{unused_tcp_port}/telegram/hook"
        update = {"update_id": 1, **updates.text(updates.user(5006, "en"), "/privacy")}
        async with ClientSession() as http:
            for headers in ({SECRET_HEADER: "wrong"}, {}):
                async with http.post(url, json=update, headers=headers) as resp:
                    assert resp.status == 403
            assert not standin.sent(5006)
            async with http.post(url, json=update, headers={SECRET_HEADER: "s3cret-token_1"}) as resp:
                assert resp.status == 200
        [reply] = await standin.wait_messages(5006, 1)
        assert reply["text"].startswith("What I keep about you")
